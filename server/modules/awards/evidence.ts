/** Evidence of a nomination: text notes and photos kept in the database (≤ 2 MB, JPEG/PNG/WebP by magic bytes). */
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope, requireRole } from '../access/policy';
import { Role } from '../access/roles';
import type { ServiceRequest } from '../access/request';
import { findNominationFor, hiddenUnlessProvince, loadNomination, NOMINATION_READERS, requireNominationReader } from './guards';
import { findPhoto, insertEvidence, listEvidence } from './nomination-queries';
import { recordChange } from '../changes/service';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const MAX_NOTE = 2000;

/** The image type from the file's first bytes; the name or the declared type are not trusted. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Evidence can be added while the nomination is still the commune's (draft or just submitted). */
async function requireEditableByChair(ctx: ServiceRequest, nominationId: number) {
  const nomination = await findNominationFor(ctx, nominationId, [Role.COMMUNE_CHAIR]);
  const viewer = await requireAreaScope(ctx.db, ctx.viewer, [nomination.communeId], [Role.COMMUNE_CHAIR]);
  if (nomination.state !== 'draft' && nomination.state !== 'submitted') {
    throw new ConflictError('Chỉ bổ sung minh chứng khi hồ sơ còn ở trạng thái Nháp hoặc Đã gửi.');
  }
  return { nomination, viewer };
}

export async function addEvidenceNote(ctx: ServiceRequest, nominationId: number, note: string) {
  const { viewer } = await requireEditableByChair(ctx, nominationId);
  const text = note.trim();
  if (!text || text.length > MAX_NOTE) throw new InvalidInputError(`Minh chứng dạng văn bản cần từ 1 đến ${MAX_NOTE} ký tự.`);
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const [row] = await insertEvidence(tx, { nominationId, note: text });
    await recordAudit(tx, viewer, { action: 'award_evidence.add', entity: 'award_nomination', entityId: nominationId,
      after: { evidenceId: row!.id, note: text } });
    return row!.id;
  });
}

export async function addEvidencePhoto(ctx: ServiceRequest, nominationId: number, bytes: Buffer, note: string | null) {
  const { viewer } = await requireEditableByChair(ctx, nominationId);
  if (bytes.length === 0) throw new InvalidInputError('Tệp ảnh rỗng.');
  if (bytes.length > MAX_PHOTO_BYTES) throw new InvalidInputError('Ảnh minh chứng tối đa 2 MB.');
  const mimeType = sniffImageType(bytes);
  if (!mimeType) throw new InvalidInputError('Chỉ nhận ảnh JPEG, PNG hoặc WebP.');
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const [row] = await insertEvidence(tx, { nominationId, note: note?.trim().slice(0, MAX_NOTE) || null, mimeType,
      content: bytes, byteSize: bytes.length });
    await recordAudit(tx, viewer, { action: 'award_evidence.add', entity: 'award_nomination', entityId: nominationId,
      after: { evidenceId: row!.id, mimeType, byteSize: bytes.length } });
    return row!.id;
  });
}

export async function evidenceOf(ctx: ServiceRequest, nominationId: number) {
  const nomination = await findNominationFor(ctx, nominationId, NOMINATION_READERS);
  await requireNominationReader(ctx, nomination.cycleId, [nomination.communeId]);
  return listEvidence(ctx.db, nominationId);
}

/** A photo for the HTTP route, after the same check as the nomination itself. */
export async function photoForViewer(ctx: ServiceRequest, evidenceId: number) {
  const viewer = requireRole(ctx.viewer, NOMINATION_READERS);
  const photo = await findPhoto(ctx.db, evidenceId);
  if (!photo) throw hiddenUnlessProvince(viewer, 'Không tìm thấy ảnh minh chứng.');
  const nomination = await loadNomination(ctx.db, photo.nominationId);
  await requireNominationReader(ctx, nomination.cycleId, [nomination.communeId]);
  if (!photo.content || !photo.mimeType) throw new NotFoundError('Không tìm thấy ảnh minh chứng.');
  return { mimeType: photo.mimeType, content: photo.content };
}
