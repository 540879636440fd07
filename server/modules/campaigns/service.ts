/** Youth volunteer campaigns: the province opens them, communes report, totals per campaign. */
import type { Db, Executor } from '../../db/client';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope, requireRole } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role, type Viewer } from '../access/roles';
import { requireCommune } from '../areas/service';
import { type CampaignRow, findCampaigns, findCampaignsByIds, findReport, findReports, insertCampaign, upsertReport } from './queries';
import type { CampaignInput, CampaignReportInput } from './types';
import { checkYear } from '../indicators/periods';
import { recordChange } from '../changes/service';

const MAX_COUNT = 1_000_000;

export async function createCampaign({ db, viewer }: ServiceRequest, input: CampaignInput): Promise<CampaignRow> {
  const v = requireRole(viewer, [Role.PROVINCE_ADMIN]);
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('Tên chiến dịch không được để trống.');
  if (input.endsOn < input.startsOn) throw new InvalidInputError('Ngày kết thúc chiến dịch phải sau ngày bắt đầu.');
  if (Number(input.startsOn.slice(0, 4)) !== input.year) throw new InvalidInputError(`Chiến dịch năm ${input.year} phải bắt đầu trong năm ${input.year}.`);
  return db.transaction(async (tx) => {
    const id = await insertCampaign(tx, { kind: input.kind, year: input.year, name, startsOn: input.startsOn, endsOn: input.endsOn });
    if (id === null) throw new ConflictError(`Đã có chiến dịch loại này trong năm ${input.year}.`);
    const [campaign] = await findCampaignsByIds(tx, [id]);
    await recordChange(tx, { kind: 'campaigns' });
    await recordAudit(tx, v, { action: 'campaign.create', entity: 'campaign', entityId: id, after: campaign });
    return campaign!;
  });
}

/** Campaigns (of a year) with the totals of their communes' reports. */
export async function campaignSummaries({ db }: ServiceRequest, year: number | null) {
  checkYear(year);
  const campaigns = await findCampaigns(db, year);
  const reports = campaigns.length ? await findReports(db, campaigns.map((c) => c.id)) : [];
  return campaigns.map((campaign) => {
    const own = reports.filter((r) => r.campaignId === campaign.id);
    const sum = (k: 'volunteers' | 'peopleSupported' | 'sessions') => own.reduce((s, r) => s + r[k], 0);
    return { campaign, communesReported: own.length, communeIds: own.map((r) => r.communeId), volunteers: sum('volunteers'), peopleSupported: sum('peopleSupported'), sessions: sum('sessions') };
  });
}

export async function campaignReports({ db }: ServiceRequest, campaignId: number) {
  const [campaign] = await findCampaignsByIds(db, [campaignId]);
  if (!campaign) throw new NotFoundError(`Không tìm thấy chiến dịch #${campaignId}.`);
  return findReports(db, [campaignId]);
}

export async function submitCampaignReport({ db, viewer }: ServiceRequest, input: CampaignReportInput) {
  const commune = await requireCommune(db, input.communeCode);
  const v = await requireReporter(db, viewer, commune.id);
  const [campaign] = await findCampaignsByIds(db, [input.campaignId]);
  if (!campaign) throw new NotFoundError(`Không tìm thấy chiến dịch #${input.campaignId}.`);
  for (const [label, n] of [['Số tình nguyện viên', input.volunteers], ['Số lượt người dân được hỗ trợ', input.peopleSupported],
    ['Số buổi', input.sessions]] as const) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) throw new InvalidInputError(`${label} phải là số nguyên từ 0 đến ${MAX_COUNT}.`);
  }
  const content = input.content.trim();
  if (!content) throw new InvalidInputError('Hãy mô tả nội dung hoạt động của chiến dịch.');
  return db.transaction(async (tx) => {
    const before = await findReport(tx, campaign.id, commune.id);
    await upsertReport(tx, { campaignId: campaign.id, communeId: commune.id, volunteers: input.volunteers,
      peopleSupported: input.peopleSupported, sessions: input.sessions, content, lessonsLearnt: input.lessonsLearnt?.trim() || null }, v.userId);
    const after = (await findReport(tx, campaign.id, commune.id))!;
    await recordChange(tx, { kind: 'campaigns', areaIds: [commune.id] });
    await recordAudit(tx, v, { action: before ? 'campaign_report.update' : 'campaign_report.create', entity: 'campaign_report',
      entityId: after.id, before, after });
    return after;
  });
}

const requireReporter = (db: Executor, viewer: Viewer | null, communeId: number) =>
  requireAreaScope(db, viewer, [communeId], [Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR]);

/** Campaigns by id, for other modules (activities name the campaign they belong to). */
export const campaignsByIds = (db: Executor, ids: readonly number[]) => (ids.length ? findCampaignsByIds(db, ids) : Promise.resolve([]));
