import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema';

/** A market in the Chợ số – Nông thôn số registry. */
export const digitalMarkets = pgTable(
  'digital_markets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communeId: integer('commune_id').notNull().references(() => areas.id),
    name: text('name').notNull(),
    vendors: integer('vendors').notNull(),
    qrVendors: integer('qr_vendors').notNull(),
    /** Date the "Chợ số" sign was put up: the market met the standard; null = not yet. */
    standardMetOn: date('standard_met_on'),
    /** Raised by every update; an edit names the version it read (compare-and-set, like targets). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('digital_markets_commune_idx').on(t.communeId),
    check('digital_markets_vendors_ck', sql`${t.vendors} >= 0 and ${t.qrVendors} between 0 and ${t.vendors}`),
  ],
);
