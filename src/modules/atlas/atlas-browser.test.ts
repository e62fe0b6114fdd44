import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { nutsFeature, nutsFile, square } from '../../../test/helpers/geojson.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { importNutsRegions } from './nuts-import.ts';

const REGIONS = nutsFile([
  nutsFeature('DE11', 'Nordmark', square(9, 50)),
  nutsFeature('DE12', 'Südmark', square(10, 50)),
  nutsFeature('DE13', 'Fernmark', square(-30, 20)),
]);

describe.each(ENGINES)('map and statistics in a browser on %s', (engine) => {
  const env = useBrowserServer(engine, async (srv) => {
    let n = 0;
    const org = (country: string, region: string | null, extra: Record<string, unknown> = {}) =>
      insertOrganisation(srv.services.db, {
        slug: `browser-org-${++n}`,
        name: `Browser Organisation ${n}`,
        type: 'cluster_organisation',
        status: 'published',
        country,
        region,
        ecosystems: ['digital'],
        members_sme: 12 * n,
        ...extra,
      });
    for (let i = 0; i < 3; i++) await org('DE', 'DE11');
    await org('DE', 'DE122');
    await org('FR', 'FR10', { label: 'gold' });
    await org('MT', null);
    await org('JP', null);
    await importNutsRegions(srv.services, REGIONS);
  });
  const skip = env.skip;

  /** Opens a page, collecting Content Security Policy violations reported on the console. */
  async function open(path: string, locale = 'en-GB'): Promise<{ page: Page; console: string[] }> {
    const context = await env.browser.newContext({ locale });
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
    });
    const res = await page.goto(`${env.srv.url}${path}`);
    expect(res?.status()).toBe(200);
    return { page, console };
  }

  it.skipIf(skip)('every map and statistics page passes axe and breaks no content policy', async () => {
    for (const [path, locale] of [
      ['/map', 'en-GB'],
      ['/map?view=world', 'fr-FR'],
      ['/map/DE', 'de-DE'],
      ['/statistics', 'en-GB'],
      ['/statistics', 'fr-FR'],
    ] as const) {
      const { page, console } = await open(path, locale);
      expect(await seriousA11yViolations(page), `${path} (${locale})`).toEqual([]);
      expect(console, `${path} (${locale})`).toEqual([]);
      await page.context().close();
    }
  });

  it.skipIf(skip)(
    'a country on the map is a named link that leads to its organisations or regions',
    async () => {
      const { page } = await open('/map');
      const map = page.getByRole('group', { name: 'Map of Europe: published organisations by country' });
      await expect(map.count()).resolves.toBe(1);
      // Germany has regions: its shape leads to the region map; France's to the search.
      const germany = map.getByRole('link', { name: 'Germany: 4 published organisations' });
      await expect(germany.getAttribute('href')).resolves.toBe('/map/DE');
      await expect(
        map.getByRole('link', { name: 'France: 1 published organisation' }).getAttribute('href'),
      ).resolves.toBe('/organisations?country=FR');

      // Reachable from the keyboard, like every other link.
      await germany.focus();
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(
        '/map/DE',
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/map\/DE$/);
      expect(await page.locator('h1').textContent()).toBe('Germany: organisations by region');
      const region = page.getByRole('link', { name: 'Nordmark: 3 published organisations' }).first();
      await expect(region.getAttribute('href')).resolves.toBe('/organisations?country=DE&region=DE11');
      // The far region is drawn apart, in a frame under the main map.
      await expect(page.locator('svg.choropleth text.frame-label').textContent()).resolves.toBe('Fernmark');
      await page.context().close();
    },
  );
});
