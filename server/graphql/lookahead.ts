/*
 * What a list field's selection asks of each of its items, read before the items are resolved:
 * a list can then load in one go what each item would otherwise ask for on its own (see the
 * `areas` query). Only fields selected directly or through inline fragments are seen; a field
 * behind a named fragment is simply not preloaded, and resolves on its own as usual.
 */
import { getNamedType, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';

/** The days the items' `field(asOf:)` selections ask for (`today` where asOf is left out), each once. */
export function daysOfItemField(info: GraphQLResolveInfo, field: string, today: string): string[] {
  return [...new Set(argumentsOfItemField(info, field).map((args) => (args.asOf as string | null | undefined) ?? today))];
}

/** The arguments of every selection of `field` on the items of the list being resolved. */
export function argumentsOfItemField(info: GraphQLResolveInfo, field: string): Record<string, unknown>[] {
  const itemType = getNamedType(info.returnType);
  const definition = isObjectType(itemType) ? itemType.getFields()[field] : undefined;
  if (!definition) return [];
  const found: Record<string, unknown>[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === field) {
        found.push(getArgumentValues(definition, selection, info.variableValues));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found;
}
