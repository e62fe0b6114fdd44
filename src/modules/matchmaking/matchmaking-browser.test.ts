import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInPage, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';

describe.each(ENGINES)('matchmaking in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  it.skipIf(skip)(
    'a participant finds another in the marketplace and requests a meeting; they accept into a slot; both see its time and table',
    async () => {
      const s = env.srv.services;
      const f = await matchmakingEvent(s, { schedulingMode: 'pick', tables: 3, slotsPerSession: 2 });
      const ana = await participant(s, f.event.id, {
        offers: [{ kind: 'technology', title: 'Telemedicine' }],
      });
      const ben = await participant(s, f.event.id, {
        country: 'KR',
        needs: [{ kind: 'technology', title: 'Remote care' }],
      });

      const a = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
      await signInPage(a, env.srv.url, ana.email);
      await a.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/participants`);
      expect(await seriousA11yViolations(a)).toEqual([]);
      await a.getByRole('combobox', { name: 'Country' }).selectOption('KR');
      await a.getByRole('button', { name: 'Search', exact: true }).click();
      await a.waitForLoadState();
      expect(await a.getByText('1 participants found.').count()).toBe(1);
      await a.getByLabel(`Message to ${ben.name}`).fill('Shall we talk about remote care?');
      await a.getByRole('button', { name: 'Request a meeting' }).click();
      await a.waitForLoadState();
      expect(await a.getByText('Your meeting request is sent.').count()).toBe(1);
      expect(await seriousA11yViolations(a)).toEqual([]);

      const b = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
      await signInPage(b, env.srv.url, ben.email);
      await b.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/requests`);
      expect(await b.getByText('Shall we talk about remote care?').count()).toBe(1);
      expect(await seriousA11yViolations(b)).toEqual([]);
      await b.getByRole('combobox', { name: 'Slot' }).selectOption({ index: 1 });
      await b.getByRole('button', { name: 'Accept' }).click();
      await b.waitForLoadState();
      expect(await b.getByText('The meeting is agreed.').count()).toBe(1);
      const where = await b.getByText(/^Meeting: .*, table 1\.$/).textContent();

      await a.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/requests`);
      expect(await a.getByText(where!).count()).toBe(1);

      // One's profile and the organisers' setup are accessible too.
      await a.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/profile`);
      expect(await seriousA11yViolations(a)).toEqual([]);
      const o = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
      await signInPage(o, env.srv.url, f.organiserEmail);
      await o.goto(`${env.srv.url}/events/${f.event.slug}/matchmaking/setup`);
      expect(await seriousA11yViolations(o)).toEqual([]);
    },
  );
});
