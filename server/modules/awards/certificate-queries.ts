/** SQL of decisions, certificates, the public verification and the honour roll. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaRows } from '../areas/subqueries';
import { awardCertificates, awardDecisions } from './schema';

export async function insertDecision(tx: Executor, values: typeof awardDecisions.$inferInsert) {
  const [row] = await tx.insert(awardDecisions).values(values).returning();
  return row!;
}

export function insertCertificates(tx: Executor, rows: { code: string; nominationId: number; decisionId: number }[]) {
  return rows.length ? tx.insert(awardCertificates).values(rows).returning() : Promise.resolve([]);
}

export interface CertificateView {
  code: string;
  nominationId: number;
  communeId: number;
  cycleId: number;
  title: string;
  year: number;
  decidingLevel: 'COMMUNE_CHAIR' | 'PROVINCIAL_COUNCIL';
  nomineeName: string;
  isPerson: boolean;
  communeName: string;
  provinceName: string;
  decisionNumber: string;
  decidedOn: string;
  signer: string;
  revokedOn: string | null;
  revokedReason: string | null;
}

const certificateSelect = sql`
  select c.code, n.id as "nominationId", n.commune_id as "communeId", y.id as "cycleId", y.title, y.year,
    y.deciding_level as "decidingLevel", n.nominee_name as "nomineeName", n.team_name is null as "isPerson",
    commune.name as "communeName", province.name as "provinceName",
    d.number as "decisionNumber", d.decided_on::text as "decidedOn", d.signer,
    c.revoked_on::text as "revokedOn", c.revoked_reason as "revokedReason"
  from award_certificates c
  join award_nominations n on n.id = c.nomination_id
  join award_cycles y on y.id = n.cycle_id
  join award_decisions d on d.id = c.decision_id
  join ${areaRows} commune on commune.id = n.commune_id
  join ${areaRows} province on province.id = y.province_id`;

export async function findCertificate(db: Executor, code: string): Promise<CertificateView | null> {
  const [row] = await queryRows<CertificateView>(db, sql`${certificateSelect} where c.code = ${code}`);
  return row ?? null;
}

export function honourRoll(db: Executor, year: number, communeId: number | null): Promise<CertificateView[]> {
  return queryRows<CertificateView>(db, sql`${certificateSelect}
    where y.year = ${year} and c.revoked_on is null and (${communeId}::int is null or n.commune_id = ${communeId}::int)
    order by y.title, commune.name, n.nominee_name`);
}

export function revoke(tx: Executor, code: string, on: string, reason: string) {
  return queryRows<{ code: string }>(tx, sql`
    update award_certificates set revoked_on = ${on}, revoked_reason = ${reason}
    where code = ${code} and revoked_on is null returning code`);
}

/** The certificate code of each nomination that has one. */
export function certificateCodesOf(db: Executor, nominationIds: readonly number[]) {
  return queryRows<{ nominationId: number; code: string; revokedOn: string | null }>(db, sql`
    select nomination_id as "nominationId", code, revoked_on::text as "revokedOn" from award_certificates
    where nomination_id in (select (jsonb_array_elements_text(${JSON.stringify(nominationIds)}::jsonb))::int)`);
}
