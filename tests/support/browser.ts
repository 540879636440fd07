/*
 * Browser tests' plumbing: headless Debian Chromium through playwright-core, and a server with the
 * e2e dataset (or E2E_BASE_URL, to test a server that is already running).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { startServer } from '../../server/app';
import { openDatabase } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { seedE2E } from './e2e-fixture';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);
export const screenshotDir = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Vietnamese users' browsers: pass it as `locale` to every context (Intl, navigator.language, Accept-Language). */
export const VI_LOCALE = 'vi-VN';
const viPak = '/usr/lib/chromium/locales/vi.pak';
if (!chromiumMissing && existsSync('/usr/lib/chromium/locales') && !existsSync(viPak)) {
  console.warn(`Chromium chưa có giao diện tiếng Việt (${viPak}): ô nhập ngày hiện mm/dd/yyyy (apt-get install chromium-l10n).`);
}

/**
 * Chromium in Vietnamese, as Vietnamese users run it. A context's `locale` does not reach native date
 * inputs: they follow the browser's own UI language, which on Linux comes from LANGUAGE (and needs the
 * Vietnamese pack of Debian's chromium-l10n); `--lang` is what Chromium reads on other systems.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, LANGUAGE: 'vi' },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=vi'],
  });
}

/** Builds the SPA when web/dist is missing (under vitest, tests/support/global-setup.ts has already rebuilt a stale one). */
export function ensureWebBuilt(): void {
  if (existsSync(`${root}web/dist/index.html`)) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

export interface E2EServer {
  baseUrl: string;
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startE2EServer(): Promise<E2EServer> {
  mkdirSync(screenshotDir, { recursive: true });
  let baseUrl = process.env.E2E_BASE_URL;
  let close = async () => {};
  if (!baseUrl) {
    ensureWebBuilt();
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    await seedE2E(database.db);
    const server = await startServer({ db: database.db, port: 0 });
    baseUrl = server.url;
    close = async () => {
      await server.close();
      server.server.close();
      await database.close();
    };
  }
  const url = baseUrl;
  return {
    baseUrl: url,
    close,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!body.data || body.errors) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? 'no data');
      return body.data;
    },
  };
}

export const DESKTOP = { width: 1440, height: 1000 };
export const PHONE = { width: 390, height: 844 };

/**
 * One e2e server and browser for the enclosing describe block, and `open(path)`: a new page that
 * fails the test if the page threw an uncaught error by the time it is closed.
 */
export function useBrowserSession() {
  const session = {} as {
    server: E2EServer; browser: Browser;
    open(path: string, viewport?: typeof DESKTOP): Promise<Page>;
    signIn(user: { username: string; password: string }, viewport?: typeof DESKTOP): Promise<{ context: BrowserContext; token: string }>;
  };
  beforeAll(async () => {
    session.server = await startE2EServer();
    session.browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  session.open = async (path, viewport = DESKTOP) => {
    const page = await session.browser.newPage({ viewport, locale: VI_LOCALE });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
    // Checked when the test ends (a failure of that test, not an anonymous error of the run),
    // after the page is closed, so an error thrown late (a timer, an animation frame) still counts.
    onTestFinished(async () => {
      // Leaflet's zoom transition ends on a 250 ms timer: give such late callbacks their chance.
      if (!page.isClosed()) await page.waitForTimeout(300);
      await page.close();
      expect(errors, `uncaught errors in ${path}`).toEqual([]);
    });
    await page.goto(`${session.server.baseUrl}${path}`);
    return page;
  };
  /** A browser context signed in as `user`: the session cookie set the way the sign-in form sets it. */
  session.signIn = async (user, viewport = DESKTOP) => {
    const response = await fetch(`${session.server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { role } }',
        variables: { u: user.username, p: user.password } }),
    });
    const token = /tds_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    expect(token).toBeTruthy();
    const context = await session.browser.newContext({ viewport, locale: VI_LOCALE });
    await context.addCookies([{ name: 'tds_session', value: token!, url: session.server.baseUrl }]);
    return { context, token: token! };
  };
  return session;
}
