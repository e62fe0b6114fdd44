import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, useBrowserServer } from '../../../test/helpers/browser.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { makeUser, PASSWORD } from '../../../test/helpers/fixtures.ts';
import { createOrganisation } from '../organisations/usecases.ts';
import { inviteMember } from './usecases.ts';

describe.each(ENGINES)('team invitations in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  /** A draft organisation of manager@example.org and an invitation link to `email`. */
  async function invitation(email: string, role: 'admin' | 'member' = 'member') {
    const u = await makeUser(env.srv.services, 'manager@example.org');
    const manager = { id: u.id, email: u.email, name: 'Marie Manager', role: u.role, emailVerified: true };
    const org = await createOrganisation(env.srv.services, manager, {
      name: 'Photonics Valley',
      type: 'cluster_organisation',
      country: 'FR',
      description: '',
    });
    const { token } = await inviteMember(env.srv.services, manager, org.id, { email, role });
    return { url: `${env.srv.url}/invitations/accept?token=${token}`, slug: org.slug };
  }

  async function signInHere(page: Page, email: string) {
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill(PASSWORD);
    await page.locator('form[action="/sign-in"] button[type=submit]').click();
    await page.waitForLoadState();
  }

  it.skipIf(skip)(
    'an invitation opened by another account is refused; switching to the invited account accepts it',
    async () => {
      const { url, slug } = await invitation('colleague@example.org');
      await makeUser(env.srv.services, 'colleague@example.org');
      await makeUser(env.srv.services, 'stranger@example.org');
      const context = await env.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${env.srv.url}/sign-in`);
      await signInHere(page, 'stranger@example.org');

      const refused = await page.goto(url);
      expect(refused?.status()).toBe(403);
      const warning = page.getByRole('alert');
      expect(await warning.textContent()).toContain(
        'This invitation was sent to c•••@example.org, but you are signed in as stranger@example.org',
      );
      expect(await page.getByRole('button', { name: 'Accept the invitation' }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Sign out, then sign in with the invited address' }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await signInHere(page, 'colleague@example.org');
      // Back on the invitation, as the invited account.
      expect(page.url()).toBe(url);
      expect(await page.locator('h1').textContent()).toBe('Invitation to the team of Photonics Valley');
      await page.getByRole('button', { name: 'Accept the invitation' }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe(`/organisations/${slug}`);
      expect(await page.locator('main').textContent()).toContain('You have joined the team.');
      await context.close();
    },
  );

  it.skipIf(skip)(
    'someone without an account signs up from the invitation and lands back on it, signed in',
    async () => {
      const { url, slug } = await invitation('newcomer@example.org', 'admin');
      const context = await env.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(url);
      expect(await page.locator('main').textContent()).toContain('This invitation is for n•••@example.org');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toBe('Create an account to join Photonics Valley');
      await page.locator('#f-name').fill('Nora Newcomer');
      await page.locator('#f-email').fill('newcomer@example.org');
      await page.locator('#f-password').fill(PASSWORD);
      await page.locator('form[action="/invitations/sign-up"] button[type=submit]').click();
      await page.waitForLoadState();

      expect(new URL(page.url()).pathname).toBe('/invitations/accept');
      expect(await page.locator('main').textContent()).toContain(
        'Your account is created and your address confirmed',
      );
      expect(await page.locator('header .account a').first().textContent()).toBe('Nora Newcomer');
      await page.getByRole('button', { name: 'Accept the invitation' }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe(`/organisations/${slug}`);
      expect(await page.locator('main').textContent()).toContain('You have joined the team as a team admin.');
      await page.goto(`${env.srv.url}/organisations/${slug}/team`);
      expect(await page.locator('main table').first().textContent()).toContain('newcomer@example.org');
      await context.close();
    },
  );

  it.skipIf(skip)('removing a member asks first; the last admin is not offered', async () => {
    const { url, slug } = await invitation('colleague@example.org');
    await makeUser(env.srv.services, 'colleague@example.org');
    const colleague = await (await env.browser.newContext()).newPage();
    await colleague.goto(
      `${env.srv.url}/sign-in?next=${encodeURIComponent(new URL(url).pathname + new URL(url).search)}`,
    );
    await signInHere(colleague, 'colleague@example.org');
    await colleague.getByRole('button', { name: 'Accept the invitation' }).click();
    await colleague.waitForLoadState();

    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${env.srv.url}/sign-in`);
    await signInHere(page, 'manager@example.org');
    await page.goto(`${env.srv.url}/organisations/${slug}/team`);
    expect(await page.getByRole('link', { name: 'Leave the team' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Only team admin');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Remove colleague from the team' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe(
      'Remove colleague from the team of Photonics Valley?',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Remove colleague' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('The member has been removed from the team.');
    expect(await page.locator('main table').first().textContent()).not.toContain('colleague@example.org');
    await context.close();
  });
});
