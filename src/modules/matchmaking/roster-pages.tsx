import type { Event } from '../../platform/db/schema-events.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { MatchmakingNav, mmPath } from './page-parts.tsx';
import type { addParticipantView } from './roster-usecases.ts';

/** The roster's pages: organisers add a registered person; a participant withdraws (on the profile). */

type AddView = Awaited<ReturnType<typeof addParticipantView>>;

export function AddParticipantPage({
  ctx,
  view,
  problems = [],
  values = {},
  notice,
}: {
  ctx: RequestContext;
  view: AddView;
  problems?: Problems;
  values?: Record<string, string>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const { event } = view;
  return (
    <Layout ctx={ctx} title={t('mm.roster.add_title')} notice={notice}>
      <h1>{t('mm.roster.add_title')}</h1>
      <p>{event.title}</p>
      <MatchmakingNav ctx={ctx} event={event} manage={view.manage} />
      <ErrorSummary ctx={ctx} problems={problems} labels={{ person: t('mm.roster.person') }} />
      <p>{t('mm.roster.add_help')}</p>
      {view.choices.length ? (
        <form method="post" action={mmPath(event, 'setup/participants')} class="narrow">
          <Csrf ctx={ctx} />
          <SelectField
            ctx={ctx}
            name="person"
            label={t('mm.roster.person')}
            hint={t('mm.roster.person_hint')}
            problems={problems}
            value={values.person ?? ''}
            emptyLabel={t('mm.roster.choose')}
            required
            options={view.choices}
          />
          <button type="submit">{t('mm.roster.add')}</button>
        </form>
      ) : (
        <p>{t('mm.roster.nobody')}</p>
      )}
    </Layout>
  );
}

/** On one's profile: withdrawing, with what it does. */
export function WithdrawSection({ ctx, event }: { ctx: RequestContext; event: Event }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="mm-withdraw">
      <h2 id="mm-withdraw">{t('mm.roster.withdraw_title')}</h2>
      <p>{t('mm.roster.withdraw_help')}</p>
      <form method="post" action={mmPath(event, 'profile/withdraw')}>
        <Csrf ctx={ctx} />
        <button type="submit" class="secondary">
          {t('mm.roster.withdraw')}
        </button>
      </form>
    </section>
  );
}
