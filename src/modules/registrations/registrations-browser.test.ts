import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { bearer, organisedEvent, statuses } from '../../../test/helpers/registrations.ts';
import { HttpClient } from '../../../test/helpers/server.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';

describe.each(ENGINES)('registration in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  it.skipIf(skip)(
    'register → confirmation mail → cancel from its link → the first waitlisted person is promoted and mailed',
    async () => {
      const { event, organiserToken, questions } = await organisedEvent(env.srv.services, {
        capacity: 1,
        visitors: true,
        questions: [{ kind: 'single', label: 'Workshop', required: true, options: ['AI', 'Space'] }],
      });
      const context = await env.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${env.srv.url}/events/${event.slug}/register`);
      expect(await page.getByText('1 of 1 seats left').count()).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // A missing answer is named, then the form goes through.
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ines Ferreira');
      await page.getByLabel('E-mail address').fill('ines@example.org');
      await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption('PT');
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.waitForLoadState();
      // The browser itself refuses the empty required choice; without script, the page is the same.
      await page.getByRole('combobox', { name: 'Workshop', exact: true }).selectOption('Space');
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.waitForLoadState();
      expect(await page.getByText('You are registered. A confirmation e-mail is on its way.').count()).toBe(
        1,
      );

      // Someone else arrives: the event is full, so they wait.
      const api = new HttpClient(env.srv.url);
      const waiting = await api.json(
        'POST',
        `/api/v1/events/${event.id}/registrations`,
        { name: 'Wanda Waiting', email: 'wanda@example.org', answers: { [questions[0]!.id]: 'AI' } },
        bearer(organiserToken),
      );
      expect(waiting.data.status).toBe('waitlisted');

      const mail = await env.srv.inbox.waitFor('ines@example.org', /Registration confirmed/);
      expect(mail.attachments[0]?.filename).toBe('event.ics');
      const link = linkIn(mail.text, '/registrations/cancel?token=');
      // A fresh browser (a phone, say): no session, no cookies.
      const phone = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
      await phone.goto(link);
      expect(
        await phone.getByText('Cancel the registration of Ines Ferreira (ines@example.org)').count(),
      ).toBe(1);
      expect(await seriousA11yViolations(phone)).toEqual([]);
      expect((await statuses(env.srv.services.db, event.id)).map((r) => r.status)).toEqual([
        'confirmed',
        'waitlisted',
      ]);
      await phone.getByRole('button', { name: 'Yes, cancel the registration' }).click();
      await phone.waitForLoadState();
      expect(await phone.getByText('The registration is cancelled.').count()).toBe(1);

      const promoted = await env.srv.inbox.waitFor('wanda@example.org', /A seat for you/);
      expect(promoted.text).toContain('your registration for');
      expect((await statuses(env.srv.services.db, event.id)).map((r) => `${r.email}:${r.status}`)).toEqual([
        'ines@example.org:cancelled',
        'wanda@example.org:confirmed',
      ]);
      await env.srv.inbox.waitFor('ines@example.org', /Registration cancelled/);
    },
  );
});
