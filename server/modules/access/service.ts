/** Accounts and sessions: sign-in and sign-out, own password, and the province admin's user management. */
import { ConflictError, InvalidInputError, NotFoundError, UnauthenticatedError } from '../../errors';
import type { Executor } from '../../db/client';
import { requireAreasByCodes } from '../areas/service';
import { recordAudit } from './audit';
import { hashSessionToken, newSessionToken, SESSION_HOURS } from './cookie';
import { checkNewPassword, dummyHash, hashPassword, verifyPassword } from './passwords';
import { requireRole, requireViewer } from './policy';
import type { AccountRequest, ServiceRequest } from './request';
import * as q from './queries';
import { Role, type Viewer } from './roles';
import type { AuditFilterInput, CreateUserInput, User } from './types';

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const normalizeUsername = (username: string) => username.trim().toLowerCase().slice(0, 100);

/** The viewer of a session token, or null when the token is unknown, expired, revoked or its user inactive. */
export async function viewerFromSession(db: Executor, token: string, ip: string | null): Promise<Viewer | null> {
  const row = await q.findSessionViewer(db, hashSessionToken(token));
  if (!row) return null;
  return { userId: row.userId, role: row.role, areaIds: row.areaIds, username: row.username, sessionId: row.sessionId,
    ...(ip ? { ip } : {}) };
}

async function requireUser(db: Executor, filter: { id?: number; username?: string }): Promise<User> {
  const [user] = await q.findUsers(db, filter);
  if (!user) throw new NotFoundError(`Không tìm thấy tài khoản "${filter.username ?? filter.id}".`);
  return user;
}

/**
 * Signs in: the same error and the same work (one argon2 verification) whether the username is
 * unknown, inactive or the password wrong, so callers cannot tell which accounts exist.
 */
export async function signIn(ctx: AccountRequest, username: string, password: string): Promise<User> {
  const name = normalizeUsername(username);
  const ip = ctx.ip ?? 'unknown';
  // The attempt is counted before the password is verified (login-limits.ts): concurrent guesses
  // cannot get past the limit.
  await ctx.loginLimiter.attempt(name, ip);
  const credentials = await q.findCredentials(ctx.db, name);
  const usable = credentials?.active ? credentials : null;
  const passwordOk = await verifyPassword(usable?.passwordHash ?? (await dummyHash()), password);
  if (!usable || !passwordOk) {
    await recordAudit(ctx.db, null, { action: 'SIGN_IN_FAILED', entity: 'user', entityId: credentials?.id ?? null,
      after: { username: name }, actor: { userId: null, ip: ctx.ip } });
    throw new UnauthenticatedError(WRONG_CREDENTIALS);
  }
  await ctx.loginLimiter.succeeded(name, ip);
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await ctx.db.transaction(async (tx) => {
    await q.pruneSessions(tx);
    await q.pruneLoginLimits(tx);
    const sessionId = await q.insertSession(tx, { userId: usable.id, tokenHash: hashSessionToken(token), expiresAt, ip: ctx.ip });
    await recordAudit(tx, null, { action: 'SIGN_IN', entity: 'session', entityId: sessionId,
      actor: { userId: usable.id, ip: ctx.ip } });
  });
  ctx.session.set(token, expiresAt);
  return requireUser(ctx.db, { id: usable.id });
}

/** Ends the request's session (no-op without one). */
export async function signOut(ctx: AccountRequest): Promise<boolean> {
  const token = ctx.session.token;
  ctx.session.clear();
  if (!token) return false;
  return ctx.db.transaction(async (tx) => {
    const session = await q.revokeSession(tx, hashSessionToken(token));
    if (!session) return false;
    await recordAudit(tx, ctx.viewer, { action: 'SIGN_OUT', entity: 'session', entityId: session.id });
    return true;
  });
}

export async function me(ctx: ServiceRequest): Promise<User | null> {
  if (!ctx.viewer) return null;
  const [user] = await q.findUsers(ctx.db, { id: ctx.viewer.userId });
  return user ?? null;
}

/** What a guesser may know of an account, for the password rule: its username, full name and area names. */
async function knownAbout(db: Executor, user: User): Promise<string[]> {
  const areas = await requireAreasByCodes(db, user.areaCodes);
  return [user.username, user.fullName, ...areas.map((a) => a.name)];
}

/** Changes the caller's password after checking the current one; their other sessions end. */
export async function changeOwnPassword(ctx: AccountRequest, currentPassword: string, newPassword: string): Promise<boolean> {
  const viewer = requireViewer(ctx.viewer);
  const user = await requireUser(ctx.db, { id: viewer.userId });
  const ip = ctx.ip ?? 'unknown';
  await ctx.loginLimiter.attempt(user.username, ip);
  const credentials = await q.findCredentials(ctx.db, user.username);
  if (!credentials || !(await verifyPassword(credentials.passwordHash, currentPassword))) {
    throw new InvalidInputError('Mật khẩu hiện tại không đúng.');
  }
  await ctx.loginLimiter.succeeded(user.username, ip);
  checkNewPassword(newPassword, await knownAbout(ctx.db, user));
  if (newPassword === currentPassword) throw new InvalidInputError('Mật khẩu mới phải khác mật khẩu hiện tại.');
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await q.updateUser(tx, user.id, { passwordHash });
    await q.revokeUserSessions(tx, user.id, viewer.sessionId);
    await recordAudit(tx, viewer, { action: 'CHANGE_OWN_PASSWORD', entity: 'user', entityId: user.id,
      after: { passwordChanged: true } });
  });
  return true;
}

