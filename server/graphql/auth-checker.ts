import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Role } from '../modules/access/roles';
import type { Context } from './context';

/**
 * `@Authorized(...roles)`: a signed-in viewer holding one of the roles. Scope (which commune,
 * which hamlet) is checked by the service, whose first line is the access check.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.viewer) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(context.viewer.role as Role)) throw new ForbiddenError();
  return true;
};
