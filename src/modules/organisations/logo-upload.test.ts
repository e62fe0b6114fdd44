import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeUser, orgForm, signedIn } from '../../../test/helpers/fixtures.ts';
import { type HttpClient, useTestServer } from '../../../test/helpers/server.ts';

describe.each(ENGINES)('logo upload form on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function manager() {
    await makeUser(srv.services, 'manager@example.org');
    const c = await signedIn(srv.url, 'manager@example.org');
    const r = await c.post('/organisations', orgForm());
    expect(r.status).toBe(303);
    return { c, slug: r.location!.split('?')[0]!.replace('/organisations/', '') };
  }

  /** Posts the form as a browser does: the hidden token first, then the file (or an empty file part). */
  async function upload(
    c: HttpClient,
    slug: string,
    file: { bytes: Uint8Array; name: string; type: string } | 'none' | 'absent',
    opts: { csrf?: string | null; query?: string } = {},
  ) {
    const form = new FormData();
    const token = opts.csrf === undefined ? await c.csrf() : opts.csrf;
    if (token !== null) form.append('_csrf', token);
    if (file === 'none') form.append('logo', new Blob([], { type: 'application/octet-stream' }), '');
    else if (file !== 'absent')
      form.append('logo', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const res = await c.request(`/organisations/${slug}/logo${opts.query ?? ''}`, {
      method: 'POST',
      body: form,
    });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  const logos = () => srv.services.db.selectFrom('organisation_logos').select(['width', 'height']).execute();
  const logoError = (html: string) =>
    html.match(/<p class="error" id="f-logo-error">([^<]*)<\/p>/)?.[1] ?? null;

  it.skipIf(skip)('carries the CSRF token in the body, before the file, never in the URL', async () => {
    const { c, slug } = await manager();
    const page = await c.get(`/organisations/${slug}`);
    const form = page.html.match(/<form[^>]*class="logo-form"[\s\S]*?<\/form>/)?.[0] ?? '';
    expect(form).toContain('enctype="multipart/form-data"');
    expect(form).toMatch(/action="\/organisations\/[^"?]+\/logo"/);
    expect(page.html).not.toContain('_csrf=');
    expect(form.indexOf('name="_csrf"')).toBeGreaterThan(-1);
    expect(form.indexOf('name="_csrf"')).toBeLessThan(form.indexOf('name="logo"'));

    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#0b4f8a' } })
      .png()
      .toBuffer();
    const ok = await upload(c, slug, { bytes: png, name: 'logo.png', type: 'image/png' });
    expect(ok.status).toBe(303);
    expect(await logos()).toEqual([{ width: 64, height: 64 }]);
  });

  it.skipIf(skip)(
    'refuses a post without the token, with a wrong one or with it only in the URL',
    async () => {
      const { c, slug } = await manager();
      const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      const file = { bytes: png, name: 'logo.png', type: 'image/png' };
      expect((await upload(c, slug, file, { csrf: null })).status).toBe(403);
      expect((await upload(c, slug, file, { csrf: 'A'.repeat(43) })).status).toBe(403);
      const token = await c.csrf();
      expect(
        (await upload(c, slug, file, { csrf: null, query: `?_csrf=${encodeURIComponent(token)}` })).status,
      ).toBe(403);
      expect((await upload(c, slug, 'absent', { csrf: null })).status).toBe(403);
      expect(await logos()).toEqual([]);
      const audit = await srv.services.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'organisation.logo')
        .execute();
      expect(audit).toEqual([]);
    },
  );

  it.skipIf(skip)('re-renders the profile with the message beside the logo field', async () => {
    const { c, slug } = await manager();
    const notImage = await upload(c, slug, {
      bytes: new TextEncoder().encode('<svg onload="alert(1)"></svg>'),
      name: 'logo.png',
      type: 'image/png',
    });
    expect(notImage.status).toBe(422);
    expect(notImage.html).toContain('class="logo-form"');
    expect(logoError(notImage.html)).toBe('The logo must be a PNG, JPEG, WebP or GIF image.');
    expect(notImage.html).toMatch(/id="f-logo"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-logo"/);
    expect(notImage.html).not.toContain('Back to the home page');

    const none = await upload(c, slug, 'none');
    expect(none.status).toBe(422);
    expect(logoError(none.html)).toBe('This field is required.');

    const absent = await upload(c, slug, 'absent');
    expect(absent.status).toBe(422);
    expect(logoError(absent.html)).toBe('This field is required.');

    const big = await upload(c, slug, {
      bytes: new Uint8Array(3 * 1024 * 1024).fill(1),
      name: 'big.png',
      type: 'image/png',
    });
    expect(big.status).toBe(422);
    expect(logoError(big.html)).toBe('The logo must be at most 2 MB.');
    expect(await logos()).toEqual([]);

    // In the reader's language.
    await c.get('/lang/fr');
    const fr = await upload(c, slug, 'none');
    expect(fr.status).toBe(422);
    expect(logoError(fr.html)).toBe('Ce champ est obligatoire.');
  });
});