/** The area levels a role's scope is made of. */
const SCOPE_LEVELS: Record<Role, { level: string; many: boolean }> = {
  [Role.PROVINCE_LEADER]: { level: 'province', many: false },
  [Role.PROVINCE_ADMIN]: { level: 'province', many: false },
  [Role.COMMITTEE_MEMBER]: { level: 'province', many: false },
  [Role.COMMUNE_CHAIR]: { level: 'commune', many: false },
  [Role.COMMUNE_OFFICER]: { level: 'commune', many: false },
  [Role.TEAM_LEADER]: { level: 'hamlet', many: true },
};

export async function listUsers(ctx: ServiceRequest): Promise<User[]> {
  requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  return q.findUsers(ctx.db);
}

export async function createUser(ctx: ServiceRequest, input: CreateUserInput): Promise<User> {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  const username = normalizeUsername(input.username);
  const scope = SCOPE_LEVELS[input.role];
  const areas = await requireAreasByCodes(ctx.db, input.areaCodes);
  if (areas.length === 0 || (!scope.many && areas.length > 1) || areas.some((a) => a.level !== scope.level)) {
    throw new InvalidInputError(scope.many
      ? `Vai trò ${input.role} cần một hoặc nhiều địa bàn cấp ${scope.level}.`
      : `Vai trò ${input.role} cần đúng một địa bàn cấp ${scope.level}.`);
  }
  checkNewPassword(input.password, [username, input.fullName, ...areas.map((a) => a.name)]);
  if (await q.findCredentials(ctx.db, username)) throw new ConflictError(`Tên đăng nhập "${username}" đã có.`);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    const userId = await q.insertUser(tx, { username, fullName: input.fullName.trim(), role: input.role, passwordHash },
      areas.map((a) => a.id));
    await recordAudit(tx, viewer, { action: 'CREATE_USER', entity: 'user', entityId: userId,
      after: { username, fullName: input.fullName.trim(), role: input.role, areaCodes: areas.map((a) => a.code) } });
    return userId;
  });
  return requireUser(ctx.db, { id });
}

/** Sets a new password for a user; every session of theirs ends. */
export async function resetPassword(ctx: ServiceRequest, username: string, newPassword: string): Promise<User> {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  const user = await requireUser(ctx.db, { username: normalizeUsername(username) });
  checkNewPassword(newPassword, await knownAbout(ctx.db, user));
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await q.updateUser(tx, user.id, { passwordHash });
    await q.revokeUserSessions(tx, user.id);
    await recordAudit(tx, viewer, { action: 'RESET_PASSWORD', entity: 'user', entityId: user.id, after: { passwordReset: true } });
  });
  return user;
}

/** Deactivates (their sessions end at once) or reactivates an account; an admin cannot deactivate themself. */
export async function setUserActive(ctx: ServiceRequest, username: string, active: boolean): Promise<User> {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  const user = await requireUser(ctx.db, { username: normalizeUsername(username) });
  if (user.id === viewer.userId && !active) throw new InvalidInputError('Không thể tự khóa tài khoản của chính mình.');
  await ctx.db.transaction(async (tx) => {
    await q.updateUser(tx, user.id, { active });
    if (!active) await q.revokeUserSessions(tx, user.id);
    await recordAudit(tx, viewer, { action: active ? 'ACTIVATE_USER' : 'DEACTIVATE_USER', entity: 'user', entityId: user.id,
      before: { active: user.active }, after: { active } });
  });
  return { ...user, active };
}

const MAX_AUDIT_PAGE = 200;

export async function auditLogPage(ctx: ServiceRequest, filter: AuditFilterInput, limit: number, offset: number) {
  requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  if (limit < 1 || limit > MAX_AUDIT_PAGE) throw new InvalidInputError(`Số dòng mỗi trang từ 1 đến ${MAX_AUDIT_PAGE}.`);
  if (offset < 0) throw new InvalidInputError('Vị trí bắt đầu không được âm.');
  if (filter.from && filter.to && filter.from > filter.to) throw new InvalidInputError('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  return q.listAudit(ctx.db, filter, limit, offset);
}

/** Active users with a role (among `ids`, when given), for other modules (award committees) that check access themselves. */
export const activeUsersWithRole = (db: Executor, role: Role, ids?: readonly number[]) => q.findActiveUsersWithRole(db, role, ids);
