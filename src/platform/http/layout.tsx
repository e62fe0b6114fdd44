import type { ComponentChildren } from 'preact';
import { isMessageKey, LANGS, type MessageKey } from '../i18n/index.ts';
import type { RequestContext } from './context.ts';

const LANG_NAMES = { en: 'English', fr: 'Français', de: 'Deutsch' } as const;

export interface LayoutProps {
  ctx: RequestContext;
  title: string;
  children: ComponentChildren;
  /** Structured data for search engines (schema.org), rendered as JSON-LD. */
  jsonLd?: unknown;
  notice?: string | undefined;
  /** Reload the page every so many seconds (a progress page); a meta refresh needs no script. */
  refreshSeconds?: number | undefined;
}

/** Notices travel through redirects as `?notice=key`; only catalogue keys are shown. */
export function noticeFrom(query: unknown): MessageKey | undefined {
  const n = (query as Record<string, unknown> | undefined)?.notice;
  return typeof n === 'string' && n.startsWith('notice.') && isMessageKey(n) ? n : undefined;
}

export function Layout({ ctx, title, children, jsonLd, notice, refreshSeconds }: LayoutProps) {
  const { t, actor } = ctx;
  const here = encodeURIComponent(ctx.path);
  const noticeKey = notice && isMessageKey(notice) ? notice : undefined;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
        <title>{`${title} · Clusterhub`}</title>
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        {jsonLd ? (
          <script
            type="application/ld+json"
            // JSON-LD is data, not script; '<' is escaped so user text cannot close the element.
            dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
          />
        ) : null}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Clusterhub
          </a>
          <nav aria-label={t('layout.nav')}>
            <ul>
              <li>
                <a href="/organisations">{t('nav.organisations')}</a>
              </li>
              <li>
                <a href="/events">{t('nav.events')}</a>
              </li>
              <li>
                <a href="/opportunities">{t('nav.opportunities')}</a>
              </li>
              <li>
                <a href="/partnerships">{t('nav.partnerships')}</a>
              </li>
              <li>
                <a href="/map">{t('nav.map')}</a>
              </li>
              <li>
                <a href="/statistics">{t('nav.statistics')}</a>
              </li>
              <li>
                <a href="/api/docs">{t('nav.api')}</a>
              </li>
              {actor ? (
                <li>
                  <a href="/my/organisations">{t('nav.my_organisations')}</a>
                </li>
              ) : null}
              {actor ? (
                <li>
                  <a href="/my/events">{t('myevents.title')}</a>
                </li>
              ) : null}
              {actor && (actor.role === 'editor' || actor.role === 'admin') ? (
                <li>
                  <a href="/editor/queue">{t('nav.review_queue')}</a>
                </li>
              ) : null}
              {actor?.role === 'admin' ? (
                <li>
                  <a href="/admin">{t('nav.admin')}</a>
                </li>
              ) : null}
            </ul>
          </nav>
          <div class="account">
            {actor ? (
              <>
                <a href="/account">{actor.name || actor.email}</a>
                <form method="post" action="/sign-out" class="inline">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button type="submit" class="link">
                    {t('nav.sign_out')}
                  </button>
                </form>
              </>
            ) : (
              <>
                <a href={`/sign-in?next=${here}`}>{t('nav.sign_in')}</a>
                <a href="/sign-up" class="button small">
                  {t('nav.sign_up')}
                </a>
              </>
            )}
          </div>
          <nav class="langs" aria-label={t('layout.language')}>
            <ul>
              {LANGS.map((l) => (
                <li>
                  <a
                    href={`/lang/${l}?next=${here}`}
                    lang={l}
                    hreflang={l}
                    aria-current={l === ctx.lang ? 'true' : undefined}
                  >
                    {LANG_NAMES[l]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {noticeKey ? (
            <p class="notice" role="status">
              {t(noticeKey)}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footer')}</p>
          <p>
            <a href="/api/docs">{t('nav.api')}</a> · <a href="/api/openapi.json">OpenAPI</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
