/** The Chợ số – Nông thôn số registry: markets, vendors, vendors taking QR payment, the standard's sign. */

import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireRecordScope } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role } from '../access/roles';
import { checkCommune, getAreaByCode, requireAreaByCode } from '../areas/service';
import { findMarket, findMarkets, insertMarket, type MarketRow, updateMarketIfVersion } from './queries';
import type { MarketInput } from './types';
import { recordChange } from '../changes/service';

const collator = new Intl.Collator('vi');
const EDITORS = [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER];

/** Public: markets are not personal data. */
export async function listMarkets({ db }: ServiceRequest, areaCode: string | null): Promise<MarketRow[]> {
  const area = areaCode ? await requireAreaByCode(db, areaCode) : null;
  return (await findMarkets(db, area?.id ?? null)).sort((a, b) => collator.compare(a.name, b.name));
}

/** Validates an entry; a refusal names the field (extensions.field) so a form can show it there. */
function check(input: MarketInput, today: string) {
  const bad = (field: string, message: string) => new InvalidInputError(message, { field });
  const name = input.name.trim().normalize('NFC');
  if (!name) throw bad('name', 'Tên chợ không được để trống.');
  if (name.length > 200) throw bad('name', 'Tên chợ dài quá 200 ký tự.');
  if (!Number.isInteger(input.vendors) || input.vendors < 0 || input.vendors > 100_000) throw bad('vendors', 'Số tiểu thương phải là số nguyên từ 0 đến 100.000.');
  if (!Number.isInteger(input.qrVendors) || input.qrVendors < 0) throw bad('qrVendors', 'Số tiểu thương thanh toán QR phải là số nguyên không âm.');
  if (input.qrVendors > input.vendors) throw bad('qrVendors', `Số tiểu thương thanh toán QR (${input.qrVendors}) không thể lớn hơn tổng số tiểu thương (${input.vendors}).`);
  if (input.standardMetOn && input.standardMetOn > today) throw bad('standardMetOn', 'Ngày gắn biển “Chợ số” không thể ở tương lai.');
  return { name, vendors: input.vendors, qrVendors: input.qrVendors, standardMetOn: input.standardMetOn ?? null };
}

const nf = new Intl.NumberFormat('vi-VN');

/**
 * Registers a market (no id) or updates one. An update names the version it read: when someone
 * else saved the market meanwhile, it is refused (CONFLICT, with the current figures) and nothing
 * is written.
 */
export async function saveMarket({ db, viewer, today }: ServiceRequest, input: MarketInput): Promise<MarketRow> {
  // Both the commune named and, on an update, the market's own commune must be the viewer's.
  const { viewer: v, found: area } = await requireRecordScope(db, viewer, EDITORS, {
    find: () => getAreaByCode(db, input.communeCode), areas: (a) => [a.id],
    notFound: () => new NotFoundError(`Không tìm thấy địa bàn có mã "${input.communeCode}".`),
  });
  if (input.id != null) {
    const id = input.id;
    await requireRecordScope(db, v, EDITORS, {
      find: () => findMarket(db, id), areas: (m) => [m.communeId],
      notFound: () => new NotFoundError(`Không tìm thấy chợ #${id}.`),
    });
  }
  const commune = checkCommune(area);
  const fields = check(input, today);
  if (input.id != null && input.expectedVersion == null) throw new InvalidInputError('Sửa chợ phải kèm phiên bản đã đọc (expectedVersion).');
  return db.transaction(async (tx) => {
    const before = input.id != null ? await findMarket(tx, input.id) : null;
    if (input.id != null && (!before || before.communeId !== commune.id)) throw new NotFoundError(`Không tìm thấy chợ #${input.id} tại ${commune.name}.`);
    let id: number;
    if (before) {
      if (!(await updateMarketIfVersion(tx, before.id, input.expectedVersion!, fields))) {
        const current = (await findMarket(tx, before.id))!;
        throw new ConflictError(
          `${current.name} vừa được người khác sửa (hiện có ${nf.format(current.vendors)} tiểu thương, ${nf.format(current.qrVendors)} thanh toán QR; ` +
          `phiên bản ${current.version}). Thay đổi của bạn chưa được lưu: hãy tải lại rồi sửa lại nếu cần.`,
          { currentVersion: current.version, current: { name: current.name, vendors: current.vendors, qrVendors: current.qrVendors, standardMetOn: current.standardMetOn } },
        );
      }
      id = before.id;
    } else {
      id = await insertMarket(tx, { communeId: commune.id, ...fields });
    }
    const after = (await findMarket(tx, id))!;
    await recordChange(tx, { kind: 'markets', areaIds: [commune.id] });
    await recordAudit(tx, v, { action: before ? 'market.update' : 'market.create', entity: 'digital_market', entityId: id, before, after });
    return after;
  });
}
