/** The web app in real Chromium against a server with the e2e dataset (tests/support/e2e-fixture.ts). */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, CHROMIUM, PHONE, screenshotDir, useBrowserSession } from '../support/browser';

if (chromiumMissing) console.warn(`Bỏ qua kiểm thử trình duyệt: không có Chromium tại ${CHROMIUM} (apt-get install chromium).`);

/** The machine may be busy (CI shares it): wait up to 30 s for the page to settle. */
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });

describe.skipIf(chromiumMissing)('web app in Chromium', () => {
  const session = useBrowserSession();
  const { open } = session;

  const mapShapes = (page: Page) => page.locator('[data-testid="area-map"] path.leaflet-interactive');

  it('the overview loads with the map and the headline cards', async () => {
    const page = await open('/');
    await page.getByTestId('headline-cards').waitFor();
    await poll(() => mapShapes(page).count()).toBe(6);
    const cards = await page.getByTestId('headline-cards').innerText();
    expect(cards).toContain('Tỷ lệ Gia đình số');
    expect(cards).toMatch(/\d+,\d%/);
    expect(await page.getByTestId('map-legend').innerText()).toContain('Chưa có dữ liệu');
    await page.screenshot({ path: `${screenshotDir}overview-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${screenshotDir}overview-1920.png`, fullPage: true });
    await page.close();
  });

  it('clicking a commune on the map opens its page', async () => {
    const page = await open('/');
    const shape = page.locator('[data-testid="area-map"] path[data-code="90002"]');
    await shape.waitFor();
    await shape.click();
    await page.waitForURL(/\/xa\/90002/);
    await poll(() => page.locator('h1').innerText()).toBe('Phường Thục Phán');
    await page.close();
  });

  it("the hamlets' order on screen equals the API's leaderboard", async () => {
    for (const [code, asOf] of [['90001', '2025-12-31'], ['90002', '2026-06-30']] as const) {
      const api = await session.server.graphql<{ leaderboard: { area: { code: string; name: string } }[] }>(
        `query($p: String!, $d: Date!) { leaderboard(parentCode: $p, metric: DIGITAL_FAMILY_RATE, asOf: $d) { area { code name } } }`,
        { p: code, d: asOf },
      );
      const page = await open(`/xa/${code}?ngay=${asOf}`);
      const rows = page.locator('[data-testid="hamlets-leaderboard"] tbody tr');
      await rows.first().waitFor();
      const onScreen = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
      expect(onScreen).toEqual(api.leaderboard.map((e) => e.area.code));
      if (code === '90001') {
        // The golden commune: ties by Vietnamese collation (Ả before Bản Giốc), unranked last.
        const names = await page.locator('[data-testid="hamlets-leaderboard"] tbody tr td.name-col a').allInnerTexts();
        expect(names).toEqual(['Xóm Ả', 'Xóm Bản Giốc', 'Xóm Cốc', 'Xóm Nà', 'Xóm Đon', 'Xóm Pác']);
        const ranks = await page.locator('[data-testid="hamlets-leaderboard"] tbody td.rank').allInnerTexts();
        expect(ranks).toEqual(['1', '1', '3', '4', 'Chưa xếp hạng', 'Chưa xếp hạng']);
      }
      await page.close();
    }
  });

  it('switching the indicator changes the map colours and the legend, which agree with the map', async () => {
    const page = await open('/');
    await poll(() => mapShapes(page).count()).toBe(6);
    const read = async () => ({
      fills: await mapShapes(page).evaluateAll((paths) => paths.map((p) => p.getAttribute('fill'))),
      legend: await page.getByTestId('map-legend').innerText(),
      counts: await page.locator('[data-testid="map-legend"] li').evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-colour'), Number(li.querySelector('.legend-count')?.textContent?.match(/\d+/)?.[0])] as const)),
    });
    const agree = (state: Awaited<ReturnType<typeof read>>) => {
      for (const [colour, count] of state.counts) {
        expect(state.fills.filter((f) => f?.toLowerCase() === colour?.toLowerCase()).length).toBe(count);
      }
    };
    const before = await read();
    agree(before);
    // Controlled by the URL: the radio turns checked once the router has re-rendered.
    await page.getByRole('radio', { name: 'Tỷ lệ đạt kỹ năng số cơ bản' }).click();
    await poll(() => page.getByRole('radio', { name: 'Tỷ lệ đạt kỹ năng số cơ bản' }).isChecked()).toBe(true);
    await page.waitForURL(/chi-so=DIGITAL_SKILL_RATE/);
    await poll(async () => (await read()).legend).not.toBe(before.legend);
    const after = await read();
    expect(after.fills).not.toEqual(before.fills);
    expect(after.legend).toContain('kỹ năng số');
    agree(after);
    await page.close();
  });

  it('zooming the map and at once switching the indicator (the map redrawn mid-zoom) throws nothing', async () => {
    const page = await open('/');
    await poll(() => mapShapes(page).count()).toBe(6);
    // Each click starts a zoom; the switch replaces the map while the zoom is still under way.
    await page.getByRole('button', { name: /zoom in|phóng to/i }).click();
    await page.getByRole('radio', { name: 'Tỷ lệ đạt kỹ năng số cơ bản' }).click();
    await page.waitForURL(/chi-so=DIGITAL_SKILL_RATE/);
    await poll(() => mapShapes(page).count()).toBe(6);
    await page.getByRole('button', { name: /zoom in|phóng to/i }).click();
    await page.getByRole('radio', { name: 'Tỷ lệ Gia đình số' }).click();
    await poll(() => mapShapes(page).count()).toBe(6);
    // The page-error check runs when the test ends, after Leaflet's transition timers have fired.
  });

  it('comparing three hamlets shows three series', async () => {
    const page = await open('/xa/90002');
    const boxes = page.locator('[data-testid="hamlets-leaderboard"] tbody input[type="checkbox"]');
    await boxes.first().waitFor();
    for (let i = 0; i < 3; i++) {
      // Controlled by the URL: the box turns checked once the router has re-rendered.
      await boxes.nth(i).click();
      await poll(() => boxes.nth(i).isChecked()).toBe(true);
    }
    const comparison = page.getByTestId('hamlet-comparison');
    await comparison.waitFor();
    await poll(() => comparison.locator('[data-testid="trend-chart"] .recharts-line').count()).toBe(3);
    expect(await comparison.locator('.recharts-bar-rectangle').count()).toBe(3);
    expect(await comparison.locator('.criteria-table tbody tr').count()).toBe(3);
    expect(page.url()).toMatch(/so-sanh=90002-\d{3}%2C90002-\d{3}%2C90002-\d{3}|so-sanh=90002-\d{3},90002-\d{3},90002-\d{3}/);
    await page.screenshot({ path: `${screenshotDir}commune-desktop.png`, fullPage: true });
    await page.close();
  });

  it('the phone layout (390 px) has no horizontal scroll on any page', async () => {
    for (const [name, path, ready] of [
      ['overview', '/', '[data-testid="area-map"] path.leaflet-interactive'],
      ['commune', '/xa/90002?so-sanh=90002-001,90002-002', '[data-testid="hamlet-comparison"] .recharts-line'],
      ['hamlet', '/thon/90002-001', '.criteria-bars li'],
      ['leaderboards', '/bang-xep-hang', '[data-testid="leaderboard"] tbody tr'],
      ['honour-roll', '/bang-vang?nam=2025', '[data-testid="honour-roll"] li'],
      ['verify', '/xac-minh/2025-HQKV7M3P', '[data-testid="verification"]'],
      ['posting', '/niem-yet', '[data-testid="posting-cycle"] li'],
    ] as const) {
      const page = await open(path, PHONE);
      await page.locator(ready).first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.screenshot({ path: `${screenshotDir}${name}-phone.png`, fullPage: true });
      expect(width, `${name} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
      await page.close();
    }
  });

  it('every page has its own tab title, with the area it shows', async () => {
    const { area } = await session.server.graphql<{ area: { name: string; children: { code: string; name: string }[] } }>(
      '{ area(code: "90002") { name children { code name } } }');
    const hamlet = area.children[0]!;
    for (const [path, title] of [
      ['/', /^Tổng quan tỉnh .+ — Thi đua số$/],
      ['/xa/90002', `${area.name} — Thi đua số`],
      [`/thon/${hamlet.code}`, `${hamlet.name}, ${area.name} — Thi đua số`],
      ['/bang-xep-hang', 'Bảng xếp hạng — Thi đua số'],
      ['/bang-vang?nam=2025', 'Bảng vàng năm 2025 — Thi đua số'],
    ] as const) {
      const page = await open(path);
      await poll(() => page.title()).toMatch(typeof title === 'string' ? new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : title);
      await page.close();
    }
  });

  it('the map legend sits outside the shapes, on the province and the commune map', async () => {
    for (const path of ['/', '/xa/90002']) {
      const page = await open(path);
      await poll(() => page.locator('[data-testid="area-map"] .leaflet-interactive').count()).toBeGreaterThan(0);
      const [map, legend] = await Promise.all([page.getByTestId('area-map').boundingBox(), page.getByTestId('map-legend').boundingBox()]);
      const overlap = Math.max(0, Math.min(map!.x + map!.width, legend!.x + legend!.width) - Math.max(map!.x, legend!.x))
        * Math.max(0, Math.min(map!.y + map!.height, legend!.y + legend!.height) - Math.max(map!.y, legend!.y));
      expect(overlap, `${path}: the legend covers the map`).toBe(0);
      await page.close();
    }
  });

  it('on a phone the header is one compact row; the menu button opens the navigation', async () => {
    const page = await open('/', PHONE);
    await page.getByTestId('headline-cards').waitFor();
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(80);
    const leaderboards = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bảng xếp hạng' });
    expect(await leaderboards.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await leaderboards.click();
    await page.waitForURL(/\/bang-xep-hang/);
    // The menu folds again once a page is chosen.
    await poll(() => leaderboards.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('prints the commune page on A4 without navigation and without losing a hamlet row', async () => {
    const page = await open('/xa/90002');
    const rows = page.locator('[data-testid="hamlets-leaderboard"] tbody tr');
    await rows.first().waitFor();
    await poll(() => mapShapes(page).count()).toBeGreaterThan(0);
    const { area } = await session.server.graphql<{ area: { children: { code: string }[] } }>('{ area(code: "90002") { children { code } } }');
    expect(await rows.count()).toBe(area.children.length);
    // As Chromium lays it out for printing: the A4 sheet's width (186 mm at 96 dpi), print media.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const clipped = await page.evaluate(() => [...document.querySelectorAll('.board-column, .table-wrap, .table-scroll')]
      .filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).length);
    expect(clipped, 'a table is cut off in print').toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
    const map = await page.getByTestId('area-map').boundingBox();
    expect(map!.x + map!.width).toBeLessThanOrEqual(703);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('the map is usable from the keyboard: Enter on a focused commune opens it', async () => {
    const page = await open('/');
    const shape = page.locator('[data-testid="area-map"] path[data-code="90003"]');
    await shape.waitFor();
    await shape.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/xa\/90003/);
    await page.close();
  });

  it('keeps the initial JavaScript under 300 KB gzipped, pages in their own chunks', async () => {
    const page = await open('/');
    await mapShapes(page).first().waitFor();
    const { initialJs, chunks } = await page.evaluate(async () => {
      // Initial = what index.html itself loads (later modulepreload links belong to lazy routes).
      const html = await (await fetch('/')).text();
      const initial = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => new URL(m[1]!, location.href).href));
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js'));
      return {
        initialJs: js.filter((r) => initial.has(r.name)).reduce((n, r) => n + r.encodedBodySize, 0),
        chunks: js.map((r) => r.name),
      };
    });
    expect(initialJs).toBeGreaterThan(0);
    expect(initialJs).toBeLessThanOrEqual(300 * 1024);
    expect(chunks.some((name) => /OverviewPage-.*\.js$/.test(name))).toBe(true);
    expect(chunks.some((name) => /CommunePage-.*\.js$/.test(name))).toBe(false);
    await page.close();
  });
});
