/** The Chợ số registry. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaAndBelow } from '../areas/subqueries';

export interface MarketRow {
  id: number;
  communeId: number;
  name: string;
  vendors: number;
  qrVendors: number;
  standardMetOn: string | null;
  version: number;
}

const marketSelect = sql`select m.id, m.commune_id as "communeId", m.name, m.vendors, m.qr_vendors as "qrVendors",
  to_char(m.standard_met_on, 'YYYY-MM-DD') as "standardMetOn", m.version from digital_markets m`;

/** Markets under an area (a commune, or the province), or all. */
export function findMarkets(db: Executor, underAreaId: number | null): Promise<MarketRow[]> {
  const where = underAreaId === null ? sql``
    : sql`where m.commune_id in ${areaAndBelow(underAreaId)}`;
  return queryRows<MarketRow>(db, sql`${marketSelect} ${where}`);
}

export async function findMarket(db: Executor, id: number): Promise<MarketRow | null> {
  const [row] = await queryRows<MarketRow>(db, sql`${marketSelect} where m.id = ${id}`);
  return row ?? null;
}

export async function insertMarket(db: Executor, m: Omit<MarketRow, 'id' | 'version'>): Promise<number> {
  const [row] = await queryRows<{ id: number }>(db, sql`insert into digital_markets (commune_id, name, vendors, qr_vendors, standard_met_on)
    values (${m.communeId}, ${m.name}, ${m.vendors}, ${m.qrVendors}, ${m.standardMetOn}) returning id`);
  return row!.id;
}

/** Compare-and-set: changes the market only if nobody changed it since `version` was read. */
export async function updateMarketIfVersion(db: Executor, id: number, version: number, m: Omit<MarketRow, 'id' | 'communeId' | 'version'>): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`update digital_markets set name = ${m.name}, vendors = ${m.vendors}, qr_vendors = ${m.qrVendors},
    standard_met_on = ${m.standardMetOn}, version = version + 1, updated_at = now() where id = ${id} and version = ${version} returning id`);
  return rows.length > 0;
}
