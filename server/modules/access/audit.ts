import type { Executor } from '../../db/client';
import type { Viewer } from './roles';
import { auditLog } from './schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Records a change; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Executor, viewer: Viewer | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    userId: viewer?.userId ?? null,
    ip: viewer?.ip ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
