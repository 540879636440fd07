/*
 * Web performance benchmark (issue 4): initial JavaScript of the overview (gzipped, as the
 * compressed server sends it) and the time from navigation until the overview is interactive
 * (cards and map drawn, measured with the Performance API in headless Chromium).
 * Run: npx tsx tests/bench/web-performance.ts   (E2E_BASE_URL to measure a running server)
 */
import { launchChromium, startE2EServer } from '../support/browser';

const RUNS = 5;

const server = await startE2EServer();
const browser = await launchChromium();
try {
  const results: { ready: number; initialJs: number; routeJs: number; geometry: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="headline-cards"]') &&
      document.querySelector('[data-testid="area-map"] path.leaflet-interactive') &&
      document.querySelector('[data-testid="communes-leaderboard"] tbody tr'));
    const figures = await page.evaluate(async () => {
      const ready = performance.now();
      // Initial = what index.html itself loads (later modulepreload links belong to lazy routes).
      const html = await (await fetch('/')).text();
      const initial = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => new URL(m[1]!, location.href).href));
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const js = resources.filter((r) => r.name.endsWith('.js'));
      // No named helpers in here: tsx would wrap them in __name(), unknown inside the page.
      return {
        ready,
        initialJs: js.filter((r) => initial.has(r.name)).reduce((n, r) => n + r.encodedBodySize, 0),
        routeJs: js.reduce((n, r) => n + r.encodedBodySize, 0),
        geometry: resources.filter((r) => r.name.includes('/api/geo/')).reduce((n, r) => n + r.encodedBodySize, 0),
      };
    });
    results.push(figures);
    await context.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const first = results[0]!;
  console.log(`Overview interactive: first ${first.ready.toFixed(0)} ms, median of ${RUNS} ${median(results.map((r) => r.ready)).toFixed(0)} ms (budget 1500 ms)`);
  console.log(`Initial JS (entry + modulepreload, gzip): ${kb(first.initialJs)} (budget 300 KB)`);
  console.log(`All JS for the overview route (gzip): ${kb(first.routeJs)}`);
  console.log(`Geometry downloaded (gzip): ${kb(first.geometry)} (budget 300 KB)`);
} finally {
  await browser.close();
  await server.close();
}
