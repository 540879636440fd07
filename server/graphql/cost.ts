/*
 * The estimated cost of a query, multiplied by the size of the lists it asks for: `children` of an
 * area is up to 170 areas, each of their `series` up to 60 points. GraphQL Armor's cost limit adds
 * a fixed cost per field whatever the list sizes, so `area { children { children { series } } } }`
 * cost the same as one area while it built 177 MB of answer; this rule sees it as ~2 million.
 *
 * A validation rule over the text alone (variables unknown): Apollo validates a text once and keeps
 * the result for every later request of the same text. An argument given as a variable therefore
 * counts at its worst allowed value (a series' range at the 60 months its resolver accepts, a page
 * at its largest size). graphql-query-complexity was the library of choice, but as a validation
 * rule it needs the request's variables (without them it reports every required variable as
 * missing), which a validation cached per text does not have.
 *
 * Cost of a field: 1, plus the cost of its selection; a list field multiplies that by its size.
 */
import {
  type ASTVisitor, type FieldNode, type FragmentDefinitionNode, getNamedType, getNullableType, type GraphQLArgument, GraphQLError,
  type GraphQLField, type GraphQLNamedType, isCompositeType, isInterfaceType, isListType, isObjectType, Kind, type SelectionSetNode,
  type ValidationContext, valueFromAST,
} from 'graphql';
import { MAX_VISIBLE_COMMENTS } from '../modules/awards/posting';
import { MAX_SERIES_MONTHS, monthsInRange } from '../modules/indicators/periods';

type Args = Record<string, unknown>;
/**
 * How many items a list field holds at most: a number, or one computed from its arguments and those
 * of the field it belongs to (`atRisk(communeCode)` → `teams`). Literal arguments have their value; one
 * given by a non-null variable is GIVEN (present, value unknown); a nullable variable may be null, so
 * it is left out as if absent.
 */
type ListSize = number | ((args: Args, parentArgs: Args) => number);

export const GIVEN = Symbol('given by a variable');

/** Fan-outs of the administrative tree, nationally: 34 provinces, up to ~170 communes in a province, ~60 hamlets in a commune. */
const MOST_CHILDREN = 170;
const AREAS_BY_LEVEL: Record<string, number> = { COUNTRY: 1, PROVINCE: 34, COMMUNE: 3_400, HAMLET: 100_000 };
const TEAMS_OF_A_PROVINCE = 3_000;
const TEAMS_OF_A_COMMUNE = 100;
/** A province's cycle: its nominations are within its quota (60 in the demo), a commune's a few. */
const NOMINATIONS_OF_A_CYCLE = 100;
const NOMINATIONS_OF_A_COMMUNE = 20;

/** A page size argument: its literal value, else (a variable) the largest the service accepts. */
const page = (largest: number) => (args: Args) => Math.min(typeof args.limit === 'number' ? Math.max(args.limit, 1) : largest, largest);
const given = (value: unknown) => value !== undefined && value !== null;

/**
 * Every list field of the schema with its largest expected size (tests/integration/query-cost.test.ts
 * checks that none is missing, so a new list field needs a line here).
 */
