/** Certificates for those allowed, the public verification page and the honour roll (Bảng vàng), names masked. */
import { displayDate } from '../../dates';
import { NotFoundError } from '../../errors';
import { areaIdByCode } from './area-lookup';
import { certificateCodesOf, findCertificate, honourRoll as honourRollRows, type CertificateView } from './certificate-queries';
import { certificatePdf } from './certificate-pdf';
import type { ServiceRequest } from '../access/request';
import { requireNominationReader } from './guards';
import { maskPersonName } from './masking';
import { CERTIFICATE_KIND, TITLES, type AwardTitleCode } from './titles';
import { checkYear } from '../indicators/periods';

export type VerificationStatus = 'VALID' | 'REVOKED' | 'UNKNOWN';

const publicEntry = (c: CertificateView) => ({
  code: c.code,
  title: c.title as AwardTitleCode,
  titleLabel: TITLES[c.title as AwardTitleCode].label,
  kind: CERTIFICATE_KIND[c.decidingLevel],
  year: c.year,
  communeName: c.communeName,
  maskedName: c.isPerson ? maskPersonName(c.nomineeName) : c.nomineeName,
  decisionNumber: c.decisionNumber,
  decidedOn: c.decidedOn,
});

/** Public: what a QR code on a certificate leads to. Unknown and revoked codes say so. */
export async function verifyCertificate(ctx: ServiceRequest, code: string) {
  const c = await findCertificate(ctx.db, code.trim().toUpperCase());
  if (!c) {
    return { status: 'UNKNOWN' as VerificationStatus, message: 'Không tìm thấy giấy khen với mã này. Giấy khen có thể là giả.', entry: null,
      revokedOn: null, revokedReason: null };
  }
  if (c.revokedOn) {
    return { status: 'REVOKED' as VerificationStatus, message: `Giấy khen đã bị thu hồi ngày ${displayDate(c.revokedOn)}.`,
      entry: publicEntry(c), revokedOn: c.revokedOn, revokedReason: c.revokedReason };
  }
  return { status: 'VALID' as VerificationStatus, message: 'Giấy khen hợp lệ.', entry: publicEntry(c), revokedOn: null, revokedReason: null };
}

export async function honourRoll(ctx: ServiceRequest, year: number, communeCode: string | null) {
  checkYear(year);
  const communeId = communeCode ? await areaIdByCode(ctx.db, communeCode, 'commune') : null;
  if (communeCode && !communeId) throw new NotFoundError(`Không tìm thấy xã mã ${communeCode}.`);
  return (await honourRollRows(ctx.db, year, communeId)).map(publicEntry);
}

/** The PDF, with the full name: for those who may read the nomination (province, commune chair, committee). */
export async function certificateForViewer(ctx: ServiceRequest, code: string, baseUrl: string): Promise<Buffer> {
  const c = await findCertificate(ctx.db, code);
  if (!c) throw new NotFoundError('Không tìm thấy giấy khen với mã này.');
  await requireNominationReader(ctx, c.cycleId, [c.communeId]);
  return certificatePdf(c, baseUrl);
}

/** The certificate of a nomination (its code; revoked or not), for those who may read the nomination. */
export async function certificateOfNomination(ctx: ServiceRequest, nomination: { id: number; cycleId: number; communeId: number }) {
  await requireNominationReader(ctx, nomination.cycleId, [nomination.communeId]);
  const [row] = await certificateCodesOf(ctx.db, [nomination.id]);
  return row ?? null;
}
