import { ITEM_KINDS, ITEM_SIDES, type MatchmakingItem } from '../../platform/db/schema-matchmaking.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { label, MatchmakingNav, mmPath, slotText } from './page-parts.tsx';
import type { profileView } from './participant-usecases.ts';
import { WithdrawSection } from './roster-pages.tsx';

type View = Awaited<ReturnType<typeof profileView>>;
type Values = Record<string, string | string[]>;
const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** Which form the problems and echoed values belong to. */
export type ProfileForm = 'join' | 'profile' | 'new-item' | 'blocked' | { item: string };

function FormatField({
  ctx,
  view,
  problems,
  value,
}: {
  ctx: RequestContext;
  view: View;
  problems: Problems;
  value: string;
}) {
  if (view.event.format !== 'hybrid') return null;
  return (
    <SelectField
      ctx={ctx}
      name="meeting_format"
      label={ctx.t('mm.core.field.meeting_format')}
      problems={problems}
      value={value || 'any'}
      options={['any', 'onsite', 'online'].map((f) => ({ value: f, label: label(ctx, `mm.format.${f}`) }))}
    />
  );
}

function ItemFields({ ctx, problems, values }: { ctx: RequestContext; problems: Problems; values: Values }) {
  const { t } = ctx;
  return (
    <>
      <SelectField
        ctx={ctx}
        name="side"
        label={t('mm.core.field.side')}
        problems={problems}
        value={str(values.side)}
        options={ITEM_SIDES.map((v) => ({ value: v, label: label(ctx, `mm.side.${v}`) }))}
      />
      <SelectField
        ctx={ctx}
        name="kind"
        label={t('mm.core.field.kind')}
        problems={problems}
        value={str(values.kind)}
        options={ITEM_KINDS.map((v) => ({ value: v, label: label(ctx, `mm.kind.${v}`) }))}
      />
      <TextField
        ctx={ctx}
        name="title"
        label={t('mm.core.field.title')}
        problems={problems}
        value={str(values.title)}
        required
        maxLength={200}
      />
      <TextField
        ctx={ctx}
        name="description"
        label={t('mm.core.field.description')}
        problems={problems}
        value={str(values.description)}
        multiline
        rows={3}
        maxLength={2000}
      />
    </>
  );
}

const itemValues = (i: MatchmakingItem): Values => ({
  side: i.side,
  kind: i.kind,
  title: i.title,
  description: i.description,
});

