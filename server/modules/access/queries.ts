/** Every read and write of users, their areas, sessions and the audit log. */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaRows } from '../areas/subqueries';
import type { Role } from './roles';
import { sessions, userAreas, users } from './schema';

export interface UserRow {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  areaCodes: string[];
}

const userSelect = sql`
  select u.id, u.username, u.full_name as "fullName", u.role, u.active,
         to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
         coalesce((select json_agg(a.code order by a.code) from user_areas ua join ${areaRows} a on a.id = ua.area_id
                   where ua.user_id = u.id), '[]'::json) as "areaCodes"
  from users u`;

export function findUsers(db: Executor, filter: { id?: number; username?: string } = {}): Promise<UserRow[]> {
  const where = filter.id !== undefined ? sql`where u.id = ${filter.id}`
    : filter.username !== undefined ? sql`where u.username = ${filter.username}` : sql``;
  return queryRows<UserRow>(db, sql`${userSelect} ${where} order by u.username`);
}

export async function findCredentials(db: Executor, username: string) {
  const [row] = await db.select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function insertUser(
  db: Executor, user: { username: string; fullName: string; role: Role; passwordHash: string }, areaIds: readonly number[],
): Promise<number> {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  if (areaIds.length > 0) await db.insert(userAreas).values(areaIds.map((areaId) => ({ userId: row!.id, areaId })));
  return row!.id;
}

export async function updateUser(db: Executor, id: number, change: { passwordHash?: string; active?: boolean }) {
  await db.update(users).set(change).where(eq(users.id, id));
}

export async function insertSession(db: Executor, s: { userId: number; tokenHash: string; expiresAt: Date; ip: string | null }) {
  const [row] = await db.insert(sessions).values(s).returning({ id: sessions.id });
  return row!.id;
}

/** Forgets sessions that ended more than a week ago (they no longer serve the audit of who was signed in). */
export async function pruneSessions(db: Executor): Promise<void> {
  await db.execute(sql`delete from sessions where coalesce(revoked_at, expires_at) < now() - interval '7 days'`);
}

/** Drops the sign-in limits' counters whose window or block ended more than an hour ago (login-limits.ts). */
export async function pruneLoginLimits(db: Executor): Promise<void> {
  await db.execute(sql`delete from login_limits where expire < now() - interval '1 hour'`);
}

/** Revokes one session by its token hash; returns it when it was live. */
export async function revokeSession(db: Executor, tokenHash: string) {
  const [row] = await db.update(sessions).set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id, userId: sessions.userId });
  return row ?? null;
}

/** Revokes every live session of a user, but `keepSessionId` when given. */
export async function revokeUserSessions(db: Executor, userId: number, keepSessionId?: number): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(and(
    eq(sessions.userId, userId), isNull(sessions.revokedAt),
    keepSessionId === undefined ? undefined : ne(sessions.id, keepSessionId)));
}

export interface SessionViewerRow {
  userId: number;
  sessionId: number;
  username: string;
  role: Role;
  areaIds: number[];
}

/** The user of a live session (not revoked, not expired, user active) with their scope areas. */
export async function findSessionViewer(db: Executor, tokenHash: string): Promise<SessionViewerRow | null> {
  const [row] = await queryRows<SessionViewerRow>(db, sql`
    select u.id as "userId", s.id as "sessionId", u.username, u.role,
           coalesce((select json_agg(ua.area_id) from user_areas ua where ua.user_id = u.id), '[]'::json) as "areaIds"
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now() and u.active`);
  return row ?? null;
}

export interface AuditFilter {
  username?: string | null;
  entity?: string | null;
  entityId?: string | null;
  action?: string | null;
  /** Inclusive calendar days in Vietnam time (UTC+7). */
  from?: string | null;
  to?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const auditWhere = (f: AuditFilter) => {
  const conditions = [sql`true`];
  if (f.username) conditions.push(sql`u.username = ${f.username}`);
  if (f.entity) conditions.push(sql`l.entity = ${f.entity}`);
  if (f.entityId) conditions.push(sql`l.entity_id = ${f.entityId}`);
  if (f.action) conditions.push(sql`l.action = ${f.action}`);
  if (f.from) conditions.push(sql`l.at >= (${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.to) conditions.push(sql`l.at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  return sql.join(conditions, sql` and `);
};

/** One page of the audit log, newest first, and the number of entries matching the filter. */
export async function listAudit(db: Executor, filter: AuditFilter, limit: number, offset: number) {
  const where = auditWhere(filter);
  const [entries, [count]] = await Promise.all([
    queryRows<AuditRow>(db, sql`
      select l.id, to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, u.username, l.ip,
             l.action, l.entity, l.entity_id as "entityId", l.before, l.after
      from audit_log l left join users u on u.id = l.user_id
      where ${where} order by l.at desc, l.id desc limit ${limit} offset ${offset}`),
    queryRows<{ total: number }>(db, sql`
      select count(*)::int as total from audit_log l left join users u on u.id = l.user_id where ${where}`),
  ]);
  return { entries, total: count?.total ?? 0 };
}

export async function countAudit(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
  return row?.n ?? 0;
}

/** Active users with this role (among `ids`, when given), by name. */
export function findActiveUsersWithRole(db: Executor, role: Role, ids?: readonly number[]) {
  const among = ids ? sql`and id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)` : sql``;
  return queryRows<{ id: number; username: string; fullName: string }>(db, sql`
    select id, username, full_name as "fullName" from users where active and role = ${role} ${among} order by full_name, id`);
}
