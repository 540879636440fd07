/** The Chợ số – Nông thôn số registry: markets, vendors, vendors taking QR payment, the standard's sign. */
import type { Db, Executor } from '../../db/client';
import { InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope } from '../access/policy';
import { Role, type Viewer } from '../access/roles';
import { requireAreaByCode } from '../areas/service';
import { requireCommune } from '../targets/service';
import { findMarket, findMarkets, insertMarket, type MarketRow, updateMarket } from './queries';
import type { MarketInput } from './types';

const collator = new Intl.Collator('vi');
const EDITORS = [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER];

/** Public: markets are not personal data. */
export async function listMarkets(db: Executor, areaCode: string | null): Promise<MarketRow[]> {
  const area = areaCode ? await requireAreaByCode(db, areaCode) : null;
  return (await findMarkets(db, area?.id ?? null)).sort((a, b) => collator.compare(a.name, b.name));
}

function check(input: MarketInput, today: string) {
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('Tên chợ không được để trống.');
  if (!Number.isInteger(input.vendors) || input.vendors < 0 || input.vendors > 100_000) throw new InvalidInputError('Số tiểu thương phải là số nguyên không âm.');
  if (!Number.isInteger(input.qrVendors) || input.qrVendors < 0) throw new InvalidInputError('Số tiểu thương thanh toán QR phải là số nguyên không âm.');
  if (input.qrVendors > input.vendors) throw new InvalidInputError(`Số tiểu thương thanh toán QR (${input.qrVendors}) không thể lớn hơn tổng số tiểu thương (${input.vendors}).`);
  if (input.standardMetOn && input.standardMetOn > today) throw new InvalidInputError('Ngày gắn biển "Chợ số" không thể ở tương lai.');
  return { name, vendors: input.vendors, qrVendors: input.qrVendors, standardMetOn: input.standardMetOn ?? null };
}

/** Registers a market (no id) or updates one. */
export async function saveMarket(db: Db, viewer: Viewer | null, input: MarketInput, today: string): Promise<MarketRow> {
  const commune = await requireCommune(db, input.communeCode);
  const v = await requireAreaScope(db, viewer, [commune.id], EDITORS);
  const fields = check(input, today);
  return db.transaction(async (tx) => {
    const before = input.id ? await findMarket(tx, input.id) : null;
    if (input.id && (!before || before.communeId !== commune.id)) throw new NotFoundError(`Không tìm thấy chợ #${input.id} tại ${commune.name}.`);
    const id = before ? (await updateMarket(tx, before.id, fields), before.id) : await insertMarket(tx, { communeId: commune.id, ...fields });
    const after = (await findMarket(tx, id))!;
    await recordAudit(tx, v, { action: before ? 'market.update' : 'market.create', entity: 'digital_market', entityId: id, before, after });
    return after;
  });
}
