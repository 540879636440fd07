/** The decision (số quyết định, ngày, người ký): posted nominations become approved or rejected, awardees get certificates. */
import { createHash, randomBytes } from 'node:crypto';
import { ConflictError, InvalidInputError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope, requireRole } from '../access/policy';
import { Role } from '../access/roles';
import { areaIdByCode } from './area-lookup';
import { insertCertificates, insertDecision, revoke } from './certificate-queries';
import type { ServiceRequest } from '../access/request';
import { loadCycle, requireCycleMember } from './guards';
import { listNominations, moveState, type NominationRow } from './nomination-queries';
import { viDate } from './titles';
import { recordChange } from '../changes/service';

export interface DecisionInput {
  cycleId: number;
  /** Required when the commune chair decides (household titles): the decision covers that commune. */
  communeCode?: string | null;
  number: string;
  decidedOn: string;
  signer: string;
  /** Posted nominations the decision turns down (e.g. after citizens' comments). */
  rejectIds?: number[] | null;
}

// No 0/O, 1/I/L: codes are typed by hand from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const newCertificateCode = (year: number) =>
  `${year}-${Array.from(randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;

/** A certificate code derived from a seed text (demo data: the same code on every run). */
export const certificateCodeFrom = (year: number, seed: string) =>
  `${year}-${Array.from(createHash('sha256').update(seed).digest().subarray(0, 8), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;

/** `codeFor` names the awardees' certificates: random by default. */
export async function recordDecision(ctx: ServiceRequest, input: DecisionInput,
  codeFor: (nomination: NominationRow, year: number) => string = (_n, year) => newCertificateCode(year)) {
  const cycle = await loadCycle(ctx.db, input.cycleId);
  let communeId: number | null = null;
  if (cycle.decidingLevel === 'COMMUNE_CHAIR') {
    communeId = input.communeCode ? await areaIdByCode(ctx.db, input.communeCode, 'commune') : null;
    if (!communeId) throw new InvalidInputError('Danh hiệu do Chủ tịch UBND xã quyết định: cần mã xã.');
  }
  const viewer = communeId !== null
    ? await requireAreaScope(ctx.db, ctx.viewer, [communeId], [Role.COMMUNE_CHAIR])
    : await requireCycleMember(ctx, cycle.id, true);
  const number = input.number.trim();
  const signer = input.signer.trim();
  if (!number || !signer) throw new InvalidInputError('Cần số quyết định và người ký.');
  if (input.decidedOn > ctx.today) throw new InvalidInputError('Ngày quyết định không được sau hôm nay.');
  if (input.decidedOn > cycle.closesOn) {
    throw new InvalidInputError(`Quyết định phải ban hành trước khi đợt xét kết thúc (${viDate(cycle.closesOn)}).`);
  }
  const posted = await listNominations(ctx.db, cycle.id, { states: ['posted'], communeIds: communeId ? [communeId] : undefined });
  if (posted.length === 0) throw new ConflictError('Không có hồ sơ nào đã niêm yết để quyết định.');
  const stillPosted = posted.filter((n) => input.decidedOn < n.postingEndsOn!);
  if (stillPosted.length) {
    throw new ConflictError(`Chưa hết thời gian niêm yết công khai 10 ngày (đến ${viDate(stillPosted[0]!.postingEndsOn!)}).`);
  }
  const rejectIds = new Set(input.rejectIds ?? []);
  const unknown = [...rejectIds].filter((id) => !posted.some((n) => n.id === id));
  if (unknown.length) throw new InvalidInputError(`Hồ sơ ${unknown.join(', ')} không thuộc danh sách niêm yết.`);
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const decision = await insertDecision(tx, { cycleId: cycle.id, communeId, number, decidedOn: input.decidedOn, signer,
      recordedBy: viewer.userId }).catch((error: unknown) => {
      if (String((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code) === '23505') {
        throw new ConflictError('Quyết định cho đợt xét (và xã) này đã được ghi nhận.');
      }
      throw error;
    });
    const approved = await moveState(tx, posted.filter((n) => !rejectIds.has(n.id)).map((n) => n.id), 'posted', 'approved');
    const rejected = await moveState(tx, [...rejectIds], 'posted', 'rejected');
    const certificates = await insertCertificates(tx, approved.map((n) => ({
      code: codeFor(n, cycle.year), nominationId: n.id, decisionId: decision.id })));
    await recordAudit(tx, viewer, { action: 'award_decision.record', entity: 'award_decision', entityId: decision.id, after: decision });
    for (const n of [...approved, ...rejected]) {
      await recordAudit(tx, viewer, { action: `award_nomination.${n.state}`, entity: 'award_nomination', entityId: n.id,
        before: { state: 'posted' }, after: { state: n.state, decisionId: decision.id,
          certificate: certificates.find((c) => c.nominationId === n.id)?.code ?? null } });
    }
    return { decision, certificates };
  });
}

export async function revokeCertificate(ctx: ServiceRequest, code: string, reason: string) {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  if (!reason.trim()) throw new InvalidInputError('Cần nêu lý do thu hồi.');
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const [row] = await revoke(tx, code, ctx.today, reason.trim());
    if (!row) throw new ConflictError('Không tìm thấy giấy khen đang có hiệu lực với mã này.');
    await recordAudit(tx, viewer, { action: 'award_certificate.revoke', entity: 'award_certificate', entityId: code,
      after: { revokedOn: ctx.today, reason: reason.trim() } });
    return true;
  });
}