/** The join form, or one's profile: headline and format, offers and needs, the slots one is not available. */
export function ProfilePage({
  ctx,
  view,
  form,
  problems = [],
  values = {},
  notice,
}: {
  ctx: RequestContext;
  view: View;
  form?: ProfileForm;
  problems?: Problems;
  values?: Values;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const { event, participant } = view;
  const same = (f: ProfileForm) => JSON.stringify(f) === JSON.stringify(form);
  const pr = (f: ProfileForm) => (same(f) ? problems : []);
  const vals = (f: ProfileForm, fallback: Values) => (same(f) ? values : fallback);
  return (
    <Layout ctx={ctx} title={t('mm.core.profile.title')} notice={notice}>
      <h1>{t('mm.core.profile.title')}</h1>
      <p>{event.title}</p>
      <MatchmakingNav ctx={ctx} event={event} manage={view.manage} />
      <ErrorSummary
        ctx={ctx}
        problems={problems}
        labels={{
          blocked: t('mm.core.profile.availability'),
          organisation_id: t('mm.core.field.organisation'),
          organisation_name: t('mm.core.field.organisation'),
          headline: t('mm.core.field.headline'),
          meeting_format: t('mm.core.field.meeting_format'),
          side: t('mm.core.field.side'),
          kind: t('mm.core.field.kind'),
          title: t('mm.core.field.title'),
          description: t('mm.core.field.description'),
        }}
      />
      {!participant && view.withdrawn && view.mayJoin ? <p>{t('mm.roster.withdrawn_rejoin')}</p> : null}
      {!participant ? (
        view.mayJoin ? (
          <section aria-labelledby="mm-join">
            <h2 id="mm-join">{t('mm.core.join.title')}</h2>
            <form method="post" action={mmPath(event, 'profile/join')} class="narrow">
              <Csrf ctx={ctx} />
              {view.organisations.length ? (
                <SelectField
                  ctx={ctx}
                  name="organisation_id"
                  label={t('mm.core.field.organisation')}
                  problems={pr('join')}
                  value={str(vals('join', {}).organisation_id)}
                  options={view.organisations.map((o) => ({ value: o.id, label: o.name }))}
                />
              ) : (
                <TextField
                  ctx={ctx}
                  name="organisation_name"
                  label={t('mm.core.field.organisation')}
                  problems={pr('join')}
                  value={str(
                    vals('join', { organisation_name: view.registration?.organisation_name ?? '' })
                      .organisation_name,
                  )}
                  required
                  maxLength={200}
                />
              )}
              <TextField
                ctx={ctx}
                name="headline"
                label={t('mm.core.field.headline')}
                hint={t('mm.core.field.headline_hint')}
                problems={pr('join')}
                value={str(vals('join', {}).headline)}
                maxLength={300}
              />
              <FormatField
                ctx={ctx}
                view={view}
                problems={pr('join')}
                value={str(vals('join', {}).meeting_format)}
              />
              <button type="submit">{t('mm.core.join.button')}</button>
            </form>
          </section>
        ) : (
          <p>{t(view.registration ? 'mm.core.join.closed' : 'mm.core.join.need_registration')}</p>
        )
      ) : (
        <>
          <section aria-labelledby="mm-profile">
            <h2 id="mm-profile">
              {participant.name} · {participant.organisation_name}
            </h2>
            <form method="post" action={mmPath(event, 'profile')} class="narrow">
              <Csrf ctx={ctx} />
              <TextField
                ctx={ctx}
                name="headline"
                label={t('mm.core.field.headline')}
                hint={t('mm.core.field.headline_hint')}
                problems={pr('profile')}
                value={str(vals('profile', { headline: participant.headline }).headline)}
                maxLength={300}
              />
              <FormatField
                ctx={ctx}
                view={view}
                problems={pr('profile')}
                value={str(vals('profile', { meeting_format: participant.meeting_format }).meeting_format)}
              />
              <button type="submit">{t('mm.core.profile.save')}</button>
            </form>
          </section>
          <section aria-labelledby="mm-items">
            <h2 id="mm-items">{t('mm.core.profile.items')}</h2>
            {view.items.length === 0 ? <p>{t('mm.core.no_items')}</p> : null}
            {view.items.map((i) => (
              <article class="mm-item" aria-label={i.title}>
                <form method="post" action={mmPath(event, `profile/items/${i.id}`)} class="narrow">
                  <Csrf ctx={ctx} />
                  <ItemFields
                    ctx={ctx}
                    problems={pr({ item: i.id })}
                    values={vals({ item: i.id }, itemValues(i))}
                  />
                  <button type="submit">{t('mm.core.profile.save_item')}</button>
                </form>
                <form method="post" action={mmPath(event, `profile/items/${i.id}/delete`)}>
                  <Csrf ctx={ctx} />
                  <button type="submit" class="secondary">
                    {t('mm.core.profile.remove_item', { title: i.title })}
                  </button>
                </form>
              </article>
            ))}
            <h3>{t('mm.core.profile.add_item')}</h3>
            <form method="post" action={mmPath(event, 'profile/items')} class="narrow">
              <Csrf ctx={ctx} />
              <ItemFields ctx={ctx} problems={pr('new-item')} values={vals('new-item', {})} />
              <button type="submit">{t('mm.core.profile.add_item')}</button>
            </form>
          </section>
          <section aria-labelledby="mm-availability">
            <h2 id="mm-availability">{t('mm.core.profile.availability')}</h2>
            {view.slots.length === 0 ? (
              <p>{t('mm.core.profile.no_slots')}</p>
            ) : (
              <form method="post" action={mmPath(event, 'profile/availability')}>
                <Csrf ctx={ctx} />
                <fieldset id="f-blocked">
                  <legend>{t('mm.core.profile.blocked_legend')}</legend>
                  {view.slots.map((sl, n) => {
                    const use = view.uses.find((u) => u.slot_id === sl.id);
                    const text = slotText(lang, sl, event.time_zone);
                    if (use?.meeting_id) return <p>{t('mm.core.profile.slot_meeting', { slot: text })}</p>;
                    return (
                      <div>
                        <label for={`f-blocked-${n}`}>
                          <input
                            type="checkbox"
                            id={`f-blocked-${n}`}
                            name="blocked"
                            value={sl.id}
                            checked={!!use}
                          />{' '}
                          {text}
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
                <button type="submit">{t('mm.core.profile.save_availability')}</button>
              </form>
            )}
          </section>
          <WithdrawSection ctx={ctx} event={event} />
        </>
      )}
    </Layout>
  );
}
