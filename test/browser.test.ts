import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInPage, useBrowserServer } from './helpers/browser.ts';
import { ENGINES } from './helpers/db.ts';
import { makeUser, orgForm, PASSWORD, signedIn } from './helpers/fixtures.ts';
import { linkIn } from './helpers/smtp.ts';

describe.each(ENGINES)('browser journeys on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  const signIn = (page: Page, email: string) => signInPage(page, env.srv.url, email);

  /** Sign-up → e-mail → profile → review → published, in one language; returns the profile path. */
  async function journey(
    lang: 'en' | 'fr',
    texts: { checkEmail: RegExp; mailSubject: RegExp; published: RegExp },
  ) {
    const editorEmail = `editor-${lang}@example.org`;
    await makeUser(env.srv.services, editorEmail, 'editor');
    const email = `newcomer-${lang}@example.org`;
    const context = await env.browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
    const page = await context.newPage();
    await page.goto(env.srv.url);
    if (lang === 'fr') {
      await page.getByRole('link', { name: 'Français' }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    }
    await page.locator('header a.button').click();
    await page.locator('#f-name').fill('Nora Newcomer');
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill(PASSWORD);
    await page.locator('form[action="/sign-up"] button[type=submit]').click();
    expect(await page.locator('h1').textContent()).toMatch(texts.checkEmail);

    const mail = await env.srv.inbox.waitFor(email, texts.mailSubject);
    await page.goto(linkIn(mail.text, '/verify-email?token='));
    await signIn(page, email);
    await page.goto(`${env.srv.url}/organisations/new`);
    await page.locator('#f-name').fill(`Cluster Lumière ${lang}`);
    await page.locator('#f-country').selectOption('FR');
    await page.locator('#f-region').fill('FRK2');
    await page.locator('#f-city').fill('Lyon');
    await page.locator('#f-website').fill('https://lumiere.example');
    await page.locator('#f-description').fill('A **photonics** cluster.');
    await page.locator('#f-members_sme').fill('40');
    await page.locator('#f-members_research').fill('8');
    await page.locator('#f-management_fte').fill('2');
    await page.locator('input[name=ecosystems]').first().check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('form.org-form button[type=submit]').click();
    await page.waitForLoadState();
    const profilePath = new URL(page.url()).pathname;
    expect(profilePath).toBe(`/organisations/cluster-lumiere-${lang}`);
    await page.locator(`form[action="${profilePath}/submit"] button`).click();
    await page.waitForLoadState();
    expect(await page.locator('.badge.status-needs_review').count()).toBe(1);

    const editorContext = await env.browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
    const editor = await editorContext.newPage();
    await signIn(editor, editorEmail);
    await editor.goto(`${env.srv.url}/editor/queue`);
    await editor.getByRole('link', { name: `Cluster Lumière ${lang}` }).click();
    await editor.locator('form[action$="/publish"] button').click();
    await editor.waitForLoadState();
    expect(await editor.locator('main').textContent()).toMatch(texts.published);

    const visitorContext = await env.browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${env.srv.url}/organisations`);
    await visitor.getByRole('link', { name: `Cluster Lumière ${lang}` }).click();
    await visitor.waitForLoadState();
    expect(await visitor.locator('h1').textContent()).toContain(`Cluster Lumière ${lang}`);
    expect(await visitor.locator('.description strong').textContent()).toBe('photonics');
    await Promise.all([context.close(), editorContext.close(), visitorContext.close()]);
    return profilePath;
  }

  it.skipIf(skip)(
    'a newcomer signs up, confirms by e-mail, creates a profile; an editor publishes it; a visitor sees it',
    async () => {
      await journey('en', {
        checkEmail: /Check your e-mail/,
        mailSubject: /Confirm your e-mail/,
        published: /profile is published/,
      });
    },
  );

  it.skipIf(skip)('the same journey in French', async () => {
    await journey('fr', { checkEmail: /e-mail/i, mailSubject: /.+/, published: /publié/i });
    const context = await env.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${env.srv.url}/sign-up`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('Créer un compte');
    await context.close();
  });

  it.skipIf(skip)(
    "a member's rename of a published profile waits for review while visitors see the old name; the editor publishes it",
    async () => {
      await makeUser(env.srv.services, 'member@example.org');
      await makeUser(env.srv.services, 'editor@example.org', 'editor');
      const member = await signedIn(env.srv.url, 'member@example.org');
      await member.post('/organisations', orgForm({ name: 'Photonics Valley' }));
      await member.post('/organisations/photonics-valley/submit', {});
      const editorHttp = await signedIn(env.srv.url, 'editor@example.org');
      await editorHttp.post('/editor/organisations/photonics-valley/publish', {});
      const profile = `${env.srv.url}/organisations/photonics-valley`;

      const memberContext = await env.browser.newContext();
      const page = await memberContext.newPage();
      await signIn(page, 'member@example.org');
      await page.goto(`${profile}/edit`);
      await page.locator('#f-name').fill('Photonics Valley – Best Cluster in Europe');
      await page.locator('form.org-form button[type=submit]').click();
      await page.waitForLoadState();
      expect(await page.locator('.notice').textContent()).toContain('wait for an editor’s review');
      expect(await page.locator('.pending-revision').textContent()).toContain('Name');

      const visitorContext = await env.browser.newContext();
      const visitor = await visitorContext.newPage();
      await visitor.goto(profile);
      expect(await visitor.locator('h1').textContent()).toBe('Photonics Valley (AVT)');

      const editorContext = await env.browser.newContext();
      const editor = await editorContext.newPage();
      await signIn(editor, 'editor@example.org');
      await editor.goto(`${env.srv.url}/editor/queue`);
      await editor.getByRole('link', { name: 'Photonics Valley' }).click();
      await editor.waitForLoadState();
      const nameRow = editor.locator('table.diff tr', { has: editor.locator('th', { hasText: 'Name' }) });
      expect(await nameRow.locator('del').textContent()).toBe('Photonics Valley');
      expect(await nameRow.locator('ins').textContent()).toBe('Photonics Valley – Best Cluster in Europe');
      expect(await seriousA11yViolations(editor)).toEqual([]);
      await editor.getByRole('button', { name: 'Publish the changes' }).click();
      await editor.waitForLoadState();
      expect(await editor.locator('.notice').textContent()).toContain('The changes are published.');
      await editor.goto(`${env.srv.url}/editor/changes`);
      expect(await seriousA11yViolations(editor)).toEqual([]);

      await visitor.reload();
      expect(await visitor.locator('h1').textContent()).toBe(
        'Photonics Valley – Best Cluster in Europe (AVT)',
      );
      await Promise.all([memberContext.close(), visitorContext.close(), editorContext.close()]);
    },
  );

  it.skipIf(skip)(
    'home, list, profile and edit pages have no serious or critical accessibility violations',
    async () => {
      await makeUser(env.srv.services, 'a11y@example.org');
      const page = await (await env.browser.newContext()).newPage();
      await signIn(page, 'a11y@example.org');
      await page.goto(`${env.srv.url}/organisations/new`);
      await page.locator('#f-name').fill('Accessible Cluster');
      await page.locator('#f-country').selectOption('BE');
      await page.locator('form.org-form button[type=submit]').click();
      await page.waitForLoadState();
      await env.srv.services.db.updateTable('organisations').set({ status: 'published' }).execute();
      for (const path of [
        '/',
        '/organisations',
        '/organisations/accessible-cluster',
        '/organisations/accessible-cluster/edit',
        '/sign-up',
      ]) {
        await page.goto(`${env.srv.url}${path}`);
        expect(await seriousA11yViolations(page), path).toEqual([]);
      }
      // A form error is announced and linked to its field.
      await page.goto(`${env.srv.url}/organisations/accessible-cluster/edit`);
      await page.locator('#f-website').fill('not a url');
      await page.locator('form.org-form button[type=submit]').click();
      await page.waitForLoadState();
      expect(await page.locator('.error-summary a[href="#f-website"]').count()).toBe(1);
      expect(await page.locator('#f-website').getAttribute('aria-invalid')).toBe('true');
      expect(await seriousA11yViolations(page)).toEqual([]);
    },
  );
});
