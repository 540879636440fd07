/*
 * `@Authorized(...roles)` in one function: no viewer → UNAUTHENTICATED; a role outside the list →
 * FORBIDDEN ("không có quyền"). Area scope is checked by the services (access/policy.ts).
 */
import type { AuthChecker } from 'type-graphql';
import { requireRole, requireViewer } from '../modules/access/policy';
import type { Role } from '../modules/access/roles';
import type { Context } from './context';

export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (roles.length === 0) requireViewer(context.viewer);
  else requireRole(context.viewer, roles);
  return true;
};
