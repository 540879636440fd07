/** The team leader's phone: sign in, log an activity offline, see it wait, then sent and counted once. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { openDatabase } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { chromiumMissing, ensureWebBuilt, launchChromium, screenshotDir } from '../support/browser';
import { seedE2E } from '../support/e2e-fixture';
import { E2E_PASSWORD, seedE2ETeams } from '../support/teams-e2e';
import { mkdirSync } from 'node:fs';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });
const PHONE = { width: 390, height: 844 };

function currentQuarter(): string {
  const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m] = day.split('-').map(Number);
  return `${y}-Q${Math.floor((m! - 1) / 3) + 1}`;
}

describe.skipIf(chromiumMissing)('team page in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let teamId: number;
  let close = async () => {};

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    ensureWebBuilt();
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    await seedE2E(database.db);
    ({ teamId } = await seedE2ETeams(database.db, currentQuarter()));
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
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
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
    await poll(() => page.getByTestId('user-menu').innerText()).toContain('Hoàng Văn Tú');
    expect(await page.getByTestId('user-menu').innerText()).toContain('Tổ trưởng');
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
    expect(errors).toEqual([]);
    await context.close();
  });

  it('too many failed sign-ins say so; the province admin sees the commune target plan with its warning, the at-risk list and the hamlet team', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
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
    const admin = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
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
});
