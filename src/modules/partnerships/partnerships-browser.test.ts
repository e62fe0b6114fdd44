import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInPage, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { partnershipWorld } from '../../../test/helpers/partnerships.ts';

describe.each(ENGINES)('partnerships in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  const signIn = (page: Page, email: string) => signInPage(page, env.srv.url, email);

  it.skipIf(skip)(
    'a team creates a partnership from the listing, corrects a line, and its members’ profiles show it',
    async () => {
      await partnershipWorld(env.srv.services);
      const context = await env.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await signIn(page, 'member@example.org');
      await page.goto(`${env.srv.url}/partnerships`);
      expect(await page.locator('h1').textContent()).toBe('Cluster partnerships');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Create a partnership' }).click();
      await page.waitForLoadState();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByLabel('Name').fill('New Frontiers in Food');
      await page.getByLabel('Acronym').fill('NF4');
      await page.getByLabel('Programme').selectOption('escp_4i');
      await page.getByLabel('Status').selectOption('published');
      await page.getByLabel('Start date').fill('2018-01-01');
      await page.getByLabel('Target markets').fill('CA, CN');
      await page.getByLabel('Members').fill('vitagora | coordinator\nfood-valley | partnr');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForLoadState();
      const summary = page.locator('.error-summary');
      expect(await summary.textContent()).toContain('Members: Line 2:');
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The summary's link leads to the field, which kept what was typed.
      await summary.getByRole('link').first().click();
      expect(await page.getByLabel('Members').inputValue()).toContain('food-valley | partnr');
      await page.getByLabel('Members').fill('vitagora | coordinator\nfood-valley | partner');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toBe('New Frontiers in Food (NF4)');
      expect(await page.getByRole('status').first().textContent()).toContain('The partnership was created.');
      expect(await seriousA11yViolations(page)).toEqual([]);

      const visitor = await (await env.browser.newContext({ locale: 'fr-FR' })).newPage();
      await visitor.goto(`${env.srv.url}/organisations/food-valley`);
      await visitor.getByRole('link', { name: 'New Frontiers in Food' }).click();
      await visitor.waitForLoadState();
      expect(await visitor.locator('#members-title').textContent()).toBe('Membres');
      expect(await visitor.getByRole('row', { name: /Food Valley/ }).textContent()).toContain('Partenaire');
      await visitor.goto(`${env.srv.url}/partnerships?target_market=CA`);
      expect(await visitor.getByRole('link', { name: 'New Frontiers in Food' }).count()).toBe(1);
    },
  );
});
