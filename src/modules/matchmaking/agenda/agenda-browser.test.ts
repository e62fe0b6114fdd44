import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, useBrowserServer } from '../../../../test/helpers/browser.ts';
import { ENGINES } from '../../../../test/helpers/db.ts';
import { matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import { publishedMeeting } from '../../../../test/helpers/matchmaking-agenda.ts';
import { agendaOf, signedInPage } from '../../../../test/helpers/matchmaking-browser.ts';

/**
 * The agenda half of the matchmaking journey: once a meeting is placed and published, both
 * participants see it at the same time and table in their agendas and their calendar files. (The
 * request, acceptance, scheduling and publishing before it are other parts' browser tests.)
 */
describe.each(ENGINES)('matchmaking agendas in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  const signedIn = (email: string) => signedInPage(env.browser, env.srv.url, email);
  const agenda = (page: Page, slug: string) => agendaOf(page, env.srv.url, slug);

  it.skipIf(skip)(
    'two participants whose meeting is published see the same meeting at the same table, in their agendas and calendar files',
    async () => {
      const { event, slots, organiserEmail } = await matchmakingEvent(env.srv.services, { tables: 8 });
      const ada = await participant(env.srv.services, event.id, { email: 'ada@example.org', country: 'AT' });
      const bo = await participant(env.srv.services, event.id, { email: 'bo@example.org', country: 'KR' });
      await publishedMeeting(env.srv.services, event.id, ada, bo, slots[1]!, '7');

      const adaPage = await signedIn('ada@example.org');
      const adas = await agenda(adaPage, event.slug);
      expect(await seriousA11yViolations(adaPage)).toEqual([]);
      const boPage = await signedIn('bo@example.org');
      const bos = await agenda(boPage, event.slug);

      // 09:30 UTC is 10:30 in Brussels (the event's zone), whatever the browser's.
      expect(adas.rows).toHaveLength(1);
      expect(adas.rows[0]![0]).toMatch(/10:30/);
      expect(adas.rows[0]![1]).toBe('7');
      expect(adas.rows[0]![2]).toContain(bo.name);
      expect(adas.rows[0]![2]).toContain(bo.organisation_name);
      expect(bos.rows[0]![0]).toBe(adas.rows[0]![0]);
      expect(bos.rows[0]![1]).toBe('7');
      expect(bos.rows[0]![2]).toContain(ada.name);
      expect(adas.vevents).toEqual([
        { uid: expect.stringMatching(/^meeting-/), location: 'Table 7', start: '2030-03-12T09:30:00.000Z' },
      ]);
      expect(bos.vevents).toEqual(adas.vevents);

      // The counterpart's profile is one click away.
      await adaPage.getByRole('link', { name: bo.organisation_name }).click();
      await adaPage.waitForLoadState();
      expect(await adaPage.getByRole('heading', { level: 1, name: bo.organisation_name }).count()).toBe(1);

      // The printable agenda and the organisers' dashboard pass the accessibility check too.
      await boPage.goto(`${env.srv.url}/events/${event.slug}/matchmaking/agenda/print`);
      expect(await boPage.getByText(ada.name).count()).toBeGreaterThan(0);
      expect(await seriousA11yViolations(boPage)).toEqual([]);
      const organiser = await signedIn(organiserEmail);
      await organiser.goto(`${env.srv.url}/events/${event.slug}/matchmaking/dashboard`);
      expect(await organiser.getByRole('heading', { level: 1, name: 'Matchmaking dashboard' }).count()).toBe(
        1,
      );
      expect(await seriousA11yViolations(organiser)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'after the event, a participant rates a meeting with the keyboard-usable form, and may change it',
    async () => {
      const past = await matchmakingEvent(env.srv.services, {
        startsAt: new Date(Date.now() - 2 * 86_400_000),
      });
      const cy = await participant(env.srv.services, past.event.id, { email: 'cy@example.org' });
      const di = await participant(env.srv.services, past.event.id, { email: 'di@example.org' });
      await publishedMeeting(env.srv.services, past.event.id, cy, di, past.slots[0]!, '2');
      const page = await signedIn('cy@example.org');
      await page.goto(`${env.srv.url}/events/${past.event.slug}/matchmaking/feedback`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: '4' }).check();
      await page.getByRole('combobox', { name: 'Outcome' }).selectOption('follow_up_planned');
      await page.getByRole('textbox', { name: 'Comment (optional)' }).fill('Visit in June');
      await page.getByRole('button', { name: 'Save my feedback' }).click();
      await page.waitForLoadState();
      expect(await page.getByText('Your feedback is saved.').count()).toBe(1);
      expect(await page.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Comment (optional)' }).inputValue()).toBe(
        'Visit in June',
      );
      const rows = await env.srv.services.db.selectFrom('meeting_feedback').selectAll().execute();
      expect(rows.map((r) => [r.participant_id, r.rating, r.outcome])).toEqual([
        [cy.id, 4, 'follow_up_planned'],
      ]);
    },
  );
});
