import { describe, expect, it } from 'vitest';
import { ensureAdmin } from '../src/modules/accounts/usecases.ts';
import { seriousA11yViolations, useBrowserServer } from './helpers/browser.ts';
import { ENGINES } from './helpers/db.ts';

describe.each(ENGINES)('first administrator in the browser on %s', (engine) => {
  const env = useBrowserServer(engine);

  it.skipIf(env.skip)('the administrator sets a first password from the printed link', async () => {
    // The link that `clusterhub start` prints comes from ensureAdmin, as here.
    const printed = await ensureAdmin(env.srv.services);
    expect(printed?.email).toBe('admin@localhost');
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(printed!.link);
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.locator('#f-current_password').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('#f-password').fill('the operator passphrase');
    await page.locator('form[action="/account/password"] button[type=submit]').click();
    await page.waitForLoadState();
    expect(await page.locator('[role=status], .notice').first().textContent()).toMatch(/password/i);
    // Now the account has a password, changing it asks for the current one.
    expect(await page.locator('#f-current_password').count()).toBe(1);

    await page.locator('form[action="/sign-out"] button').click();
    await page.waitForLoadState();
    await page.goto(`${env.srv.url}/sign-in?next=/admin`);
    await page.locator('#f-email').fill('admin@localhost');
    await page.locator('#f-password').fill('the operator passphrase');
    await page.locator('form[action="/sign-in"] button[type=submit]').click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.locator('h1').textContent()).toMatch(/admin/i);

    // The same link does not work twice.
    const again = await context.newPage();
    const res = await again.goto(printed!.link);
    expect(res?.status()).toBe(410);
    await context.close();
  });
});
