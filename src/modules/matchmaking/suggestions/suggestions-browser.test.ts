import { beforeEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInPage, useBrowserServer } from '../../../../test/helpers/browser.ts';
import { ENGINES } from '../../../../test/helpers/db.ts';
import { matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';

describe.each(ENGINES)('who to meet in a browser on %s', (engine) => {
  const env = useBrowserServer(engine);
  const skip = env.skip;
  beforeEach(async () => {
    if (!skip) await env.srv.reset();
  });

  it.skipIf(skip)(
    'shows each suggestion with its reasons and a request form reached by keyboard',
    async () => {
      const s = env.srv.services;
      const { event } = await matchmakingEvent(s);
      const me = await participant(s, event.id, {
        country: 'HR',
        offers: [{ kind: 'technology', title: 'Precision farming sensors' }],
        needs: [{ kind: 'investment', title: 'Seed capital for agritech' }],
      });
      const them = await participant(s, event.id, {
        country: 'DE',
        offers: [{ kind: 'investment', title: 'Agritech seed capital fund' }],
        needs: [{ kind: 'technology', title: 'Sensors for precision farming pilots' }],
      });
      const context = await env.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await signInPage(page, env.srv.url, me.email);
      await page.goto(`${env.srv.url}/events/${event.slug}/matchmaking/suggestions`);
      expect(await page.getByRole('heading', { name: 'Who to meet', level: 1 }).count()).toBe(1);
      expect(await page.getByRole('link', { name: them.name }).count()).toBe(1);
      expect(
        await page
          .getByText('Their offer “Agritech seed capital fund” meets your need “Seed capital for agritech”.')
          .count(),
      ).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The message field is found by its label, and the button follows it in the tab order.
      const message = page.getByRole('textbox', { name: 'Message (optional)' });
      await message.focus();
      await message.fill('Shall we talk about your fund?');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
        'Request a meeting',
      );
      expect(
        await page.locator('form[action$="/matchmaking/requests"] input[name=to]').getAttribute('value'),
      ).toBe(them.id);
      await context.close();
    },
  );
});
