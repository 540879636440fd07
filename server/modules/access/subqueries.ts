/** The accounts' tables as pieces of SQL that other modules' queries join (the award committees). */
import { sql } from 'drizzle-orm';

/** id, username, full_name, role, active. */
export const userRows = sql`(select id, username, full_name, role, active from users)`;

/** The areas each user acts on: user_id, area_id. */
export const userAreaRows = sql`(select user_id, area_id from user_areas)`;
