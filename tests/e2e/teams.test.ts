/** The team leader's phone: sign in, log an activity offline, see it wait, then sent and counted once. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { todayInVietnam } from '../../server/dates';
import { openDatabase } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { chromiumMissing, ensureWebBuilt, launchChromium, screenshotDir, VI_LOCALE } from '../support/browser';
import { seedE2E } from '../support/e2e-fixture';
import { E2E_PASSWORD, seedE2ETeams } from '../support/teams-e2e';
import { mkdirSync } from 'node:fs';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });
const PHONE = { width: 390, height: 844 };

function currentQuarter(): string {
  const day = todayInVietnam();
  const [y, m] = day.split('-').map(Number);
  return `${y}-Q${Math.floor((m! - 1) / 3) + 1}`;
}

describe.skipIf(chromiumMissing)('team page in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let teamId: number;
  let campaignId: number;
  let close = async () => {};

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    ensureWebBuilt();
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    await seedE2E(database.db);
    ({ teamId, campaignId } = await seedE2ETeams(database.db, currentQuarter()));
    const server = await startServer({ db: database.db, port: 0 });
    baseUrl = server.url;
    browser = await launchChromium();
    close = async () => {
      await server.close();
      server.server.close();
      await database.close();
    };
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await close();
  });

  it('an activity logged offline waits in the browser, is sent when the connection returns, and counts once', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: VI_LOCALE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('thucphan.totruong');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await poll(() => page.getByRole('alert').innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await page.getByLabel('Mật khẩu').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(new RegExp(`/to/${teamId}$`));
    // On a phone the header keeps only "Đăng xuất"; who is signed in is said in the opened menu.
    await poll(() => page.getByTestId('user-menu').innerText()).toContain('Đăng xuất');
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.locator('.nav-user').innerText()).toBe('Hoàng Văn Tú · Tổ trưởng Tổ CNSCĐ');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByTestId('target-bars').waitFor();
    const noScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noScroll()).toBe(true);

    await context.setOffline(true);
    await page.getByLabel('Loại hoạt động').selectOption('APP_INSTALLS');
    await page.getByLabel('Số lượng', { exact: true }).fill('7');
    await page.getByLabel('Thôn, xóm').selectOption('90002-002');
    await page.getByLabel(/Ghi chú/).fill('Cài VNeID cho các hộ gần nhà văn hóa');
    await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
    await poll(() => page.getByTestId('queue-status').innerText()).toBe('1 bản ghi chưa gửi · đang mất mạng');
    expect(await noScroll()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}team-offline-phone.png`, fullPage: true });

    await context.setOffline(false);
    await poll(() => page.getByTestId('queue-status').innerText()).toBe('Đã gửi hết');
    await poll(() => page.getByTestId('activity-log').innerText()).toContain('Cài VNeID');
    await poll(() => page.locator('[data-metric="APP_INSTALLS"] .target-bar-figure').innerText()).toBe('7 / 80');

    // The server has it once, as this leader sees it through the API with the same session cookie.
    const response = await context.request.post(`${baseUrl}/graphql`, {
      data: {
        query: `query($id: Int!, $p: String!) { teamActivities(teamId: $id) { metric quantity hamletCode }
          teamProgress(teamId: $id, period: $p) { targets { metric achieved } } }`,
        variables: { id: teamId, p: currentQuarter() },
      },
    });
    const body = (await response.json()) as {
      data: { teamActivities: { metric: string; quantity: number; hamletCode: string }[]; teamProgress: { targets: { metric: string; achieved: number }[] } };
    };
    expect(body.data.teamActivities).toEqual([{ metric: 'APP_INSTALLS', quantity: 7, hamletCode: '90002-002' }]);
    expect(body.data.teamProgress.targets.find((t) => t.metric === 'APP_INSTALLS')?.achieved).toBe(7);
    await page.screenshot({ path: `${screenshotDir}team-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: `${screenshotDir}team-desktop.png`, fullPage: true });

    // Past the target the bar says by how much, instead of stopping at 100 %.
    await page.getByLabel('Loại hoạt động').selectOption('APP_INSTALLS');
    await page.getByLabel('Số lượng', { exact: true }).fill('80');
    await page.getByLabel('Thôn, xóm').selectOption('90002-002');
    await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
    const installs = page.locator('[data-metric="APP_INSTALLS"]');
    await poll(() => installs.locator('.target-bar-figure').innerText()).toBe('87 / 80');
    const foot = await installs.locator('.target-bar-foot').innerText();
    expect(foot).toContain('108,8');
    expect(foot).toContain('vượt 7');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('too many failed sign-ins say so; the province admin sees the commune target plan with its warning, the at-risk list and the hamlet team', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: VI_LOCALE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.screenshot({ path: `${screenshotDir}sign-in-phone.png`, fullPage: true });
    await page.getByLabel('Tên đăng nhập').fill('thucphan.chutich');
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await poll(() => page.getByRole('button', { name: 'Đăng nhập' }).isEnabled()).toBe(true);
    }
    await poll(() => page.getByRole('alert').innerText()).toContain('Đăng nhập sai quá nhiều lần');
    await page.screenshot({ path: `${screenshotDir}sign-in-limited-phone.png`, fullPage: true });
    await context.close();

    // The limit is per account: the province admin signs in and reads the commune's plan.
    const admin = await browser.newContext({ viewport: PHONE, locale: VI_LOCALE });
    const adminPage = await admin.newPage();
    adminPage.on('pageerror', (error) => errors.push(error.message));
    await adminPage.goto(`${baseUrl}/dang-nhap?tiep=%2Fxa%2F90002`);
    await adminPage.getByLabel('Tên đăng nhập').fill('tinh.quantri');
    await adminPage.getByLabel('Mật khẩu').fill(E2E_PASSWORD);
    await adminPage.getByRole('button', { name: 'Đăng nhập' }).click();
    await adminPage.waitForURL(/\/xa\/90002$/);
    const plan = adminPage.getByTestId('target-plan');
    await plan.waitFor();
    expect(await plan.innerText()).toContain('tổng chỉ tiêu các tổ 120 thấp hơn chỉ tiêu của xã 150 (thiếu 30)');
    await poll(() => adminPage.getByTestId('at-risk').innerText()).toContain('Tổ CNSCĐ Xóm Pác Bó');
    expect(await adminPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await plan.screenshot({ path: `${screenshotDir}commune-plan-phone.png` });
    await adminPage.setViewportSize({ width: 1440, height: 1000 });
    await plan.screenshot({ path: `${screenshotDir}commune-plan-desktop.png` });
    await adminPage.goto(`${baseUrl}/thon/90002-003`);
    await poll(() => adminPage.getByTestId('hamlet-teams').innerText()).toContain('Tổ CNSCĐ Xóm Pác Bó');
    await adminPage.getByTestId('hamlet-teams').screenshot({ path: `${screenshotDir}hamlet-teams-desktop.png` });
    await adminPage.getByRole('button', { name: 'Đăng xuất' }).click();
    await poll(() => adminPage.getByRole('link', { name: 'Đăng nhập' }).first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await admin.close();
  });

  async function signIn(page: import('playwright-core').Page, username: string, next: string) {
    await page.goto(`${baseUrl}/dang-nhap?tiep=${encodeURIComponent(next)}`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname + url.search === next);
  }

  it('the commune chair edits a team target and the team page shows the new bar; a stale second tab gets the conflict, not an overwrite', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: VI_LOCALE });
    const errors: string[] = [];
    context.on('page', (p) => p.on('pageerror', (error) => errors.push(error.message)));
    const page = await context.newPage();
    const plan = `/xa/90002/chi-tieu?ky=${currentQuarter()}`;
    await signIn(page, 'thucphan.phochutich', plan);
    const editor = page.getByTestId('target-plan-editor');
    await editor.waitFor();
    // The commune's own targets are the province's: the chair sees them but cannot type in them.
    expect(await page.getByTestId('commune-targets').locator('input').count()).toBe(0);
    const outreach = page.getByLabel('Tổ CNSCĐ Tổ dân phố 1–2 — Buổi tuyên truyền');
    expect(await outreach.inputValue()).toBe('12');
    await outreach.fill('15');
    await page.getByRole('button', { name: 'Lưu 1 thay đổi' }).click();
    await poll(() => editor.getByRole('status').filter({ hasText: 'Đã lưu' }).innerText()).toBe('Đã lưu 1 chỉ tiêu.');
    await page.getByRole('link', { name: 'Tổ CNSCĐ Tổ dân phố 1–2' }).click();
    await page.waitForURL(new RegExp(`/to/${teamId}$`));
    await poll(() => page.locator('[data-metric="OUTREACH_SESSIONS"] .target-bar-figure').innerText()).toBe('0 / 15');

    // Two tabs read the same plan; the first saves, the second (still showing the old value) then tries.
    const first = await context.newPage();
    const second = await context.newPage();
    for (const tab of [first, second]) {
      await tab.goto(`${baseUrl}${plan}`);
      await tab.getByTestId('target-plan-editor').waitFor();
    }
    const cell = 'Tổ CNSCĐ Xóm Pác Bó — Lượt cài ứng dụng';
    expect(await second.getByLabel(cell).inputValue()).toBe('40');
    await first.getByLabel(cell).fill('55');
    await first.getByRole('button', { name: 'Lưu 1 thay đổi' }).click();
    await poll(() => first.getByText('Đã lưu 1 chỉ tiêu.').isVisible()).toBe(true);
    await poll(() => first.getByTestId('allocation-warning').innerText())
      .toContain('Lượt cài ứng dụng: tổng chỉ tiêu các tổ 135 thấp hơn chỉ tiêu của xã 150 (thiếu 15)');

    await second.getByLabel(cell).fill('60');
    await second.getByRole('button', { name: 'Lưu 1 thay đổi' }).click();
    const conflict = second.getByTestId('target-conflict');
    await conflict.waitFor();
    const text = await conflict.innerText();
    expect(text).toContain('Chỉ tiêu vừa được người khác sửa');
    expect(text).toContain('Tổ CNSCĐ Xóm Pác Bó — Lượt cài ứng dụng: hiện là 55 (bạn nhập 60)');
    expect(text).toContain('chưa được lưu');
    // Said where the user is looking: right above the button just pressed, focused, on screen.
    await poll(() => second.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('target-save-feedback');
    const [box, button] = await Promise.all([conflict.boundingBox(), second.locator('.plan-form button[type="submit"]').boundingBox()]);
    expect(button!.y - (box!.y + box!.height)).toBeLessThan(120);
    expect(button!.y - (box!.y + box!.height)).toBeGreaterThanOrEqual(0);
    expect(await conflict.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    await second.screenshot({ path: `${screenshotDir}target-conflict-desktop.png`, fullPage: true });
    await second.getByRole('button', { name: 'Tải lại số mới nhất' }).click();
    await poll(() => second.getByLabel(cell).inputValue()).toBe('55');
    await poll(() => conflict.count()).toBe(0);

    // Nothing was overwritten: the server still has the first tab's value.
    const response = await context.request.post(`${baseUrl}/graphql`, {
      data: { query: `query($p: String!) { communeTargetPlan(communeCode: "90002", period: $p) { teamTargets { teamId metric value } } }`, variables: { p: currentQuarter() } },
    });
    const body = (await response.json()) as { data: { communeTargetPlan: { teamTargets: { teamId: number; metric: string; value: number }[] } } };
    const installs = body.data.communeTargetPlan.teamTargets.filter((t) => t.metric === 'APP_INSTALLS').map((t) => t.value).sort((a, b) => a - b);
    expect(installs).toEqual([55, 80]);

    await second.setViewportSize(PHONE);
    await poll(() => second.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await second.screenshot({ path: `${screenshotDir}target-plan-phone.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the province admin sets a commune target on the same page', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: VI_LOCALE });
    const page = await context.newPage();
    await signIn(page, 'tinh.quantri', '/chi-tieu');
    await page.getByLabel('Tìm xã, phường').fill('Thục');
    // The communes at risk are marked in the list (and can be listed alone: ?nguy-co=1).
    await poll(() => page.getByTestId('target-communes').innerText()).toContain('Phường Thục Phán⚠ Nguy cơ');
    await page.getByRole('link', { name: 'Phường Thục Phán' }).click();
    await page.getByTestId('target-plan-editor').waitFor();
    // Team rows are the chair's: the admin types only in the commune's row.
    expect(await page.locator('tr[data-team] input').count()).toBe(0);
    await page.getByLabel('Chỉ tiêu của Phường Thục Phán — Lượt cài ứng dụng').fill('200');
    await page.getByRole('button', { name: 'Lưu 1 thay đổi' }).click();
    await poll(() => page.getByTestId('allocation-warning').innerText())
      .toContain('Lượt cài ứng dụng: tổng chỉ tiêu các tổ 135 thấp hơn chỉ tiêu của xã 200 (thiếu 65)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // At-risk flags on the maps: the hamlet of the at-risk team on the commune map, the commune on the province map.
    await page.goto(`${baseUrl}/xa/90002`);
    await page.getByTestId('legend-flag').waitFor();
    await poll(() => page.locator('path[data-code="90002-003"]').getAttribute('aria-label')).toContain('⚠ Tổ CNSCĐ Xóm Pác Bó có nguy cơ không đạt chỉ tiêu');
    expect(await page.locator('path[data-code="90002-005"]').getAttribute('aria-label')).not.toContain('⚠');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('legend-flag').waitFor();
    await poll(() => page.locator('path[data-code="90002"]').getAttribute('aria-label')).toContain('⚠ có nguy cơ không đạt chỉ tiêu');
    await page.getByTestId('area-map').screenshot({ path: `${screenshotDir}overview-at-risk-phone.png` });
    await context.close();

    // The public sees no targets: no flag, no legend row.
    const visitor = await browser.newPage({ viewport: PHONE, locale: VI_LOCALE });
    await visitor.goto(`${baseUrl}/`);
    await visitor.locator('path[data-code="90002"]').waitFor();
    expect(await visitor.getByTestId('legend-flag').count()).toBe(0);
    expect(await visitor.locator('path[data-code="90002"]').getAttribute('aria-label')).not.toContain('⚠');
    await visitor.close();
  });

  it('the chair adds a member to a team and deactivates them; the team leader sees the list but cannot change it', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: VI_LOCALE });
    const page = await context.newPage();
    await signIn(page, 'thucphan.phochutich', `/to/${teamId}`);
    const members = page.getByTestId('team-members');
    await members.waitFor();
    await members.getByRole('button', { name: 'Thêm thành viên' }).click();
    await members.getByLabel('Họ tên').fill('Lục Thị Mai');
    await members.getByLabel(/Điện thoại/).fill('0912 345 678');
    await members.getByLabel('Vai trò').selectOption('DEPUTY');
    await members.getByLabel('Tổ chức').selectOption('WOMENS_UNION');
    await members.getByLabel('Đại sứ số').check();
    await members.getByRole('button', { name: 'Thêm vào tổ' }).click();
    await poll(() => members.getByRole('status').innerText()).toBe('Đã thêm Lục Thị Mai vào tổ.');
    const row = members.locator('tr[data-member="Lục Thị Mai"]');
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['Tổ phó', 'Hội Phụ nữ', 'Đại sứ số', '0912345678']));
    expect(await members.locator('.panel-head').innerText()).toContain('1 đang hoạt động · 1 Đại sứ số');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await row.getByRole('button', { name: 'Cho ngừng hoạt động: Lục Thị Mai' }).click();
    await poll(() => row.innerText()).toContain('Ngừng hoạt động');
    expect(await members.locator('.panel-head').innerText()).toContain('0 đang hoạt động · 0 Đại sứ số · 1 ngừng hoạt động');
    await page.screenshot({ path: `${screenshotDir}team-members-phone.png`, fullPage: true });
    await context.close();

    const leader = await browser.newContext({ viewport: PHONE, locale: VI_LOCALE });
    const leaderPage = await leader.newPage();
    await signIn(leaderPage, 'thucphan.totruong', `/to/${teamId}`);
    await poll(() => leaderPage.getByTestId('team-members').innerText()).toContain('Lục Thị Mai');
    expect(await leaderPage.getByTestId('team-members').getByRole('button').count()).toBe(0);
    await leader.close();
  });

  it('campaign reports: totals per campaign for everyone, and the chair sends the commune report', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: VI_LOCALE });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/chien-dich`);
    const totals = page.getByTestId('campaign-totals');
    await totals.waitFor();
    const row = totals.locator(`tr[data-campaign="${campaignId}"]`);
    const figures = () => row.locator('td.num').allInnerTexts();
    expect(await row.locator('th').innerText()).toContain('Phổ cập kỹ năng số mùa khai giảng');
    expect(await figures()).toEqual(['2', '23', '590', '13']); // communes, volunteers, people supported, sessions
    // The latest campaign opens by default, its reports in Vietnamese order (Xã Đàm… before Xã Hòa…: Đ right after D).
    const reports = page.getByTestId('campaign-reports');
    expect(await reports.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-commune')))).toEqual(['90004', '90003']);
    expect(await reports.innerText()).toContain('Bài học kinh nghiệm: Mang theo máy phát wifi vì sóng yếu');
    // The year counts communes, not reports (Xã Hòa An Mới reported on both campaigns), and names those missing.
    const yearCommunes = () => totals.locator('tfoot td.num').first().innerText();
    expect(await yearCommunes()).toBe('2');
    const missing = page.getByTestId('not-reported');
    expect(await missing.getByRole('heading').innerText()).toBe('Chưa gửi báo cáo: 4/6 xã, phường');
    expect(await missing.getByRole('link').allInnerTexts()).toContain('Phường Thục Phán');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${screenshotDir}campaigns-phone.png`, fullPage: true });

    await signIn(page, 'thucphan.phochutich', `/chien-dich?chien-dich=${campaignId}`);
    await page.getByRole('button', { name: 'Gửi báo cáo của xã' }).click();
    const form = page.getByTestId('campaign-report-form');
    await form.getByLabel('Số tình nguyện viên').fill('11');
    await form.getByLabel('Lượt người dân được hỗ trợ').fill('-3');
    await form.getByLabel('Số buổi').fill('6');
    await form.getByLabel('Nội dung hoạt động').fill('Hướng dẫn thanh toán QR cho tiểu thương chợ Sông Hiến');
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await poll(() => form.getByRole('alert').innerText()).toContain('Số lượt người dân được hỗ trợ phải là số nguyên từ 0');
    await form.getByLabel('Lượt người dân được hỗ trợ').fill('150');
    await form.getByLabel(/Bài học kinh nghiệm/).fill('Tiểu thương bận buổi sáng: đến vào đầu giờ chiều');
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await poll(() => page.getByText('Đã gửi báo cáo của xã.').isVisible()).toBe(true);
    await poll(() => reports.locator('li').count()).toBe(3);
    expect(await reports.locator('[data-commune="90002"]').innerText()).toContain('150 lượt người dân · 11 tình nguyện viên · 6 buổi');
    await poll(figures).toEqual(['3', '34', '740', '19']);
    await poll(yearCommunes).toBe('3');
    await poll(() => missing.getByRole('heading').innerText()).toBe('Chưa gửi báo cáo: 3/6 xã, phường');
    expect(await missing.getByRole('link').allInnerTexts()).not.toContain('Phường Thục Phán');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${screenshotDir}campaigns-desktop.png`, fullPage: true });
    await context.close();
  });

  it('the Chợ số list sorts markets in Vietnamese order and filters by commune from the URL', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: VI_LOCALE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/cho-so`);
    const table = page.getByTestId('markets');
    await table.waitFor();
    const names = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-market')));
    expect(await names()).toEqual(['Chợ Đàm Thủy', 'Chợ Hòa An', 'Chợ Sông Hiến', 'Chợ Thục Phán']);
    expect(await table.locator('tr[data-market="Chợ Sông Hiến"]').innerText()).toMatch(/80\s+52 \(65,0%\)\s+✓ Đạt: gắn biển “Chợ số” ngày 15\/12\/2025/);
    expect(await table.locator('tfoot').innerText()).toMatch(/Cộng 4 chợ\s+300\s+137 \(45,7%\)\s+2 chợ/);
    await page.screenshot({ path: `${screenshotDir}markets-desktop.png`, fullPage: true });

    await page.getByLabel('Xã, phường').selectOption('90002');
    await page.waitForURL(/\?xa=90002$/);
    await poll(names).toEqual(['Chợ Sông Hiến', 'Chợ Thục Phán']);
    expect(await table.locator('tr[data-market="Chợ Thục Phán"]').innerText()).toContain('Chưa đạt: chưa được công nhận, chưa gắn biển');
    // The rule is written on the page: the sign decides, the QR share is followed but does not.
    expect(await page.getByTestId('market-standard').innerText()).toMatch(/lắp biển “Chợ số”.*không tự quyết định đạt chuẩn/s);

    // The filtered URL is shareable: a phone opening it sees the same two markets, without sideways scrolling.
    const phone = await context.newPage();
    phone.on('pageerror', (error) => errors.push(error.message));
    await phone.setViewportSize(PHONE);
    await phone.goto(`${baseUrl}/cho-so?xa=90002`);
    await phone.getByTestId('markets').waitFor();
    expect(await phone.getByTestId('markets').locator('tbody tr').count()).toBe(2);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot({ path: `${screenshotDir}markets-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
  it('a commune chair adds a market and edits another; a stale edit gets the conflict with the current figures, not an overwrite', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: VI_LOCALE });
    const errors: string[] = [];
    context.on('page', (p) => p.on('pageerror', (error) => errors.push(error.message)));
    const page = await context.newPage();
    await signIn(page, 'thucphan.phochutich', '/cho-so?xa=90002');
    const table = page.getByTestId('markets');
    await table.waitFor();
    // Only the chair's own commune's markets can be edited.
    await page.getByLabel('Xã, phường').selectOption('');
    await poll(() => table.locator('tbody tr').count()).toBe(4);
    expect(await table.getByRole('button', { name: /^Sửa / }).count()).toBe(2);
    await page.getByLabel('Xã, phường').selectOption('90002');

    await page.getByRole('button', { name: '+ Thêm chợ' }).click();
    const form = page.getByTestId('market-form');
    await form.getByLabel('Tên chợ').fill('Chợ phiên Nà Giàng');
    await form.getByLabel('Số tiểu thương').fill('30');
    await form.getByLabel('Tiểu thương có thanh toán QR').fill('45');
    await form.getByRole('button', { name: 'Thêm chợ' }).click();
    await poll(() => form.getByRole('alert').innerText()).toBe('Số tiểu thương thanh toán QR (45) không thể lớn hơn tổng số tiểu thương (30).');
    expect(await form.getByLabel('Tiểu thương có thanh toán QR').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Tiểu thương có thanh toán QR').fill('12');
    await form.getByRole('button', { name: 'Thêm chợ' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu' }).innerText()).toBe('Đã lưu Chợ phiên Nà Giàng.');
    await poll(() => table.locator('tr[data-market="Chợ phiên Nà Giàng"]').innerText()).toMatch(/30\s+12 \(40,0%\)\s+Chưa đạt/);

    // Two people open the same market; the province admin saves first, the chair's save then clashes.
    const adminPage = await (await browser.newContext({ viewport: PHONE, locale: VI_LOCALE })).newPage();
    adminPage.on('pageerror', (error) => errors.push(error.message));
    await signIn(adminPage, 'tinh.quantri', '/cho-so?xa=90002');
    await page.getByRole('button', { name: 'Sửa Chợ Thục Phán' }).click();
    await adminPage.getByRole('button', { name: 'Sửa Chợ Thục Phán' }).click();
    const adminForm = adminPage.getByTestId('market-form');
    await adminForm.getByLabel('Tiểu thương có thanh toán QR').fill('64');
    await adminForm.getByLabel(/Ngày gắn biển/).fill('2025-11-10');
    await adminPage.screenshot({ path: `${screenshotDir}market-form-phone.png`, fullPage: true });
    await adminForm.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await poll(() => adminPage.getByRole('status').filter({ hasText: 'Đã lưu' }).innerText()).toBe('Đã lưu Chợ Thục Phán.');
    expect(await adminPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await form.getByLabel('Số tiểu thương').fill('125');
    await page.screenshot({ path: `${screenshotDir}market-form-desktop.png`, fullPage: true });
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const conflict = page.getByTestId('market-conflict');
    await conflict.waitFor();
    const text = await conflict.innerText();
    expect(text).toContain('Chợ vừa được người khác sửa');
    expect(text).toContain('chưa được lưu');
    expect(text).toContain('Hiện là: Chợ Thục Phán, 120 tiểu thương, 64 có thanh toán QR, gắn biển ngày 10/11/2025 (bạn nhập 125 tiểu thương, 30 có QR)');
    await page.screenshot({ path: `${screenshotDir}market-conflict-desktop.png`, fullPage: true });
    expect(await table.locator('tr[data-market="Chợ Thục Phán"]').innerText()).toContain('Chưa đạt');
    await page.getByRole('button', { name: 'Tải lại số mới nhất' }).click();
    await poll(() => form.getByLabel('Tiểu thương có thanh toán QR').inputValue()).toBe('64');
    expect(await form.getByLabel('Số tiểu thương').inputValue()).toBe('120');
    await poll(() => conflict.count()).toBe(0);
    await form.getByLabel('Số tiểu thương').fill('125');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await poll(() => table.locator('tr[data-market="Chợ Thục Phán"]').innerText()).toMatch(/125\s+64 \(51,2%\)\s+✓ Đạt: gắn biển “Chợ số” ngày 10\/11\/2025/);

    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Sửa Chợ Sông Hiến' }).click();
    await form.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${screenshotDir}market-edit-phone.png`, fullPage: true });

    // The public sees the registry without any way to change it.
    const visitor = await (await browser.newContext({ viewport: PHONE, locale: VI_LOCALE })).newPage();
    await visitor.goto(`${baseUrl}/cho-so?xa=90002`);
    await poll(() => visitor.getByTestId('markets').locator('tbody tr').count()).toBe(3);
    expect(await visitor.getByRole('button', { name: /Thêm chợ|^Sửa / }).count()).toBe(0);
    expect(errors).toEqual([]);
    await adminPage.context().close();
    await visitor.context().close();
    await context.close();
  });
  it('staff see ⚠ beside at-risk communes and hamlets in the tables, with an accessible name; the public sees none and never asks', async () => {
    const marker = { name: 'Có nguy cơ không đạt chỉ tiêu', exact: true };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: VI_LOCALE });
    const page = await context.newPage();
    await signIn(page, 'thucphan.phochutich', '/xa/90002');
    const hamlets = page.getByTestId('hamlets-leaderboard');
    await poll(() => hamlets.locator('tr[data-code="90002-003"]').getByRole('img', marker).count()).toBe(1);
    expect(await hamlets.locator('tr[data-code="90002-003"]').getByRole('img', marker).getAttribute('title')).toMatch(/^Tổ CNSCĐ Xóm Pác Bó có nguy cơ không đạt chỉ tiêu/);
    expect(await hamlets.locator('tr[data-code="90002-005"]').getByRole('img', marker).count()).toBe(0);
    await page.screenshot({ path: `${screenshotDir}commune-at-risk-desktop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${screenshotDir}commune-at-risk-phone.png`, fullPage: true });
    await context.close();

    const admin = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: VI_LOCALE });
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'tinh.quantri', '/');
    const communes = adminPage.getByTestId('communes-leaderboard');
    await poll(() => communes.locator('tr[data-code="90002"]').getByRole('img', marker).count()).toBe(1);
    await adminPage.screenshot({ path: `${screenshotDir}overview-at-risk-desktop.png`, fullPage: true });
    await admin.close();

    // The public: the same pages, fully drawn, without a marker or any request for targets.
    const visitor = await browser.newPage({ viewport: PHONE, locale: VI_LOCALE });
    const asked: string[] = [];
    visitor.on('request', (r) => { const m = /"operationName":"(\w+)"/.exec(r.postData() ?? ''); if (m) asked.push(m[1]!); });
    await visitor.goto(`${baseUrl}/`);
    await visitor.locator('path[data-code="90002"]').waitFor();
    await visitor.getByTestId('communes-leaderboard').locator('tr[data-code="90002"]').waitFor();
    expect(await visitor.getByRole('img', marker).count()).toBe(0);
    await visitor.goto(`${baseUrl}/xa/90002`);
    await visitor.getByTestId('hamlets-leaderboard').locator('tr[data-code="90002-003"]').waitFor();
    await visitor.locator('[data-code="90002-003"]').first().waitFor();
    expect(await visitor.getByRole('img', marker).count()).toBe(0);
    expect(asked).toContain('CommunesLeaderboard');
    expect(asked.filter((o) => o === 'OverviewAtRisk' || o === 'CommuneTeams')).toEqual([]);
    await visitor.close();
  });
});
