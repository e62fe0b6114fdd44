import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signInPage } from './browser.ts';

/** What the matchmaking's browser tests share: a signed-in page, and what an agenda shows. */

export async function signedInPage(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await signInPage(page, baseUrl, email);
  return page;
}

/**
 * A participant's agenda as they see it: [time, table, counterpart] per meeting row of the page,
 * and the meetings of their calendar file, parsed back with ical.js.
 */
export async function agendaOf(page: Page, baseUrl: string, slug: string) {
  await page.goto(`${baseUrl}/events/${slug}/matchmaking/agenda`);
  const rows = await page
    .locator('table.agenda tbody tr:not(.agenda-gap)')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
  const ics = await page.request.get(`${baseUrl}/events/${slug}/matchmaking/agenda.ics`);
  expect(ics.status()).toBe(200);
  const vevents = new ICAL.Component(ICAL.parse(await ics.text()))
    .getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c))
    .map((e) => ({ uid: e.uid, location: e.location, start: e.startDate.toJSDate().toISOString() }));
  return { rows, vevents };
}
