/**
 * The signed-in award steps in real Chromium: a province admin opens a cycle, a commune chair
 * nominates a candidate the data suggests, the commune chair decides a household title (Giấy khen),
 * the committee chair records the decision and the certificate link serves a PDF. Each page is photographed at 1280 and 390 px without sideways scroll.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../server/dates';
import { chromiumMissing, CHROMIUM, PHONE, screenshotDir, useBrowserSession } from '../support/browser';
import { E2E_ADMIN, E2E_AWARDEES, E2E_CHAIR, E2E_CHAIR_DECIDES, E2E_COMMITTEE } from '../support/e2e-awards';

if (chromiumMissing) console.warn(`Bỏ qua kiểm thử trình duyệt: không có Chromium tại ${CHROMIUM} (apt-get install chromium).`);

const WIDE = { width: 1280, height: 900 };
const year = Number(todayInVietnam().slice(0, 4));

describe.skipIf(chromiumMissing)('award steps in Chromium', () => {
  const session = useBrowserSession();

  /** A page signed in as `user` (the session cookie set the way the sign-in form would). */
  async function signedIn(user: { username: string; password: string }, path: string, viewport = WIDE) {
    const { context, token } = await session.signIn(user, viewport);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${session.server.baseUrl}${path}`);
    return { page, context, token, errors };
  }

  async function photograph(page: Page, name: string) {
    const noScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.setViewportSize(WIDE);
    expect(await noScroll()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}${name}-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await noScroll()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}${name}-390.png`, fullPage: true });
  }

  async function done(context: BrowserContext, errors: string[]) {
    expect(errors).toEqual([]);
    await context.close();
  }

  it('the province admin opens a cycle; the server refuses a closing date after 24 November; the cycle then appears in the list', async () => {
    const { page, context, errors } = await signedIn(E2E_ADMIN, '/');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đợt xét' }).click();
    await page.waitForURL(/\/dot-xet$/);
    const form = page.getByTestId('open-cycle');
    await form.waitFor();
    await form.getByLabel('Danh hiệu').selectOption({ label: 'Tổ công nghệ số cộng đồng tiêu biểu' });
    await form.getByLabel('Năm', { exact: true }).fill(String(year + 1));
    await form.getByLabel('Mở nhận hồ sơ').fill(`${year + 1}-03-01`);
    await form.getByLabel('Đóng nhận hồ sơ').fill(`${year + 1}-09-30`);
    await form.getByLabel(/Kết thúc đợt/).fill(`${year + 1}-11-28`);
    for (const name of ['Thành viên Hội đồng', 'Triệu Thị Hằng', 'Bế Văn Khải']) {
      await form.getByRole('checkbox', { name: new RegExp(name) }).check();
    }
    await form.getByRole('button', { name: 'Mở đợt xét' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Hãy chọn Chủ tịch Hội đồng');
    await form.getByRole('radio', { name: 'Triệu Thị Hằng làm Chủ tịch Hội đồng' }).check();
    await form.getByRole('button', { name: 'Mở đợt xét' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain(`Đợt xét phải kết thúc trước ngày 25/11/${year + 1}`);

    await form.getByLabel(/Kết thúc đợt/).fill(`${year + 1}-11-20`);
    await form.getByRole('button', { name: 'Mở đợt xét' }).click();
    await page.getByText(`Đã mở đợt xét «Tổ công nghệ số cộng đồng tiêu biểu năm ${year + 1}»`).waitFor();
    const card = page.getByTestId('cycle-list').locator('li').filter({ hasText: `Tổ công nghệ số cộng đồng tiêu biểu năm ${year + 1}` });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(`01/03/${year + 1}–30/09/${year + 1}`);
    expect(text).toContain('Chủ tịch: Triệu Thị Hằng');
    expect(text).toContain('Bằng khen');
    await photograph(page, 'cycle-setup');
    await done(context, errors);
  });

  it('a commune chair nominates a candidate the data suggests, with evidence, and sees it sent within the quota', async () => {
    const { page, context, errors } = await signedIn(E2E_CHAIR, '/de-cu', PHONE);
    await page.getByLabel('Đợt xét').selectOption({ label: `Gia đình số tiêu biểu năm ${year}` });
    await expect.poll(() => page.getByTestId('quota').innerText()).toContain('Đã dùng 0/2 · còn 2 hồ sơ');
    const candidate = page.getByTestId('candidates').locator('li').first();
    await candidate.waitFor();
    // The reason comes from the data: a Gia đình số since 2025, over the whole year so far.
    expect(await candidate.innerText()).toMatch(/Đạt — Là Gia đình số cả năm: Là Gia đình số liên tục từ \d{2}\/\d{2}\/2025/);
    const code = (await candidate.getAttribute('data-candidate'))!;
    const name = (await candidate.locator('strong').first().innerText()).trim();
    await candidate.getByRole('button', { name: `Đề cử ${name}` }).click();

    const form = page.getByTestId('nominate-form');
    await form.getByLabel(/Lý do đề nghị/).fill('Tốt');
    await form.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Lý do đề nghị cần từ 10 đến 5.000 ký tự');
    await form.getByLabel(/Ảnh minh chứng/).setInputFiles({ name: 'lon.png', mimeType: 'image/png', buffer: Buffer.alloc(2 * 1024 * 1024 + 1) });
    expect(await form.getByRole('alert').innerText()).toContain('Ảnh minh chứng tối đa 2 MB');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await form.getByLabel(/Ảnh minh chứng/).setInputFiles({ name: 'cai-vneid.png', mimeType: 'image/png', buffer: png });
    await form.getByLabel(/Lý do đề nghị/).fill('Cả gia đình dùng VNeID mức 2 và thanh toán bằng mã QR, hướng dẫn hàng xóm cài ứng dụng.');
    await form.getByLabel(/Minh chứng dạng văn bản/).fill('Biên bản họp xóm ngày 12/10 đề nghị khen thưởng.');
    await form.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await page.getByText(`Đã gửi hồ sơ đề nghị ${name}.`).waitFor();

    const sent = page.getByTestId('nominations').locator('li').filter({ hasText: name });
    await sent.waitFor();
    expect(await sent.innerText()).toContain('Đã gửi');
    expect(await sent.innerText()).toContain('2 minh chứng kèm theo');
    await expect.poll(() => page.getByTestId('quota').innerText()).toContain('Đã dùng 1/2 · còn 1 hồ sơ');
    // No longer suggested; nominating the same household again by its code: the server's refusal shows in the form.
    expect(await page.locator(`[data-candidate="${code}"]`).count()).toBe(0);
    await page.getByLabel('Hoặc đề cử theo mã hộ').fill(code);
    await page.getByRole('button', { name: 'Đề cử', exact: true }).click();
    await page.getByTestId('nominate-form').getByLabel(/Lý do đề nghị/).fill('Đề nghị lần thứ hai cho cùng hộ.');
    await page.getByTestId('nominate-form').getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expect.poll(() => page.getByTestId('nominate-form').getByRole('alert').innerText()).toContain('đã có hồ sơ đề nghị trong đợt xét');
    await page.getByTestId('nominate-form').getByRole('button', { name: 'Hủy' }).click();
    await photograph(page, 'nominate');
    await done(context, errors);
  });

  it('a commune chair records the decision on a household title: a missing number and a date inside the posting are refused in the form; one household is not awarded, the others get a Giấy khen', async () => {
    const { page, context, token, errors } = await signedIn(E2E_CHAIR, '/de-cu');
    await page.getByLabel('Đợt xét').selectOption({ label: 'Gia đình học tập số năm 2025' });
    const form = page.getByRole('form', { name: 'Ghi nhận quyết định khen thưởng' });
    await form.waitFor();
    expect(await form.innerText()).toContain('3 hồ sơ đã niêm yết công khai, hết hạn niêm yết ngày 30/10/2025');
    // Only the commune's own posted nominations: Phường Thục Phán's is not the chair's to decide.
    const [awarded1, awarded2, notAwarded] = E2E_CHAIR_DECIDES.households;
    const boxes = form.getByRole('group', { name: 'Không khen thưởng (đánh dấu nếu có)' }).getByRole('checkbox');
    expect(await boxes.count()).toBe(3);
    expect(await form.innerText()).not.toContain(E2E_CHAIR_DECIDES.other);

    await form.getByLabel('Người ký').fill('Nông Văn Thắng');
    await form.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Cần nhập số quyết định và người ký.');

    await form.getByLabel('Số quyết định').fill('245/QĐ-UBND');
    await form.getByLabel('Ngày ký').fill('2025-10-25');
    await form.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    // The server's refusal: the 10-day public posting was not over on that date.
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('Chưa hết thời gian niêm yết công khai 10 ngày (đến 30/10/2025)');

    await photograph(page, 'commune-decision-form');

    await form.getByLabel('Ngày ký').fill('2025-11-10');
    await form.getByRole('checkbox', { name: notAwarded }).check();
    await form.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await page.getByText('Đã ghi nhận quyết định: 2 giấy khen được cấp.').waitFor();
    await form.waitFor({ state: 'detached' });
    const list = page.getByTestId('nominations');
    for (const name of [awarded1!, awarded2!]) {
      const item = list.locator('li').filter({ hasText: name });
      await expect.poll(() => item.innerText()).toContain('Được khen thưởng');
      expect(await item.getByRole('link', { name: /Giấy khen \(PDF\)/ }).getAttribute('href')).toMatch(/^\/api\/awards\/certificates\/2025-[A-Z0-9]{8}\.pdf$/);
    }
    const refused = list.locator('li').filter({ hasText: notAwarded! });
    expect(await refused.innerText()).toContain('Không được khen thưởng');
    expect(await refused.getByRole('link').count()).toBe(0);
    await photograph(page, 'commune-decision');

    // The API has it: the chair's nominations moved; the honour roll lists the decision's two awardees, none of Phường Thục Phán.
    const api = async <T,>(query: string, variables: Record<string, unknown>, cookie?: string) => {
      const response = await fetch(`${session.server.baseUrl}/graphql`, {
        method: 'POST', body: JSON.stringify({ query, variables }),
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      });
      const body = await response.json() as { data: T; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const { awardCycles } = await api<{ awardCycles: { id: number; title: string }[] }>('query($y: Int) { awardCycles(year: $y) { id title } }', { y: 2025 });
    const cycleId = awardCycles.find((c) => c.title === 'GIA_DINH_HOC_TAP_SO')!.id;
    const { nominations } = await api<{ nominations: { nomineeName: string; state: string; certificate: { code: string } | null }[] }>(
      'query($c: Int!, $x: String) { nominations(cycleId: $c, communeCode: $x) { nomineeName state certificate { code } } }',
      { c: cycleId, x: '90001' }, `tds_session=${token}`);
    expect(nominations.map((n) => [n.nomineeName, n.state, Boolean(n.certificate)]).sort()).toEqual([
      [awarded1, 'approved', true], [awarded2, 'approved', true], [notAwarded, 'rejected', false]].sort());
    const { honourRoll } = await api<{ honourRoll: { title: string; communeName: string; decisionNumber: string; decidedOn: string }[] }>(
      'query { honourRoll(year: 2025) { title communeName decisionNumber decidedOn } }', {});
    const decided = honourRoll.filter((e) => e.title === 'GIA_DINH_HOC_TAP_SO');
    expect(decided.map((e) => [e.communeName, e.decisionNumber, e.decidedOn])).toEqual([
      ['Xã Thử Nghiệm', '245/QĐ-UBND', '2025-11-10'], ['Xã Thử Nghiệm', '245/QĐ-UBND', '2025-11-10']]);
    await done(context, errors);
  });

  it('the committee chair records the decision after the posting; the certificate link serves a PDF', async () => {
    const { page, context, token, errors } = await signedIn(E2E_COMMITTEE, '/ket-qua');
    await page.getByLabel('Đợt xét').selectOption({ label: 'Công dân số điển hình năm 2025' });
    const result = page.getByTestId('results').locator('li').filter({ hasText: E2E_AWARDEES.toDecide });
    await result.waitFor();
    expect(await result.innerText()).toContain('Đang niêm yết công khai');

    await page.getByLabel('Số quyết định').fill('1568/QĐ-UBND');
    await page.getByLabel('Người ký').fill('Hoàng Văn Lãnh');
    await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    // Today is after the cycle's end: the server says so, in the form.
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Quyết định phải ban hành trước khi đợt xét kết thúc (20/11/2025)');
    await page.getByLabel('Ngày ký').fill('2025-11-15');
    await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await page.getByText('Đã ghi nhận quyết định: 1 bằng khen được cấp.').waitFor();
    await expect.poll(() => result.innerText()).toContain('Được khen thưởng');
    const link = result.getByRole('link', { name: /Tải bằng khen \(PDF\)/ });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/awards\/certificates\/2025-[A-Z0-9]{8}\.pdf$/);
    const pdf = await fetch(`${session.server.baseUrl}${href}`, { headers: { cookie: `tds_session=${token}` } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetch(`${session.server.baseUrl}${href}`)).status).toBe(401);
    await photograph(page, 'results');
    await done(context, errors);
  });
});
