/** Certificates for those allowed, the public verification page and the honour roll (Bảng vàng), names masked. */
import { displayDate } from '../../dates';
import { ForbiddenError, NotFoundError } from '../../errors';
import { areaIdByCode } from './area-lookup';
import { certificateCodesOf, findCertificate, honourRoll as honourRollRows, type CertificateView } from './certificate-queries';
import { certificatePdf } from './certificate-pdf';
import type { ServiceRequest } from '../access/request';
import { requireNominationReader } from './guards';
import { maskName, namesMaskedFor } from '../access/masking';
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
  maskedName: c.isPerson ? maskName(c.nomineeName) : c.nomineeName,
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

/**
 * The PDF, with the full name: for those who may read the nomination with names (province admin,
 * the commune's chair, the cycle's committee); not for the roles that see masked names only.
 */
export async function certificateForViewer(ctx: ServiceRequest, code: string, baseUrl: string): Promise<Buffer> {
  return (await certificateFileForViewer(ctx, code, baseUrl)).pdf;
}

/** File names by kind: a Bằng khen is not downloaded as "giay-khen-….pdf". */
const FILE_PREFIX: Record<CertificateView['decidingLevel'], string> = { COMMUNE_CHAIR: 'giay-khen', PROVINCIAL_COUNCIL: 'bang-khen' };

/** The PDF with the file name its kind gives it (giay-khen-2025-….pdf, bang-khen-2026-….pdf), same access as above. */
export async function certificateFileForViewer(ctx: ServiceRequest, code: string, baseUrl: string): Promise<{ pdf: Buffer; fileName: string }> {
  const c = await findCertificate(ctx.db, code);
  if (!c) throw new NotFoundError('Không tìm thấy giấy khen với mã này.');
  const viewer = await requireNominationReader(ctx, c.cycleId, [c.communeId]);
  if (c.isPerson && namesMaskedFor(viewer)) {
    throw new ForbiddenError('Bạn không có quyền tải giấy khen: giấy khen ghi họ tên đầy đủ, vai trò của bạn chỉ xem tên đã che.');
  }
  return { pdf: await certificatePdf(c, baseUrl), fileName: `${FILE_PREFIX[c.decidingLevel]}-${c.code}.pdf` };
}

/** The certificate of a nomination (its code; revoked or not), for those who may read the nomination. */
export async function certificateOfNomination(ctx: ServiceRequest, nomination: { id: number; cycleId: number; communeId: number }) {
  await requireNominationReader(ctx, nomination.cycleId, [nomination.communeId]);
  const [row] = await certificateCodesOf(ctx.db, [nomination.id]);
  return row ?? null;
}
