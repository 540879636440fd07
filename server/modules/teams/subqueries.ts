/** The teams' table as a piece of SQL other modules' queries join (a module owns its tables). */
import { sql } from 'drizzle-orm';

/** Each team with its commune: id, commune_id. */
export const teamCommunes = sql`(select id, commune_id from teams)`;