export const LIST_SIZES: Record<string, ListSize> = {
  'Query.users': 1_000,
  'Query.areas': (args) => (given(args.parentCode) ? MOST_CHILDREN : AREAS_BY_LEVEL[String(args.level)] ?? AREAS_BY_LEVEL.HAMLET!),
  'Query.households': 1_000,
  'Query.leaderboard': MOST_CHILDREN,
  'Query.teamActivities': page(200),
  'Query.campaigns': 40,
  'Query.campaignReports': MOST_CHILDREN,
  'CampaignSummary.reportedCommunes': MOST_CHILDREN,
  'Query.markets': 1_000,
  'Query.quarterReviews': 40,
  'Query.teamsProgress': TEAMS_OF_A_COMMUNE,
  'Query.teamLeaderboard': (args) => (given(args.communeCode) ? TEAMS_OF_A_COMMUNE : TEAMS_OF_A_PROVINCE),
  'Query.teams': TEAMS_OF_A_COMMUNE,
  'Query.myTeams': TEAMS_OF_A_COMMUNE,
  'Query.postedNominations': NOMINATIONS_OF_A_CYCLE,
  'Query.honourRoll': 2_000,
  'Query.awardCycles': 40,
  'Query.awardCommitteeCandidates': 200,
  'Query.nominations': (args) => (given(args.communeCode) ? NOMINATIONS_OF_A_COMMUNE : NOMINATIONS_OF_A_CYCLE),
  'Query.suggestedCandidates': 500,
  'Query.awardResults': NOMINATIONS_OF_A_CYCLE,
  'User.areaCodes': 100,
  'AuditPage.entries': (_args, auditLog) => page(200)(auditLog),
  'Area.children': MOST_CHILDREN,
  'Area.series': (args) => monthsInRange(args.from, args.to) ?? MAX_SERIES_MONTHS,
  'Area.criteria': 10,
  'Household.criteria': 10,
  'QuarterComparison.areas': MOST_CHILDREN + 1,
  'QuarterComparison.metrics': 5,
  'CommuneTargetPlan.allocations': 5,
  'CommuneTargetPlan.teamTargets': 500,
  'TeamProgress.targets': 5,
  'AreaProgress.targets': 5,
  'AtRiskList.teams': (_args, atRisk) => (given(atRisk.communeCode) ? TEAMS_OF_A_COMMUNE : TEAMS_OF_A_PROVINCE),
  'AtRiskList.communes': (_args, atRisk) => (given(atRisk.communeCode) ? 1 : MOST_CHILDREN),
  'Team.hamlets': 60,
  'Team.memberList': 100,
  'AwardCycle.rubric': 20,
  'AwardCycle.committee': 50,
  'Nomination.eligibility': 20,
  'Nomination.evidence': 20,
  'Nomination.comments': MAX_VISIBLE_COMMENTS,
  'MyReviewSheet.scores': 20,
  'SuggestedCandidate.eligibility': 20,
  'Mutation.logActivities': 500,
  'Mutation.checkAwardEligibility': NOMINATIONS_OF_A_CYCLE,
  'Mutation.openAwardReview': NOMINATIONS_OF_A_CYCLE,
  'Mutation.closeAwardReview': NOMINATIONS_OF_A_CYCLE,
  'TargetChange.warnings': 10,
  'AwardDecision.certificateCodes': NOMINATIONS_OF_A_CYCLE,
};

/** A list field not in the table (a mistake the test catches) still multiplies. */
const UNLISTED_SIZE = 100;

/** The arguments as far as the text tells them, with the schema's defaults (see ListSize). */
function knownArgs(node: FieldNode, field: GraphQLField<unknown, unknown>, nonNullVariables: ReadonlySet<string>): Args {
  const args: Args = {};
  for (const definition of field.args as readonly GraphQLArgument[]) {
    const argument = node.arguments?.find((a) => a.name.value === definition.name);
    if (!argument) {
      if (definition.defaultValue !== undefined) args[definition.name] = definition.defaultValue;
    } else if (argument.value.kind === Kind.VARIABLE) {
      if (nonNullVariables.has(argument.value.name.value)) args[definition.name] = GIVEN;
    } else {
      const value = valueFromAST(argument.value, definition.type);
      if (value !== undefined) args[definition.name] = value;
    }
  }
  return args;
}

/** The cost of each operation of the document, in the order written. */
export function operationCosts(context: Pick<ValidationContext, 'getSchema' | 'getDocument'>): number[] {
  const schema = context.getSchema();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  let nonNullVariables = new Set<string>();
  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, parentArgs: Args, spread: ReadonlySet<string>): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection (off in production) is no list of ours; its depth is limited elsewhere.
        if (selection.name.value.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue; // an unknown field: another rule reports it
        const type = getNamedType(field.type);
        const args = knownArgs(selection, field, nonNullVariables);
        const below = selection.selectionSet && isCompositeType(type) ? selectionCost(selection.selectionSet, type, args, spread) : 0;
        const size = isListType(getNullableType(field.type)) ? LIST_SIZES[`${parent.name}.${field.name}`] ?? UNLISTED_SIZE : 1;
        cost += (typeof size === 'number' ? size : size(args, parentArgs)) * (1 + below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) cost += selectionCost(selection.selectionSet, type, parentArgs, spread);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        // A fragment spreading itself is refused by graphql-js's own rule: counted once here.
        if (fragment && type && !spread.has(name)) cost += selectionCost(fragment.selectionSet, type, parentArgs, new Set([...spread, name]));
      }
      if (cost > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return cost;
  };

  const costs: number[] = [];
  for (const definition of context.getDocument().definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    nonNullVariables = new Set((definition.variableDefinitions ?? [])
      .filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue).map((v) => v.variable.name.value));
    costs.push(root ? selectionCost(definition.selectionSet, root, {}, new Set()) : 0);
  }
  return costs;
}

export const TOO_COSTLY = 'Truy vấn quá tốn kém: hãy chia thành nhiều truy vấn nhỏ hơn.';

/** The validation rule: an operation over `maxCost` is refused before anything runs. */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        if (operationCosts(context).some((cost) => cost > maxCost)) {
          context.reportError(new GraphQLError(TOO_COSTLY));
        }
      },
    },
  });
}
