/** A service request for tests and scripts: the viewer acting, on `today` (Vietnam's, unless given). */
import type { Db } from '../../server/db/client';
import type { ServiceRequest } from '../../server/modules/access/request';
import type { Viewer } from '../../server/modules/access/roles';
import { todayInVietnam } from '../../server/dates';

export const requestAs = (db: Db, viewer: Viewer | null, today: string = todayInVietnam()): ServiceRequest => ({ db, viewer, today });
