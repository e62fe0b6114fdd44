import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { agendaOf, signedInPage } from '../../../test/helpers/matchmaking-browser.ts';
import { waitForRun } from '../../../test/helpers/matchmaking-schedule.ts';

/**
 * The whole journey in a browser: two participants request and accept a meeting, the
 * organiser schedules with the engine and publishes, and both see the same meeting at the same
 * table in their agendas and in their calendar files.
 */
describe.each(ENGINES)('the matchmaking journey in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  const signedIn = (email: string) => signedInPage(env.browser, env.srv.url, email);

  it.skipIf(skip)(
    'request, accept, schedule with the engine, publish: both agendas and calendar files show one meeting at one table',
    async () => {
      const s = env.srv.services;
      const f = await matchmakingEvent(s, { schedulingMode: 'engine', tables: 4, slotsPerSession: 4 });
      const ana = await participant(s, f.event.id, {
        offers: [{ kind: 'technology', title: 'Telemedicine' }],
      });
      const ben = await participant(s, f.event.id, {
        country: 'KR',
        needs: [{ kind: 'technology', title: 'Remote care' }],
      });

      // Ana finds Ben in the marketplace and asks for a meeting.
      const a = await signedIn(ana.email);
      await a.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/participants`);
      await a.getByLabel(`Message to ${ben.name}`).fill('Remote care in Korea?');
      await a.getByRole('button', { name: 'Request a meeting' }).click();
      await a.waitForLoadState();
      expect(await a.getByText('Your meeting request is sent.').count()).toBe(1);

      // Ben accepts; the organisers will place it.
      const b = await signedIn(ben.email);
      await b.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/requests`);
      expect(await b.getByText('Remote care in Korea?').count()).toBe(1);
      await b.getByRole('button', { name: 'Accept' }).click();
      await b.waitForLoadState();
      expect(await b.getByText('The meeting is agreed.').count()).toBe(1);

      // The organiser runs the engine, waits for it, and publishes.
      const o = await signedIn(f.organiserEmail);
      await o.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/schedule`);
      await o.getByLabel('Time limit (seconds)').fill('2');
      await o.getByRole('button', { name: 'Start the run' }).click();
      await o.waitForLoadState();
      await waitForRun(env.srv, f.event.id, f.organiserToken);
      await o.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/schedule`);
      expect(await o.getByText('The engine proved this schedule optimal.').count()).toBe(1);
      expect(await seriousA11yViolations(o)).toEqual([]);
      await o.getByRole('button', { name: 'Publish the schedule' }).click();
      await o.waitForLoadState();

      // Both see the same meeting, at the same time and table, on the page and in the calendar file.
      const anas = await agendaOf(a, env.srv.url, f.event.slug);
      const bens = await agendaOf(b, env.srv.url, f.event.slug);
      expect(anas.rows).toHaveLength(1);
      expect(anas.rows[0]![2]).toContain(ben.name);
      expect(bens.rows[0]![2]).toContain(ana.name);
      expect(bens.rows[0]![0]).toBe(anas.rows[0]![0]);
      expect(bens.rows[0]![1]).toBe(anas.rows[0]![1]);
      expect(anas.vevents).toHaveLength(1);
      expect(anas.vevents[0]!.location).toBe(`Table ${anas.rows[0]![1]}`);
      expect(bens.vevents).toEqual(anas.vevents);

      // Each was told by mail.
      const mails = await s.db.selectFrom('mail_messages').select(['to_address', 'subject']).execute();
      const agendaMails = (to: string) =>
        mails.filter((m) => m.to_address === to && m.subject === `Your meetings at ${f.event.title}`);
      expect(agendaMails(ana.email)).toHaveLength(1);
      expect(agendaMails(ben.email)).toHaveLength(1);
    },
  );
});
