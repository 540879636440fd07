/*
 * recordChange: called by the write services inside their transaction, says what the transaction
 * changes and where. Listeners (onChange) hear of it once the transaction commits, in this process
 * and, on PostgreSQL, in every other one (server/db/changes.ts); a rolled-back transaction is
 * never heard of.
 */
import { addChange, onChanges } from '../../db/changes';
import type { Db, Tx } from '../../db/client';
import { areasAndAncestorCodes } from '../areas/service';
import type { ChangeKind, ChangeListener } from './types';

export interface ChangeRecord {
  kind: ChangeKind | readonly ChangeKind[];
  /** The areas whose data changed (any level): by id, by code, or both. Omit both for every area. */
  areaIds?: readonly number[];
  areaCodes?: readonly string[];
}

/** Records, in `tx`, that data of `kind` changed in the given areas (their ancestors are added here). */
export async function recordChange(tx: Tx, { kind, areaIds, areaCodes }: ChangeRecord): Promise<void> {
  const kinds = typeof kind === 'string' ? [kind] : kind;
  if (!areaIds && !areaCodes) return addChange(tx, kinds, 'all');
  const codes = await areasAndAncestorCodes(tx, areaIds ?? [], areaCodes ?? []);
  addChange(tx, kinds, codes);
}

/** Calls `listener` after every committed change to `db`'s data, from any process. Returns how to stop. */
export function onChange(db: Db, listener: ChangeListener): Promise<() => Promise<void>> {
  return onChanges(db, listener);
}
