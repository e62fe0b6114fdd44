import { describe, expect, it } from 'vitest';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import { seriousA11yViolations, useBrowserServer } from './helpers/browser.ts';
import { ENGINES } from './helpers/db.ts';

describe.each(ENGINES)('finding a partner in a browser on %s', (engine) => {
  const env = useBrowserServer(engine, async (srv) => {
    const orgs: [string, string, string[]][] = [
      ['Aerospace Valley', 'FR', ['aerospace-defence']],
      ['Bavarian Aerospace Cluster', 'DE', ['aerospace-defence', 'digital']],
      ['Hamburg Aviation', 'DE', ['aerospace-defence']],
      ['Silicon Saxony', 'DE', ['electronics']],
      ['Polish Aviation Valley', 'PL', ['aerospace-defence']],
    ];
    for (const [i, [name, country, ecosystems]] of orgs.entries()) {
      await insertOrganisation(srv.services.db, {
        slug: `journey-${i}`,
        name,
        country,
        ecosystems,
        type: 'cluster_organisation',
        status: 'published',
        keywords: ecosystems.includes('aerospace-defence') ? ['aerospace'] : ['chips'],
        description: `${name} brings its members together.`,
        social: '{}',
      });
    }
  });
  const skip = env.skip;

  it.skipIf(skip)(
    'types a query, clicks a facet, and arrives from the map at the filtered list',
    async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.srv.url}/organisations`);
      await page.getByLabel('Search organisations by name, sector, technology or keyword').fill('aerosapce');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=aerosapce/);
      await expect(page.locator('.results-count').textContent()).resolves.toBe('4 organisations found');
      await expect(page.locator('.corrected').textContent()).resolves.toContain('aerospace');

      // The country facet: Germany has two of the four.
      const germany = page.locator('#facet-country ~ ul a', { hasText: 'Germany' });
      await expect(germany.locator('.facet-count').textContent()).resolves.toBe('2');
      await germany.click();
      await page.waitForURL(/country=DE/);
      await expect(page.locator('.results-count').textContent()).resolves.toBe('2 organisations found');
      const names = await page.locator('.cards h3 a').allTextContents();
      expect(names.sort()).toEqual(['Bavarian Aerospace Cluster', 'Hamburg Aviation']);
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The back button returns to the unfiltered results: the URL is the whole state.
      await page.goBack();
      await expect(page.locator('.results-count').textContent()).resolves.toBe('4 organisations found');

      // From the map: Poland's shape links to the list filtered by Poland.
      await page.goto(`${env.srv.url}/map`);
      await page.locator('svg a[href="/organisations?country=PL"]').first().click();
      await page.waitForURL(/\/organisations\?country=PL$/);
      await expect(page.locator('.results-count').textContent()).resolves.toBe('1 organisation found');
      await expect(page.locator('.cards h3 a').textContent()).resolves.toBe('Polish Aviation Valley');
      await page.close();
    },
  );
});
