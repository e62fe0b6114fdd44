import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../../src/platform/db/pool.ts';
import { skipReason } from './db.ts';
import { PASSWORD } from './fixtures.ts';
import { startTestServer, type TestServer } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests need Debian's Chromium; in CI its absence is a failure, elsewhere a stated skip. */
export const browserSkip =
  !existsSync(CHROMIUM) && !process.env.CI ? `no Chromium at ${CHROMIUM}: browser tests skipped` : null;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the current page and returns serious and critical
 * violations. The script is evaluated through the DevTools protocol, which the page's CSP allows.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  return (result.violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
}

/**
 * A test server and a browser for a describe block, started together; `seed` fills the server
 * before the first test. `skip` says why the block cannot run here (no database or no Chromium).
 */
export function useBrowserServer(engine: Engine, seed?: (srv: TestServer) => Promise<void>) {
  const skip = skipReason(engine) ?? browserSkip;
  const state: { srv?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    if (skip) return;
    [state.srv, state.browser] = await Promise.all([startTestServer(engine), launchBrowser()]);
    await seed?.(state.srv);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.srv?.close();
  });
  return {
    skip,
    get srv(): TestServer {
      return state.srv!;
    },
    get browser(): Browser {
      return state.browser!;
    },
  };
}

/** Signs `page` in through the sign-in form, as a person would, with the test password. */
export async function signInPage(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(PASSWORD);
  await page.locator('form[action="/sign-in"] button[type=submit]').click();
  await page.waitForLoadState();
}
