import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { Role, type Viewer } from '../../server/modules/access/roles';
import { certificateForViewer, honourRoll, verifyCertificate } from '../../server/modules/awards/certificates';
import { type CycleInput, openCycle } from '../../server/modules/awards/cycles';
import { recordDecision, revokeCertificate } from '../../server/modules/awards/decisions';
import { addEvidencePhoto } from '../../server/modules/awards/evidence';
import { createNomination, submitNomination, transition } from '../../server/modules/awards/nominations';
import { commentOnNomination, commentsOf, postedList } from '../../server/modules/awards/posting';
import { closeReview, cycleResults, declareConflict, mySheet, openReview, submitReview } from '../../server/modules/awards/review';
import { execAs } from '../support/teams';
import { checkCycleEligibility, suggestedCandidates } from '../../server/modules/awards/screening';
import { type AwardsFixture, seedAwards } from '../support/awards-fixture';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { startTestServer } from '../support/server';
import express from 'express';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { awardsRouter } from '../../server/modules/awards/routes';

export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

describe.each(drivers)('awards workflow on %s', (driver) => {
  let database: TestDatabase;
  let f: AwardsFixture;
  let cycleId: number;
  const ids: Record<string, number> = {};
  const ctx = (viewer: Viewer | null, today: string) => ({ db: database.db, viewer, today });
  const stateOf = async (id: number) =>
    (await queryRows<{ state: string }>(database.db, sql`select state from award_nominations where id = ${id}`))[0]!.state;
  const audits = async (id: number) => (await queryRows<{ action: string }>(database.db, sql`
    select action from audit_log where entity = 'award_nomination' and entity_id = ${String(id)} order by id`)).map((r) => r.action);

  const cycleInput = (): CycleInput => ({
    title: 'GIA_DINH_SO_TIEU_BIEU', year: 2025, nominationOpensOn: '2025-09-01', nominationClosesOn: '2025-10-15',
    closesOn: '2025-11-20', quotaPerCommune: 4, quotaTotal: 10,
    rubric: [{ code: 'SKILLS', label: 'Kỹ năng số', weight: 3 }, { code: 'HELP', label: 'Giúp đỡ hàng xóm', weight: 1 }],
    memberIds: f.members.map((m) => m.userId), chairId: f.members[0]!.userId,
  });

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    f = await seedAwards(database.db);
  });
  afterAll(async () => database?.close());

  it('opens a cycle only for the province admin, closing before 25 November', async () => {
    await expect(openCycle(ctx(f.chair, '2025-08-01'), cycleInput())).rejects.toThrow('không có quyền');
    await expect(openCycle(ctx(f.admin, '2025-08-01'), { ...cycleInput(), closesOn: '2025-11-25' }))
      .rejects.toThrow('Đợt xét phải kết thúc trước ngày 25/11/2025');
    await expect(openCycle(ctx(f.admin, '2025-08-01'), { ...cycleInput(), memberIds: [f.members[0]!.userId, f.chair.userId, f.admin.userId] }))
      .rejects.toThrow('vai trò Thành viên Hội đồng');
    const cycle = await openCycle(ctx(f.admin, '2025-08-01'), { ...cycleInput(), closesOn: '2025-11-24' });
    expect(cycle).toMatchObject({ decidingLevel: 'COMMUNE_CHAIR', approvalRule: 'MAJORITY_OF_ALL', quorumNumerator: 2, quorumDenominator: 3 });
    cycleId = cycle.id;
  });

  it('suggests the households that were a Gia đình số all year, from the data', async () => {
    const list = await suggestedCandidates(ctx(f.chair, '2025-10-01'), cycleId, '90001');
    expect(list.map((s) => s.code)).toEqual(['AWD-1', 'AWD-5']);
    await expect(suggestedCandidates(ctx(f.otherChair, '2025-10-01'), cycleId, '90001')).rejects.toThrow('ngoài phạm vi');
  });

  it('takes nominations from the commune chair only, inside the window and the quota', async () => {
    const nominate = (code: string, viewer = f.chair, today = '2025-10-01') =>
      createNomination(ctx(viewer, today), { cycleId, nomineeCode: code, justification: 'Gia đình gương mẫu, giúp hàng xóm cài VNeID.' });
    await expect(nominate('AWD-1', f.chair, '2025-10-16')).rejects.toThrow('Ngoài thời hạn nhận hồ sơ (01/09/2025–15/10/2025)');
    await expect(nominate('AWD-1', f.otherChair)).rejects.toThrow('ngoài phạm vi');
    for (const code of ['AWD-1', 'AWD-2', 'AWD-3', 'AWD-4', 'AWD-5']) ids[code] = (await nominate(code)).id;
    await expect(nominate('AWD-1')).rejects.toThrow('đã có hồ sơ');
    for (const code of ['AWD-1', 'AWD-2', 'AWD-3', 'AWD-4']) await submitNomination(ctx(f.chair, '2025-10-02'), ids[code]!);
    await expect(submitNomination(ctx(f.chair, '2025-10-02'), ids['AWD-5']!)).rejects.toThrow('Xã đã dùng hết chỉ tiêu đề nghị (4 hồ sơ)');
    expect(await stateOf(ids['AWD-5']!)).toBe('draft');
  });

  it('accepts JPEG/PNG/WebP photos up to 2 MB by their bytes, refuses anything else', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await addEvidencePhoto(ctx(f.chair, '2025-10-02'), ids['AWD-1']!, png, 'Ảnh cài VNeID')).toBeGreaterThan(0);
    await expect(addEvidencePhoto(ctx(f.chair, '2025-10-02'), ids['AWD-1']!, Buffer.from('GIF89a....'), null))
      .rejects.toThrow('Chỉ nhận ảnh JPEG, PNG hoặc WebP');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)]);
    await expect(addEvidencePhoto(ctx(f.chair, '2025-10-02'), ids['AWD-1']!, big, null)).rejects.toThrow('tối đa 2 MB');
  });

  it('checks eligibility from the monitoring data with reasons and dates', async () => {
    await expect(checkCycleEligibility(ctx(f.chair, '2025-10-20'), cycleId)).rejects.toThrow('không có quyền');
    const results = await checkCycleEligibility(ctx(f.admin, '2025-10-20'), cycleId);
    const by = (code: string) => results.find((r) => r.id === ids[code])!;
    expect(by('AWD-1').eligible).toBe(true);
    expect(by('AWD-1').checks[0]!.reason).toBe('Là Gia đình số liên tục từ 01/01/2025, phủ cả kỳ xét 01/01/2025–20/10/2025.');
    expect(by('AWD-2').checks[0]!.reason).toBe('Chỉ là Gia đình số từ 10/03/2025, chưa đủ cả kỳ xét 01/01/2025–20/10/2025.');
    expect(by('AWD-3').checks[0]!.reason).toBe('Không còn là Gia đình số từ 10/06/2025 (mất tiêu chí giữa kỳ xét 01/01/2025–20/10/2025).');
    expect(by('AWD-4').checks[0]!.evidence.startsOn).toBe('2025-01-02');
    expect(await stateOf(ids['AWD-1']!)).toBe('eligible');
    expect(await stateOf(ids['AWD-2']!)).toBe('ineligible');
  });

  it('refuses illegal transitions and changes nothing', async () => {
    const before = await audits(ids['AWD-2']!);
    await expect(submitNomination(ctx(f.chair, '2025-10-02'), ids['AWD-2']!))
      .rejects.toThrow('Không thể chuyển hồ sơ từ trạng thái «Không đủ điều kiện» sang «Đã gửi».');
    const row = (await queryRows<{ id: number; state: 'ineligible' }>(database.db, sql`select * from award_nominations where id = ${ids['AWD-2']!}`))[0]!;
    await expect(database.db.transaction(async (tx) => transition(tx, f.admin, row as never, 'approved')))
      .rejects.toThrow('sang «Được khen thưởng»');
    expect(await stateOf(ids['AWD-2']!)).toBe('ineligible');
    expect(await audits(ids['AWD-2']!)).toEqual(before);
  });

  it('reviews: automatic and declared recusal, locked sheets, quorum and votes', async () => {
    await expect(openReview(ctx(f.admin, '2025-10-10'), cycleId)).rejects.toThrow('Chưa hết hạn nhận hồ sơ');
    expect((await openReview(ctx(f.admin, '2025-10-20'), cycleId)).map((n) => n.id)).toEqual([ids['AWD-1']]);
    const id = ids['AWD-1']!;
    const [m1, m2, m3, m4, m5] = f.members as [Viewer, Viewer, Viewer, Viewer, Viewer];
    const today = '2025-10-21';
    const scores = { SKILLS: 9, HELP: 5 };
    await expect(submitReview(ctx(m5, today), id, scores, 'FOR', true)).rejects.toThrow('tự động được đánh dấu xung đột lợi ích');
    await declareConflict(ctx(m4, today), id, 'Là họ hàng của chủ hộ.');
    await expect(submitReview(ctx(m4, today), id, scores, 'FOR', true)).rejects.toThrow('đã nộp và đã khóa');
    await expect(submitReview(ctx(f.chair, today), id, scores, 'FOR', true)).rejects.toThrow('không có quyền');
    await expect(submitReview(ctx(m1, today), id, { SKILLS: 9 }, 'FOR', true)).rejects.toThrow('Giúp đỡ hàng xóm');
    await submitReview(ctx(m1, today), id, scores, 'FOR', true);
    await expect(submitReview(ctx(m1, today), id, { SKILLS: 1, HELP: 1 }, 'AGAINST', true)).rejects.toThrow('đã khóa');
    // After the cycle's last day (24/11/2025) no sheet can change, whatever the page shows.
    const over = '2025-11-25';
    await expect(submitReview(ctx(m2, over), id, { SKILLS: 7, HELP: 3 }, 'FOR', false)).rejects.toThrow('Đợt xét đã kết thúc ngày 24/11/2025');
    await expect(declareConflict(ctx(m3, over), id, 'Người quen của chủ hộ.')).rejects.toThrow('Đợt xét đã kết thúc ngày 24/11/2025');
    expect(await mySheet(ctx(m2, over), id)).toMatchObject({ submitted: false, vote: null, recused: false });
    expect(await mySheet(ctx(m3, over), id)).toMatchObject({ submitted: false, recused: false, conflictNote: null });
    await submitReview(ctx(m2, today), id, { SKILLS: 7, HELP: 3 }, 'FOR', true);

    let [result] = await cycleResults(ctx(m2, today), cycleId);
    // 5 members, 2 recused: 3 voters; 2 ballots are exactly two thirds, 2 votes for are more than half
    expect(result).toMatchObject({ voters: 3, recused: 2, ballots: 2, quorumMet: true, votesFor: 2, approved: true });
    await submitReview(ctx(m3, today), id, { SKILLS: 2, HELP: 2 }, 'AGAINST', true);
    [result] = await cycleResults(ctx(m2, today), cycleId);
    expect(result).toMatchObject({ voters: 3, ballots: 3, votesFor: 2, votesAgainst: 1, quorumMet: true, approved: true, rank: 1, withinQuota: true });
    expect(result!.score).toBeCloseTo((8 + 6 + 2) / 3, 10);
  });

  it("gives each member back their own sheet after a reload: submitted scores and vote, or the recusal; no one else's", async () => {
    const id = ids['AWD-1']!;
    const [m1, , m3, m4, m5] = f.members as [Viewer, Viewer, Viewer, Viewer, Viewer];
    const today = '2025-10-21';
    expect(await mySheet(ctx(m1, today), id)).toEqual({ scores: [{ code: 'SKILLS', score: 9 }, { code: 'HELP', score: 5 }],
      vote: 'FOR', submitted: true, recused: false, autoRecused: false, conflictNote: null });
    expect(await mySheet(ctx(m3, today), id)).toMatchObject({ vote: 'AGAINST', submitted: true });
    expect(await mySheet(ctx(m4, today), id)).toMatchObject({ recused: true, autoRecused: false, conflictNote: 'Là họ hàng của chủ hộ.', vote: null });
    expect(await mySheet(ctx(m5, today), id)).toMatchObject({ recused: true, autoRecused: true, submitted: false, scores: [] });
    expect(await mySheet(ctx(f.admin, today), id)).toBeNull();

    // Through the API: the member's own sheet only (the ballot is secret).
    const read = (viewer: Viewer) => execAs<{ nomination: { myReview: { vote: string; submitted: boolean; scores: { code: string; score: number }[] } | null } }>(
      database.db, viewer, `{ nomination(id: ${id}) { myReview { vote submitted scores { code score } } } }`, undefined, today);
    expect((await read(m3)).data?.nomination.myReview).toEqual({ vote: 'AGAINST', submitted: true,
      scores: [{ code: 'SKILLS', score: 2 }, { code: 'HELP', score: 2 }] });
    expect((await read(f.admin)).data?.nomination.myReview).toBeNull();
  });

  it('posts the approved list for 10 days with masked names, takes anonymous comments', async () => {
    await expect(closeReview(ctx(f.members[1]!, '2025-10-22'), cycleId)).rejects.toThrow('chỉ Chủ tịch Hội đồng');
    const { posted } = await closeReview(ctx(f.members[0]!, '2025-10-22'), cycleId);
    expect(posted.map((n) => [n.id, n.postedOn, n.postingEndsOn])).toEqual([[ids['AWD-1'], '2025-10-22', '2025-11-01']]);
    const list = await postedList(ctx(null, '2025-10-23'), cycleId);
    expect(list.map((n) => n.maskedName)).toEqual(['Nguyễn V. A.']);
    await expect(commentOnNomination(ctx(null, '2025-10-23'), ids['AWD-1']!, 'ok')).rejects.toThrow('từ 5 đến 1000 ký tự');
    await commentOnNomination(ctx(null, '2025-10-23'), ids['AWD-1']!, 'Gia đình anh An giúp cả xóm cài VNeID.');
    await expect(commentOnNomination(ctx(null, '2025-11-02'), ids['AWD-1']!, 'Ý kiến quá hạn niêm yết.')).rejects.toThrow('không trong thời gian niêm yết');
    expect((await commentsOf(ctx(f.members[2]!, '2025-10-24'), ids['AWD-1']!)).map((c) => c.body))
      .toEqual(['Gia đình anh An giúp cả xóm cài VNeID.']);
    await expect(commentsOf(ctx(null, '2025-10-24'), ids['AWD-1']!)).rejects.toThrow('đăng nhập');
  });

  let code = '';
  it('records the decision after the posting, issues a certificate with Vietnamese text and the QR URL', async () => {
    const decision = { cycleId, communeCode: '90001', number: '125/QĐ-UBND', signer: 'Nông Thị Hạnh' };
    await expect(recordDecision(ctx(f.chair, '2025-10-30'), { ...decision, decidedOn: '2025-10-30' }))
      .rejects.toThrow('Chưa hết thời gian niêm yết công khai 10 ngày (đến 01/11/2025)');
    await expect(recordDecision(ctx(f.otherChair, '2025-11-05'), { ...decision, decidedOn: '2025-11-05' })).rejects.toThrow('ngoài phạm vi');
    const { certificates } = await recordDecision(ctx(f.chair, '2025-11-05'), { ...decision, decidedOn: '2025-11-05' });
    expect(certificates).toHaveLength(1);
    code = certificates[0]!.code;
    expect(await stateOf(ids['AWD-1']!)).toBe('approved');
    expect(await audits(ids['AWD-1']!)).toEqual([
      'award_nomination.draft', 'award_nomination.submitted', 'award_evidence.add', 'award_nomination.eligible',
      'award_nomination.under_review', 'award_review.recuse', 'award_review.submit', 'award_review.submit',
      'award_review.submit', 'award_nomination.posted', 'award_comment.add', 'award_nomination.approved',
    ]);

    const pdf = await certificateForViewer(ctx(f.chair, '2025-11-05'), code, 'https://thiduaso.caobang.gov.vn');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).normalize('NFC');
    expect(text).toContain('GIẤY KHEN');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('Gia đình số tiêu biểu');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM');
    expect(text).toContain(`https://thiduaso.caobang.gov.vn/xac-minh/${code}`);
    await expect(certificateForViewer(ctx(f.otherChair, '2025-11-05'), code, 'http://x')).rejects.toThrow('ngoài phạm vi');
  });

  it('verifies certificates publicly: valid, revoked, unknown; lists the honour roll masked', async () => {
    expect(await verifyCertificate(ctx(null, '2025-11-06'), code)).toMatchObject({
      status: 'VALID', entry: { maskedName: 'Nguyễn V. A.', communeName: 'Xã Thử Nghiệm', kind: 'Giấy khen', decisionNumber: '125/QĐ-UBND' },
    });
    expect(await honourRoll(ctx(null, '2025-11-06'), 2025, '90001')).toMatchObject([{ maskedName: 'Nguyễn V. A.', titleLabel: 'Gia đình số tiêu biểu' }]);
    expect(await verifyCertificate(ctx(null, '2025-11-06'), 'KHONG-CO')).toMatchObject({ status: 'UNKNOWN', entry: null });
    await expect(revokeCertificate(ctx(f.chair, '2025-11-07'), code, 'Khai man')).rejects.toThrow('không có quyền');
    await revokeCertificate(ctx(f.admin, '2025-11-07'), code, 'Phát hiện khai man hồ sơ');
    const revoked = await verifyCertificate(ctx(null, '2025-11-08'), code);
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedReason: 'Phát hiện khai man hồ sơ' });
    expect(revoked.message).toBe('Giấy khen đã bị thu hồi ngày 07/11/2025.');
    expect(await honourRoll(ctx(null, '2025-11-08'), 2025, '90001')).toEqual([]);
  });

  it('serves the public GraphQL: verification of unknown and revoked codes, honour roll, cycles; refuses anonymous writes', async () => {
    const server = await startTestServer(database.db);
    try {
      const res = await server.query<{ unknown: { status: string; message: string }; revoked: { status: string; entry: { maskedName: string } };
        awardCycles: { titleLabel: string; certificateKind: string }[] }>(`query ($code: String!) {
        unknown: verifyCertificate(code: "2025-XXXXXXXX") { status message }
        revoked: verifyCertificate(code: $code) { status entry { maskedName } }
        awardCycles(year: 2025) { titleLabel certificateKind } }`, { code });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        unknown: { status: 'UNKNOWN', message: 'Không tìm thấy giấy khen với mã này. Giấy khen có thể là giả.' },
        revoked: { status: 'REVOKED', entry: { maskedName: 'Nguyễn V. A.' } },
        awardCycles: [{ titleLabel: 'Gia đình số tiêu biểu', certificateKind: 'Giấy khen' }],
      });
      const write = await server.query(`mutation { submitNomination(id: ${ids['AWD-5']}) { id } }`);
      expect(write.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const read = await server.query(`{ nomination(id: ${ids['AWD-1']}) { nomineeName } }`);
      expect(read.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await server.close();
      server.server.close();
    }
  });

  it('lists the cycles of every year when awardCycles is called without a year', async () => {
    await openCycle(ctx(f.admin, '2025-12-01'), { ...cycleInput(), title: 'CONG_DAN_SO_DIEN_HINH', year: 2026,
      nominationOpensOn: '2026-09-01', nominationClosesOn: '2026-10-15', closesOn: '2026-11-20' });
    const server = await startTestServer(database.db);
    try {
      const res = await server.query<{ all: { year: number; title: string }[]; one: { year: number }[] }>(
        '{ all: awardCycles { year title } one: awardCycles(year: 2026) { year } }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.all).toEqual([{ year: 2025, title: 'GIA_DINH_SO_TIEU_BIEU' }, { year: 2026, title: 'CONG_DAN_SO_DIEN_HINH' }]);
      expect(res.data!.one).toEqual([{ year: 2026 }]);
    } finally {
      await server.close();
      server.server.close();
    }
  });

  it('serves evidence photos and certificate PDFs over HTTP only to those allowed', async () => {
    let viewer: Viewer | null = null;
    const app = express().use('/api/awards', awardsRouter(database.db, () => viewer, 'https://thiduaso.example'));
    const http = app.listen(0);
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/awards`;
    try {
      const photo = (await queryRows<{ id: number }>(database.db, sql`select id from award_evidence where nomination_id = ${ids['AWD-1']!} and content is not null`))[0]!.id;
      expect((await fetch(`${base}/evidence/${photo}`)).status).toBe(401);
      viewer = f.otherChair;
      expect((await fetch(`${base}/evidence/${photo}`)).status).toBe(403);
      viewer = f.members[2]!;
      const ok = await fetch(`${base}/evidence/${photo}`);
      expect([ok.status, ok.headers.get('content-type')]).toEqual([200, 'image/png']);
      viewer = f.chair;
      const upload = await fetch(`${base}/nominations/${ids['AWD-5']}/photos`, { method: 'POST',
        headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from('52494646000000005745425056503820', 'hex') });
      expect(upload.status).toBe(201);
      const tooBig = await fetch(`${base}/nominations/${ids['AWD-5']}/photos`, { method: 'POST',
        headers: { 'content-type': 'image/jpeg' }, body: Buffer.alloc(2 * 1024 * 1024 + 10, 0xff) });
      expect([tooBig.status, (await tooBig.json()).error.message]).toEqual([413, 'Ảnh minh chứng tối đa 2 MB.']);
      // The province leader sees masked names only: the certificate prints the full name.
      viewer = { userId: f.admin.userId, role: Role.PROVINCE_LEADER, areaIds: [f.provinceId] };
      const refused = await fetch(`${base}/certificates/${code}.pdf`);
      expect([refused.status, (await refused.json()).error.code]).toEqual([403, 'FORBIDDEN']);
      viewer = f.chair;
      const pdf = await fetch(`${base}/certificates/${code}.pdf`);
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      // A commune's Giấy khen (a Bằng khen would be bang-khen-…).
      expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="giay-khen-${code}.pdf"`);
      expect(await pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain(`https://thiduaso.example/xac-minh/${code}`);
      // The sender chooses Host and X-Forwarded-Host: the link comes from configuration only.
      const forged = await new Promise<Buffer>((resolve, reject) => {
        const url = new URL(`${base}/certificates/${code}.pdf`);
        request({ host: url.hostname, port: url.port, path: url.pathname,
          headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
        }).on('error', reject).end();
      });
      const forgedText = await pdfText(forged);
      expect(forgedText).toContain(`https://thiduaso.example/xac-minh/${code}`);
      expect(forgedText).not.toContain('evil.example');
    } finally {
      http.close();
    }
  });
});
