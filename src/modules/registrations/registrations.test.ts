import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { auditEntries, makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { bearer, organisedEvent, statuses } from '../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { createApiToken } from '../accounts/usecases.ts';
import { registrationSection } from './event-section.tsx';

const DAY = 86_400_000;

describe.each(ENGINES)('event registration on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;

  it.skipIf(skip)(
    'a signed-in user registers, gets the confirmation with a calendar entry and a cancel link that works without signing in',
    async () => {
      const { event } = await organisedEvent(s(), { capacity: 10 });
      await makeUser(s(), 'ada@example.org');
      const ada = await signedIn(srv.url, 'ada@example.org');
      const form = await ada.get(`/events/${event.slug}/register`);
      expect(form.status).toBe(200);
      expect(form.html).toContain('10 of 10 seats left');
      expect(form.html).toContain('You register as ada (ada@example.org)');

      const r = await ada.post(`/events/${event.slug}/register`, {
        name: 'Ada Lovelace',
        organisation_name: 'Analytical Engines',
        country: 'GB',
        organisation_kind: 'sme',
      });
      expect(r.status, r.html.slice(0, 400)).toBe(303);
      const after = await ada.get(r.location!);
      expect(after.html).toContain('You are registered. A confirmation e-mail is on its way.');
      expect(after.html).toContain('9 of 10 seats left');
      expect(after.html).toContain('Cancel my registration');

      const mail = await srv.inbox.waitFor('ada@example.org', /Registration confirmed/);
      expect(mail.text).toContain(`Hello Ada Lovelace`);
      const ics = mail.attachments.find((a) => a.filename === 'event.ics');
      expect(ics?.contentType).toMatch(/^text\/calendar/);
      const vevent = new ICAL.Event(
        new ICAL.Component(ICAL.parse(ics!.content)).getFirstSubcomponent('vevent')!,
      );
      expect(vevent.summary).toBe(event.title);
      expect(vevent.startDate.toJSDate().toISOString()).toBe(event.starts_at.toISOString());

      // The same address again: refused with a clear message, nothing added.
      const again = await ada.post(`/events/${event.slug}/register`, { name: 'Ada again' });
      expect(again.status).toBe(409);
      expect(again.html).toContain('already registered for this event');
      expect(await statuses(s().db, event.id)).toHaveLength(1);

      // The link only shows; a visitor's POST cancels.
      const link = new URL(linkIn(mail.text, '/registrations/cancel?token='));
      const visitor = new HttpClient(srv.url);
      const shown = await visitor.get(link.pathname + link.search);
      expect(shown.status).toBe(200);
      expect(shown.html).toContain('Cancel the registration of Ada Lovelace (ada@example.org)');
      expect((await statuses(s().db, event.id))[0]!.status).toBe('confirmed');
      const done = await visitor.post('/registrations/cancel', { token: link.searchParams.get('token')! });
      expect(done.status).toBe(303);
      expect((await statuses(s().db, event.id))[0]!.status).toBe('cancelled');
      const cancelled = await srv.inbox.waitFor('ada@example.org', /Registration cancelled/);
      const cancelIcs = cancelled.attachments[0]!.content;
      expect(
        new ICAL.Component(ICAL.parse(cancelIcs))
          .getFirstSubcomponent('vevent')!
          .getFirstPropertyValue('status'),
      ).toBe('CANCELLED');
      // The link has done its work.
      expect((await visitor.get(link.pathname + link.search)).status).toBe(410);
      // Registering again after a cancellation is allowed.
      expect((await ada.post(`/events/${event.slug}/register`, { name: 'Ada' })).status).toBe(303);
    },
  );

  it.skipIf(skip)(
    'fills the seats, then the waiting list, and promotes in arrival order on cancellation',
    async () => {
      const { event, organiserToken } = await organisedEvent(s(), { capacity: 2 });
      const api = new HttpClient(srv.url);
      const ids: string[] = [];
      for (const who of ['a', 'b', 'c', 'd']) {
        const r = await api.json(
          'POST',
          `/api/v1/events/${event.id}/registrations`,
          { name: who.toUpperCase(), email: `${who}@example.org` },
          bearer(organiserToken),
        );
        expect(r.status, JSON.stringify(r.data)).toBe(201);
        ids.push(r.data.id);
      }
      expect((await statuses(s().db, event.id)).map((r) => r.status)).toEqual([
        'confirmed',
        'confirmed',
        'waitlisted',
        'waitlisted',
      ]);
      await srv.inbox.waitFor('c@example.org', /On the waiting list/);
      // The waiting person sees their place in the queue.
      await makeUser(s(), 'd@example.org');
      const d = await signedIn(srv.url, 'd@example.org');
      expect((await d.get(`/events/${event.slug}/register`)).html).toContain(
        'You are number 2 on the waiting list.',
      );
      const del = await api.json(
        'DELETE',
        `/api/v1/events/${event.id}/registrations/${ids[1]}`,
        undefined,
        bearer(organiserToken),
      );
      expect(del.status).toBe(200);
      expect(del.data).toEqual({ id: ids[1], status: 'cancelled', promoted: [ids[2]] });
      const promoted = await srv.inbox.waitFor('c@example.org', /A seat for you/);
      expect(promoted.attachments.map((a) => a.filename)).toEqual(['event.ics']);
      expect(promoted.text).toContain('/registrations/cancel?token=');
      expect((await statuses(s().db, event.id)).map((r) => `${r.email}:${r.status}`)).toEqual([
        'a@example.org:confirmed',
        'b@example.org:cancelled',
        'c@example.org:confirmed',
        'd@example.org:waitlisted',
      ]);
      expect(await auditEntries(s(), 'registration.cancel')).toHaveLength(1);
      // The event's API figures.
      expect(await registrationSection.api!(s(), null, event)).toEqual({
        registration: expect.objectContaining({
          capacity: 2,
          confirmed: 2,
          waitlisted: 1,
          opens_at: null,
          closes_at: null,
        }),
      });
      // d cancels their own place, after a confirmation page.
      const dCancel = `/events/${event.slug}/register/${ids[3]}/cancel`;
      expect((await d.get(`/events/${event.slug}/register`)).html).toContain(`href="${dCancel}"`);
      expect((await d.get(dCancel)).html).toContain('Yes, cancel the registration');
      expect((await d.post(dCancel, {})).status).toBe(303);
      expect((await statuses(s().db, event.id)).map((r) => r.status)).toEqual([
        'confirmed',
        'cancelled',
        'confirmed',
        'cancelled',
      ]);
    },
  );

  it.skipIf(skip)('refuses closed, not yet open and visitor registrations with a clear message', async () => {
    await makeUser(s(), 'bob@example.org');
    const bob = await signedIn(srv.url, 'bob@example.org');
    const closed = await organisedEvent(s(), { closesAt: new Date(Date.now() - DAY) });
    const later = await organisedEvent(s(), { opensAt: new Date(Date.now() + DAY) });
    let r = await bob.post(`/events/${closed.event.slug}/register`, { name: 'Bob' });
    expect(r.status).toBe(409);
    expect(r.html).toContain('Registration for this event is closed.');
    r = await bob.post(`/events/${later.event.slug}/register`, { name: 'Bob' });
    expect(r.status).toBe(409);
    expect(r.html).toContain('Registration for this event is not open yet.');
    const api = await bob.json(
      'POST',
      `/api/v1/events/${closed.event.id}/registrations`,
      { name: 'Bob' },
      {
        'x-csrf-token': await bob.csrf(),
      },
    );
    expect(api.status).toBe(409);
    expect(api.data.error.message).toBe('Registration for this event is closed.');
    // Visitors only where the event accepts them.
    const members = await organisedEvent(s());
    const visitor = new HttpClient(srv.url);
    const page = await visitor.get(`/events/${members.event.slug}/register`);
    expect(page.html).toContain('Sign in to register');
    r = await visitor.post(`/events/${members.event.slug}/register`, {
      name: 'Eve',
      email: 'eve@example.org',
    });
    expect(r.status).toBe(401);
    expect(r.html).toContain('Sign in to register for this event.');
    expect(await statuses(s().db, members.event.id)).toEqual([]);
  });

  it.skipIf(skip)('checks the answers against the questions and names each bad or missing one', async () => {
    const { event, questions } = await organisedEvent(s(), {
      visitors: true,
      questions: [
        { kind: 'text', label: 'Dietary needs', required: true },
        { kind: 'single', label: 'Workshop', required: true, options: ['AI', 'Space'] },
        { kind: 'multiple', label: 'Topics', options: ['Health', 'Energy', 'Mobility'] },
        { kind: 'checkbox', label: 'I accept the terms', required: true },
      ],
    });
    const [diet, workshop, topics, terms] = questions.map((q) => q.id);
    const api = new HttpClient(srv.url);
    const bad = await api.json('POST', `/api/v1/events/${event.id}/registrations`, {
      name: 'Vera',
      email: 'vera@example.org',
      answers: { [workshop!]: 'Cooking', [topics!]: ['Health', 'Opera'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual(
      [`answers.${diet}`, `answers.${workshop}`, `answers.${topics}`, `answers.${terms}`].sort(),
    );
    expect(await statuses(s().db, event.id)).toEqual([]);

    // The page: labelled fields, each problem by its field, values kept, script stored as text.
    const visitor = new HttpClient(srv.url);
    const form = await visitor.get(`/events/${event.slug}/register`);
    expect(form.html).toContain(`<label for="f-answers.${diet}">Dietary needs`);
    const r = await visitor.post(`/events/${event.slug}/register`, {
      name: '<script>alert(1)</script>',
      email: 'vera@example.org',
      [`answers.${workshop}`]: 'Space',
    });
    expect(r.status).toBe(422);
    expect(r.html).toContain(`href="#f-answers.${diet}">Dietary needs: This field is required.`);
    expect(r.html).toContain('I accept the terms: Tick this box to register.');
    expect(r.html).not.toContain('<script>alert(1)</script>');
    const ok = await visitor.post(`/events/${event.slug}/register`, {
      name: '<script>alert(1)</script>',
      email: 'vera@example.org',
      [`answers.${diet}`]: 'Vegetarian',
      [`answers.${workshop}`]: 'Space',
      [`answers.${topics}`]: ['Health', 'Energy'],
      [`answers.${terms}`]: 'on',
    });
    expect(ok.status, ok.html.slice(0, 300)).toBe(303);
    const row = await s().db.selectFrom('registrations').selectAll().executeTakeFirstOrThrow();
    expect(row.name).toBe('<script>alert(1)</script>');
    expect(row.source).toBe('visitor');
    expect(row.answers).toEqual({
      [diet!]: 'Vegetarian',
      [workshop!]: 'Space',
      [topics!]: ['Health', 'Energy'],
      [terms!]: true,
    });
  });

  it.skipIf(skip)(
    'limits a visitor address to a few attempts an hour, across processes (in the database)',
    async () => {
      const { event } = await organisedEvent(s(), { visitors: true });
      const api = new HttpClient(srv.url);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await api.json('POST', `/api/v1/events/${event.id}/registrations`, {
          name: 'Mallory',
          email: 'Target@example.org',
        });
        codes.push(r.status);
      }
      expect(codes).toEqual([201, 409, 409, 409, 409, 429]);
      const conflict = await api.json('POST', `/api/v1/events/${event.id}/registrations`, {
        name: 'Other',
        email: 'other@example.org',
      });
      expect(conflict.status).toBe(201);
    },
  );

  it.skipIf(skip)(
    'answers already_registered in the API, and lets a user token register only its own address',
    async () => {
      const { event, organiserToken } = await organisedEvent(s());
      const user = await makeUser(s(), 'user@example.org');
      const userToken = bearer((await createApiToken(s(), user.id, 't')).token);
      const api = new HttpClient(srv.url);
      const url = `/api/v1/events/${event.id}/registrations`;
      const other = await api.json('POST', url, { name: 'X', email: 'someone@example.org' }, userToken);
      expect(other.status).toBe(403);
      const own = await api.json('POST', url, { name: 'Me', email: 'USER@example.org' }, userToken);
      expect(own.status, JSON.stringify(own.data)).toBe(201);
      expect(own.data.status).toBe('confirmed');
      const twice = await api.json(
        'POST',
        url,
        { name: 'Me', email: 'user@example.org' },
        organiserToken ? bearer(organiserToken) : {},
      );
      expect(twice.status).toBe(409);
      expect(twice.data.error.code).toBe('already_registered');
      expect((await api.json('GET', url, undefined, userToken)).status).toBe(403);
      const list = await api.json('GET', url, undefined, bearer(organiserToken));
      expect(list.status).toBe(200);
      expect(list.data.items.map((i: { email: string }) => i.email)).toEqual(['user@example.org']);
      // A user cancels their own registration, not others'.
      const byOrganiser = await api.json(
        'POST',
        url,
        { name: 'Z', email: 'z@example.org' },
        bearer(organiserToken),
      );
      expect((await api.json('DELETE', `${url}/${byOrganiser.data.id}`, undefined, userToken)).status).toBe(
        403,
      );
      expect((await api.json('DELETE', `${url}/${own.data.id}`, undefined, userToken)).status).toBe(200);
    },
  );

  it.skipIf(skip)('writes mails in the account’s language, else the page’s', async () => {
    const { event, organiserToken } = await organisedEvent(s());
    const user = await makeUser(s(), 'marie@example.org');
    await s().db.updateTable('users').set({ locale: 'fr' }).where('id', '=', user.id).execute();
    const api = new HttpClient(srv.url);
    await api.json(
      'POST',
      `/api/v1/events/${event.id}/registrations`,
      { name: 'Marie', email: 'marie@example.org' },
      bearer(organiserToken),
    );
    await api.json(
      'POST',
      `/api/v1/events/${event.id}/registrations`,
      { name: 'Hans', email: 'hans@example.org' },
      { ...bearer(organiserToken), 'accept-language': 'de' },
    );
    expect((await srv.inbox.waitFor('marie@example.org', /Inscription confirmée/)).text).toContain(
      'Bonjour Marie',
    );
    expect((await srv.inbox.waitFor('hans@example.org', /Anmeldung bestätigt/)).text).toContain('Hallo Hans');
  });

  it.skipIf(skip)(
    'lets organisers list, add, import, check in, cancel, export and set the capacity',
    async () => {
      const { event, organiserEmail } = await organisedEvent(s(), {
        capacity: 3,
        questions: [{ kind: 'text', label: 'Company size' }],
      });
      const organiser = await signedIn(srv.url, organiserEmail);
      const base = `/events/${event.slug}/registrations`;
      let r = await organiser.post(`${base}/add`, {
        name: 'Paul',
        email: 'paul@example.org',
        country: 'FR',
        organisation_kind: 'research',
      });
      expect(r.status, r.html.slice(0, 300)).toBe(303);
      r = await organiser.post(`${base}/add`, { name: 'Paul', email: 'PAUL@example.org' });
      expect(r.status).toBe(409);
      expect(r.html).toContain('already registered for this event');
      r = await organiser.post(`${base}/add`, { name: '', email: 'nope' });
      expect(r.status).toBe(422);
      expect(r.html).toContain('href="#f-email"');

      // A file with bad lines: each named by its number, nothing saved.
      const upload = async (csv: string) => {
        const body = new FormData();
        body.append('_csrf', await organiser.csrf());
        body.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
        const res = await organiser.request(`${base}/import`, { method: 'POST', body });
        return { status: res.status, html: await res.text() };
      };
      const bad = await upload(
        'name,email,country\nAnna,anna@example.org,AT\n,broken,XX\nAnna Bis,anna@example.org,AT\n',
      );
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('Line 3, name: This field is required.');
      expect(bad.html).toContain('Line 3, email: Enter a valid e-mail address');
      expect(bad.html).toContain('Line 3, country: Choose a country from the list.');
      expect(bad.html).toContain('Line 4, email: The same e-mail address is already on line 2.');
      expect(await statuses(s().db, event.id)).toHaveLength(1);
      const good = await upload(
        'name,email,organisation_name,country,organisation_kind\nAnna,anna@example.org,"=HYPERLINK(""x"")",AT,sme\nBen,ben@example.org,,DE,\nCleo,cleo@example.org,,IT,public_body\n',
      );
      expect(good.status, good.html.slice(0, 300)).toBe(303);
      expect((await statuses(s().db, event.id)).map((x) => x.status)).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'waitlisted',
      ]);
      await srv.inbox.waitFor('cleo@example.org', /On the waiting list/);

      const page = await organiser.get(base);
      expect(page.status).toBe(200);
      expect(page.html).toContain('anna@example.org');
      expect(page.html).toContain('Company size');
      const anna = await s()
        .db.selectFrom('registrations')
        .select('id')
        .where('email', '=', 'anna@example.org')
        .executeTakeFirstOrThrow();
      r = await organiser.post(`${base}/${anna.id}/check-in`, { arrived: 'on' });
      expect(r.status).toBe(303);
      const csv = await organiser.get(`${base}/export.csv`);
      expect(csv.res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.html.split('\n')[0]).toBe(
        'name,email,organisation_name,country,organisation_kind,status,registered_at,checked_in_at,source,Company size',
      );
      expect(csv.html).toContain(`Anna,anna@example.org,"'=HYPERLINK(""x"")",AT,sme,confirmed`);

      // Capacity below the confirmed seats is refused; a larger one promotes the waiting list.
      r = await organiser.post(`${base}/settings`, { enabled: 'on', capacity: '2' });
      expect(r.status).toBe(422);
      expect(r.html).toContain('3 people already hold a confirmed seat');
      r = await organiser.post(`${base}/settings`, { enabled: 'on', capacity: '4' });
      expect(r.status).toBe(303);
      await srv.inbox.waitFor('cleo@example.org', /A seat for you/);
      // Something shaped like an id but not one is no registration: a 404, not a database error.
      expect((await organiser.post(`${base}/${'-'.repeat(36)}/check-in`, { arrived: 'on' })).status).toBe(
        404,
      );
      expect((await organiser.post(`${base}/${'-'.repeat(36)}/cancel`, {})).status).toBe(404);
      r = await organiser.post(`${base}/${anna.id}/cancel`, {});
      expect(r.status).toBe(303);
      expect(
        (await auditEntries(s(), 'registration.add')).length +
          (await auditEntries(s(), 'registration.import')).length +
          (await auditEntries(s(), 'registration.check_in')).length +
          (await auditEntries(s(), 'registration.export')).length +
          (await auditEntries(s(), 'registration.settings')).length +
          (await auditEntries(s(), 'registration.cancel')).length,
      ).toBe(6);

      // Times are typed in the event's zone; closing before opening is refused.
      r = await organiser.post(`${base}/settings`, {
        enabled: 'on',
        capacity: '4',
        opens_at: '2027-03-01T10:00',
        closes_at: '2027-03-01T09:00',
      });
      expect(r.status).toBe(422);
      expect(r.html).toContain('Registration must close after it opens.');
      // A time the clocks skip in the event's zone is refused, not shifted by an hour.
      r = await organiser.post(`${base}/settings`, {
        enabled: 'on',
        capacity: '4',
        opens_at: '2027-03-28T02:30',
      });
      expect(r.status).toBe(422);
      expect(r.html).toContain('This time does not exist in this time zone');
      r = await organiser.post(`${base}/settings`, {
        enabled: 'on',
        capacity: '4',
        opens_at: '2026-01-05T09:00',
        visitors_allowed: 'on',
      });
      expect(r.status).toBe(303);
      const settings = await s()
        .db.selectFrom('registration_settings')
        .selectAll()
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(settings.opens_at?.toISOString()).toBe('2026-01-05T08:00:00.000Z');
      expect(settings.visitors_allowed).toBe(true);
      expect((await organiser.get(`${base}/settings`)).html).toContain('value="2026-01-05T09:00"');

      // Questions: edited on the settings page; a choice question needs options.
      r = await organiser.post(`${base}/questions`, {
        'questions.0.label': 'Workshop',
        'questions.0.kind': 'single',
        'questions.0.options': 'Only one',
      });
      expect(r.status).toBe(422);
      expect(r.html).toContain('Give at least two options, one per line.');
      r = await organiser.post(`${base}/questions`, {
        'questions.0.label': 'Workshop',
        'questions.0.kind': 'single',
        'questions.0.options': 'AI\nSpace',
        'questions.0.required': 'on',
      });
      expect(r.status).toBe(303);
      const form = await organiser.get(`/events/${event.slug}/register`);
      expect(form.html).toContain('<option value="Space">Space</option>');

      // Someone else may not see the list.
      await makeUser(s(), 'nosy@example.org');
      const nosy = await signedIn(srv.url, 'nosy@example.org');
      expect((await nosy.get(base)).status).toBe(403);
      expect((await nosy.get(`${base}/export.csv`)).status).toBe(403);
    },
  );

  it.skipIf(skip)(
    'reports a past event’s participation by country and kind, as charts with the same figures',
    async () => {
      const start = new Date(Date.now() - 10 * DAY);
      const { event, organiserToken } = await organisedEvent(s(), {
        event: { starts_at: start, ends_at: new Date(start.getTime() + 8 * 3_600_000) },
      });
      const api = new HttpClient(srv.url);
      const people: [string, string, string][] = [
        ['a', 'AT', 'sme'],
        ['b', 'AT', 'research'],
        ['c', 'KR', 'cluster_organisation'],
      ];
      for (const [who, country, kind] of people) {
        const r = await api.json(
          'POST',
          `/api/v1/events/${event.id}/registrations`,
          { name: who, email: `${who}@example.org`, country, organisation_kind: kind },
          bearer(organiserToken),
        );
        expect(r.status, JSON.stringify(r.data)).toBe(201);
      }
      await s()
        .db.updateTable('registrations')
        .set({ checked_in_at: new Date() })
        .where('email', '=', 'a@example.org')
        .execute();
      const { render } = await import('preact-render-to-string');
      const { translator } = await import('../../platform/i18n/index.ts');
      const ctx = {
        lang: 'en',
        t: translator('en'),
        actor: null,
        csrfToken: '',
        csrfUsed: false,
        viaToken: false,
        path: '/',
        secure: false,
      } as const;
      const html = render((await registrationSection.render(s(), { ...ctx }, event))!);
      expect(html).toContain('3 registered, 1 checked in.');
      expect(html).toContain('role="img"');
      expect(html).toMatch(/<th scope="row">Austria<\/th><td class="num">2<\/td><td class="num">1<\/td>/);
      expect(html).toMatch(/<th scope="row">SME<\/th><td class="num">1<\/td><td class="num">1<\/td>/);
    },
  );
  it.skipIf(skip)(
    "takes an event's registration settings from the event's own write (POST /api/v1/events), or saves nothing",
    async () => {
      const editor = await makeUser(s(), 'events-editor@example.org', 'editor');
      const token = (await createApiToken(s(), editor.id, 'api')).token;
      const { event: organiserEvent } = await organisedEvent(s());
      const organisers = await s()
        .db.selectFrom('event_organisers')
        .select('organisation_id')
        .where('event_id', '=', organiserEvent.id)
        .execute();
      const body = {
        title: 'Cluster days 2027',
        type: 'conference',
        format: 'onsite',
        starts_at: '2027-03-01T09:00',
        ends_at: '2027-03-01T17:00',
        time_zone: 'Europe/Brussels',
        country: 'BE',
        city: 'Brussels',
        organisers: [organisers[0]!.organisation_id],
        registration: { capacity: 100 },
      };
      const c = new HttpClient(srv.url);
      const created = await c.json('POST', '/api/v1/events', body, { authorization: `Bearer ${token}` });
      expect(created.status, JSON.stringify(created.data)).toBe(201);
      expect(created.data.status).toBe('published');
      const read = await c.json('GET', `/api/v1/events/${created.data.id}`);
      expect(read.data.registration).toMatchObject({
        enabled: true,
        capacity: 100,
        confirmed: 0,
        waitlisted: 0,
      });

      const bad = await c.json(
        'POST',
        '/api/v1/events',
        { ...body, title: 'Cluster days 2028', registration: { capacity: -5 } },
        { authorization: `Bearer ${token}` },
      );
      expect(bad.status).toBe(422);
      expect(bad.data.error.details.map((d: { field: string }) => d.field)).toEqual([
        'registration.capacity',
      ]);
      const titles = await s()
        .db.selectFrom('events')
        .select('title')
        .where('title', 'like', 'Cluster days%')
        .execute();
      expect(titles).toEqual([{ title: 'Cluster days 2027' }]);
    },
  );
});
