import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import { de } from '../src/platform/i18n/de.ts';
import { en } from '../src/platform/i18n/en.ts';
import { fr } from '../src/platform/i18n/fr.ts';
import { ENGINES, skipReason } from './helpers/db.ts';
import { makeUser, signedIn } from './helpers/fixtures.ts';
import { HttpClient, useTestServer } from './helpers/server.ts';

/** The audit action codes the code records: the quoted strings on each `action:` line beside a recordAudit. */
function auditCodes(): string[] {
  const root = new URL('../src/', import.meta.url).pathname;
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (!text.includes('recordAudit(') || file.startsWith('platform/audit')) continue;
    for (const line of text.split('\n').filter((l) => /^\s*action:/.test(l))) {
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) codes.add(m[1]!);
    }
  }
  return [...codes].sort();
}

describe('audit action labels', () => {
  it('exist in English, French and German for every action the code records', () => {
    const codes = auditCodes();
    expect(codes).toEqual(
      expect.arrayContaining(['organisation.publish', 'organisation.waive', 'user.role']),
    );
    for (const [lang, catalogue] of Object.entries({ en, fr, de })) {
      const missing = codes.filter((c) => !Object.hasOwn(catalogue, `audit.${c}`));
      expect(missing, lang).toEqual([]);
    }
  });
});

describe.each(ENGINES)('administration pages and profiles in the reader’s language on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)('the outbox shows translated statuses', async () => {
    await makeUser(srv.services, 'admin@example.org', 'admin');
    const admin = await signedIn(srv.url, 'admin@example.org');
    await srv.services.db
      .insertInto('mail_messages')
      .values(
        (['outbox', 'failed', 'sent', 'queued'] as const).map((status) => ({
          to_address: `${status}@example.org`,
          subject: `Message ${status}`,
          text_body: 'Hello',
          status,
        })),
      )
      .execute();
    const cell = (html: string, status: string) =>
      html.match(new RegExp(`Message ${status}</a></td><td>([^<]*)</td>`))?.[1];
    const french = (await admin.get('/admin/outbox', { 'accept-language': 'fr' })).html;
    expect(cell(french, 'outbox')).toBe('Conservé ici (non envoyé)');
    expect(cell(french, 'failed')).toBe('Échec');
    expect(cell(french, 'sent')).toBe('Envoyé');
    const german = (await admin.get('/admin/outbox', { 'accept-language': 'de' })).html;
    expect(cell(german, 'queued')).toBe('Wartet auf Versand');
    expect(cell(german, 'sent')).toBe('Gesendet');
    const id = (
      await srv.services.db
        .selectFrom('mail_messages')
        .select('id')
        .where('status', '=', 'failed')
        .executeTakeFirstOrThrow()
    ).id;
    const one = (await admin.get(`/admin/outbox/${id}`, { 'accept-language': 'de' })).html;
    expect(one).toContain('<dd>Fehlgeschlagen</dd>');
  });

  it.skipIf(skip)(
    'the audit log shows translated actions with their codes, and unknown codes as they are',
    async () => {
      const adminUser = await makeUser(srv.services, 'admin@example.org', 'admin');
      const admin = await signedIn(srv.url, 'admin@example.org');
      await srv.services.db
        .insertInto('audit_log')
        .values(
          ['organisation.publish', 'user.role', 'organisation.brand_new_action'].map((action) => ({
            actor_id: adminUser.id,
            action,
            subject_type: 'organisation',
            subject_id: 'some-org',
            details: JSON.stringify({}),
          })),
        )
        .execute();
      const french = (await admin.get('/admin/audit', { 'accept-language': 'fr' })).html;
      expect(french).toContain('Publié <code class="meta">organisation.publish</code>');
      expect(french).toContain('Rôle modifié <code class="meta">user.role</code>');
      expect(french).toContain('<td><code>organisation.brand_new_action</code></td>');
      const german = (await admin.get('/admin/audit', { 'accept-language': 'de' })).html;
      expect(german).toContain('Veröffentlicht <code class="meta">organisation.publish</code>');
      const english = (await admin.get('/admin/audit', { 'accept-language': 'en' })).html;
      expect(english).toContain('Role changed <code class="meta">user.role</code>');
    },
  );

  it.skipIf(skip)('profiles spell the networks as they do, like the form', async () => {
    await insertOrganisation(srv.services.db, {
      slug: 'networked',
      name: 'Networked Cluster',
      country: 'FR',
      type: 'cluster_organisation',
      status: 'published',
      description: 'On every network.',
      social: JSON.stringify({
        linkedin: 'https://www.linkedin.com/company/networked',
        youtube: 'https://www.youtube.com/@networked',
        x: 'https://x.com/networked',
      }),
    });
    const c = new HttpClient(srv.url);
    for (const lang of ['en', 'fr', 'de']) {
      const { html } = await c.get('/organisations/networked', { 'accept-language': lang });
      expect(html).toContain('>LinkedIn</a>');
      expect(html).toContain('>YouTube</a>');
      expect(html).not.toMatch(/>Linkedin<|>Youtube</);
    }
  });
});
