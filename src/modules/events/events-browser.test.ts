import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInPage, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { makeCampaign } from '../../../test/helpers/events.ts';
import { makeUser } from '../../../test/helpers/fixtures.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';

describe.each(ENGINES)('events in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  const signIn = (page: Page, email: string) => signInPage(page, env.srv.url, email);

  it.skipIf(skip)(
    'a team submits an event into a campaign, an editor validates it, and the campaign counts it',
    async () => {
      const s = env.srv.services;
      const org = await insertOrganisation(s.db, {
        slug: 'lyon-health',
        name: 'Lyon Health Cluster',
        type: 'cluster_organisation',
        country: 'FR',
        status: 'published',
      });
      const member = await makeUser(s, 'member@example.org');
      await upsertMember(s.db, org.id, member.id, 'admin');
      await makeUser(s, 'editor@example.org', 'editor');
      await makeCampaign(s.db, {
        slug: 'eu-cluster-weeks',
        title: 'EU Cluster Weeks',
        starts_on: '2027-03-01',
        ends_on: '2027-05-31',
      });

      const context = await env.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await signIn(page, 'member@example.org');
      await page.goto(`${env.srv.url}/campaigns/eu-cluster-weeks`);
      expect(await page.locator('.lead.campaign-counts').textContent()).toBe(
        '0 events in 0 countries, 0 anchor events',
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Submit an event to this campaign' }).click();
      await page.waitForLoadState();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByLabel('Title').fill('Lyon health open day');
      await page.getByLabel('Type').selectOption('campaign_event');
      await page.getByLabel('Format').selectOption('onsite');
      await page.getByLabel('Starts').fill('2027-03-10T10:00');
      await page.getByLabel('Ends').fill('2027-03-10T16:00');
      await page.getByLabel('Time zone').selectOption('Europe/Paris');
      await page.getByLabel('City').fill('Lyon');
      await page.getByLabel('Country').selectOption('FR');
      expect(await page.getByLabel('Lyon Health Cluster').isChecked()).toBe(true);
      expect(await page.getByLabel('Campaign').inputValue()).not.toBe('');
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('status').first().textContent()).toContain('editors will review it');
      expect(await page.locator('h1').textContent()).toBe('Lyon health open day');
      expect(await page.locator('.notice, .returned').last().textContent()).toContain('Awaiting review');
      const eventUrl = page.url().split('?')[0]!;

      const editorContext = await env.browser.newContext({ locale: 'en-GB' });
      const editor = await editorContext.newPage();
      await signIn(editor, 'editor@example.org');
      await editor.goto(`${env.srv.url}/editor/queue`);
      expect(await seriousA11yViolations(editor)).toEqual([]);
      await editor.getByRole('link', { name: 'Lyon health open day' }).click();
      await editor.waitForLoadState();
      await editor.getByRole('button', { name: 'Publish' }).click();
      await editor.waitForLoadState();
      expect(editor.url().split('?')[0]).toBe(eventUrl);
      expect(await seriousA11yViolations(editor)).toEqual([]);

      const visitor = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
      await visitor.goto(`${env.srv.url}/campaigns/eu-cluster-weeks`);
      expect(await visitor.locator('.lead.campaign-counts').textContent()).toBe(
        '1 event in 1 country, 0 anchor events',
      );
      await visitor.getByRole('link', { name: 'Lyon health open day' }).click();
      await visitor.waitForLoadState();
      expect(await visitor.locator('h1').textContent()).toBe('Lyon health open day');
      await visitor.goto(`${env.srv.url}/events?view=month&month=2027-03`);
      expect(
        await visitor
          .getByRole('table', { name: 'Events in March 2027' })
          .getByRole('link', { name: 'Lyon health open day' })
          .count(),
      ).toBe(1);
      expect(await seriousA11yViolations(visitor)).toEqual([]);
      await visitor.goto(`${env.srv.url}/events`);
      expect(await seriousA11yViolations(visitor)).toEqual([]);
    },
  );
});
