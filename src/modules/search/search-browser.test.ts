import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { insertOrganisation } from '../organisations/repository.ts';

describe.each(ENGINES)('finding a partner in a browser on %s', (engine) => {
  const env = useBrowserServer(engine, async (srv) => {
    const orgs: [string, string, string[]][] = [
      ['Aerospace Valley', 'FR', ['aerospace-defence']],
      ['Bavarian Aerospace Cluster', 'DE', ['aerospace-defence', 'digital']],
      ['Hamburg Aviation', 'DE', ['aerospace-defence']],
      ['Silicon Saxony', 'DE', ['electronics']],
      ['Polish Aviation Valley', 'PL', ['aerospace-defence']],
      // "photonics": first by name, but only in its description; the other has it in its name.
      ['Aalborg Optics Network', 'DK', ['electronics']],
      ['Zealand Photonics Alliance', 'DK', ['electronics']],
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
        description: `${name} brings its members together${name.startsWith('Aalborg') ? ' around photonics' : ''}.`,
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

  it.skipIf(skip)(
    "orders the search box's first search by relevance, and a skip link leads past the filters",
    async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.srv.url}/organisations`);
      const sort = page.locator('#search-sort option:checked');
      // Without words there is no relevance: the list is in name order and says so.
      await expect(sort.textContent()).resolves.toBe('Name');
      await page.getByLabel('Search organisations by name, sector, technology or keyword').fill('photonics');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=photonics/);
      expect(page.url()).not.toContain('sort=name');
      await expect(page.locator('.results-count').textContent()).resolves.toBe('2 organisations found');
      await expect(page.locator('.cards h3 a').first().textContent()).resolves.toBe(
        'Zealand Photonics Alliance',
      );
      await expect(sort.textContent()).resolves.toBe('Relevance');

      // From the search box, a few Tab presses reach the skip link, which moves the focus to the
      // results; the next Tab is on the first result, not on the filters.
      await page.locator('#search-q').focus();
      const focused = () =>
        page.evaluate(() => ({
          id: document.activeElement?.id ?? '',
          text: document.activeElement?.textContent?.trim() ?? '',
          visible: (document.activeElement?.getBoundingClientRect().width ?? 0) > 0,
        }));
      let presses = 0;
      while (presses < 10 && (await focused()).text !== 'Skip to results') {
        await page.keyboard.press('Tab');
        presses++;
      }
      expect(presses).toBeLessThanOrEqual(3);
      expect(await focused()).toMatchObject({ text: 'Skip to results', visible: true });
      await page.keyboard.press('Enter');
      await expect(focused()).resolves.toMatchObject({ id: 'results-title' });
      await page.keyboard.press('Tab');
      await expect(focused()).resolves.toMatchObject({ text: 'Zealand Photonics Alliance' });
      await page.close();
    },
  );
});
