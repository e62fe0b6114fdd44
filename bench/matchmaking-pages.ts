/**
 * The pages of a published matchmaking schedule, timed over HTTP in this process (bench/
 * matchmaking-schedule.ts calls it after publishing): the organiser's dashboard, the review page
 * (its first page, and filtered by a participant), one participant's agenda page and its .ics file.
 * Each is requested five times after one warm-up request; the median and the size are reported.
 */
import { createApiToken } from '../src/modules/accounts/usecases.ts';
import type { Services } from '../src/platform/services.ts';
import { buildServer } from '../src/server.ts';
import { median } from './lib.ts';

const ROUNDS = 5;

export async function timePages(
  s: Services,
  opts: { slug: string; organiserId: string; participantUserId: string; filter: string },
) {
  const app = await buildServer(s);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const organiser = (await createApiToken(s, opts.organiserId, 'bench')).token;
    const participant = (await createApiToken(s, opts.participantUserId, 'bench')).token;
    const base = `/events/${opts.slug}/matchmaking`;
    const pages: [string, string, string][] = [
      ['dashboard', `${base}/dashboard`, organiser],
      ['review', `${base}/schedule`, organiser],
      ['reviewFiltered', `${base}/schedule?q=${encodeURIComponent(opts.filter)}`, organiser],
      ['agenda', `${base}/agenda`, participant],
      ['agendaIcs', `${base}/agenda.ics`, participant],
    ];
    const out: Record<string, { medianMs: number; kb: number }> = {};
    for (const [name, path, token] of pages) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= ROUNDS; i++) {
        const t0 = performance.now();
        const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
        if (i > 0) times.push(performance.now() - t0); // the first request warms up
        bytes = body.byteLength;
      }
      out[name] = { medianMs: Math.round(median(times)), kb: Math.round(bytes / 1024) };
    }
    return out;
  } finally {
    await app.close();
  }
}
