import type { JSX } from 'preact';
import type { Organisation } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, type Problems, problemText } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, formatNumber } from '../../platform/i18n/index.ts';
import {
  countryName,
  ECOSYSTEMS,
  EMERGING_INDUSTRIES,
  KETS,
  NACE_DIVISIONS,
  NACE_SECTIONS,
  termLabel,
} from '../../platform/taxonomy/index.ts';
import { isOutdated, totalMembers } from './eligibility.ts';
import type { Membership } from './policy.ts';
import { fieldList } from './revision-pages.tsx';
import { SOCIAL_NETWORK_NAMES } from './schemas.ts';
import type { SimilarOrganisation } from './search-repository.ts';

export function StatusBadge({ ctx, status }: { ctx: RequestContext; status: Organisation['status'] }) {
  return <span class={`badge status-${status}`}>{ctx.t(`status.${status}`)}</span>;
}

function LabelBadge({ ctx, label }: { ctx: RequestContext; label: Organisation['label'] }) {
  if (label === 'none') return null;
  return <span class={`badge label-${label}`}>{ctx.t(`label.${label}`)}</span>;
}

function Terms({ title, codes, label }: { title: string; codes: string[]; label: (c: string) => string }) {
  if (!codes.length) return null;
  return (
    <>
      <dt>{title}</dt>
      <dd>
        <ul class="tags">
          {codes.map((c) => (
            <li class="tag">{label(c)}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}

export function OrganisationPage({
  ctx,
  org,
  hasLogo,
  membership,
  canEdit,
  canSubmit,
  canModerate,
  canManageTeam,
  logoProblems = [],
  showManage = true,
  pendingFields = [],
  returnedRevision,
}: {
  ctx: RequestContext;
  org: Organisation;
  hasLogo: boolean;
  /** Why the last logo upload was refused, shown beside the field. */
  logoProblems?: Problems;
  membership: Membership;
  canEdit: boolean;
  canSubmit: boolean;
  canModerate: boolean;
  canManageTeam: boolean;
  /** False where the page around the profile shows its status and actions itself (the review page). */
  showManage?: boolean;
  /** Fields whose changes wait for an editor (shown to the team and to editors). */
  pendingFields?: string[];
  /** The team's last proposal, if an editor returned it lately. */
  returnedRevision?: { fields: string[]; reason: string } | undefined;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const logoError = logoProblems[0] ? problemText(t, logoProblems[0]) : null;
  const social = (org.social ?? {}) as Record<string, string>;
  const naceLabel = (c: string) => {
    const all = [...NACE_SECTIONS, ...NACE_DIVISIONS];
    return `${c} — ${termLabel(all, c, lang)}`;
  };
  const members = [
    ['org.members_sme', org.members_sme],
    ['org.members_large', org.members_large],
    ['org.members_research', org.members_research],
    ['org.members_public', org.members_public],
    ['org.members_other', org.members_other],
  ] as const;
  return (
    <>
      {showManage && (org.status !== 'published' || membership || canModerate || canEdit) ? (
        <aside class="manage" aria-label={t('org.manage')}>
          <p>
            {t('org.status')}: <StatusBadge ctx={ctx} status={org.status} />
          </p>
          {org.status === 'returned' && org.return_reason ? (
            <p class="returned">
              {t('org.returned_reason')}: {org.return_reason}
            </p>
          ) : null}
          {pendingFields.length ? (
            <div class="pending-revision">
              <h2>{t('revision.pending_title')}</h2>
              <p>{t('revision.pending_text', { fields: fieldList(ctx, pendingFields) })}</p>
              {canModerate ? (
                <p>
                  <a href={`/editor/organisations/${org.slug}/revision`}>{t('revision.review_link')}</a>
                </p>
              ) : null}
            </div>
          ) : null}
          {returnedRevision && !pendingFields.length ? (
            <p class="returned">
              {t('revision.returned', { fields: fieldList(ctx, returnedRevision.fields) })}:{' '}
              {returnedRevision.reason}
            </p>
          ) : null}
          <ul class="inline-actions">
            {canEdit ? (
              <li>
                <a href={`/organisations/${org.slug}/edit`}>{t('org.edit')}</a>
              </li>
            ) : null}
            {canManageTeam ? (
              <li>
                <a href={`/organisations/${org.slug}/team`}>{t('org.team')}</a>
              </li>
            ) : null}
            {canModerate && org.status === 'needs_review' ? (
              <li>
                <a href={`/editor/organisations/${org.slug}`}>{t('org.review')}</a>
              </li>
            ) : null}
          </ul>
          {canSubmit ? (
            <form method="post" action={`/organisations/${org.slug}/submit`}>
              <Csrf ctx={ctx} />
              <button type="submit">{t('org.submit')}</button>
            </form>
          ) : null}
          {canEdit ? (
            <form
              method="post"
              action={`/organisations/${org.slug}/logo`}
              enctype="multipart/form-data"
              class="logo-form"
            >
              {/* First in the body: the route checks it before reading the file. */}
              <Csrf ctx={ctx} />
              <div class={logoError ? 'field has-error' : 'field'}>
                <label for="f-logo">{t('org.logo')}</label>
                <p class="hint" id="f-logo-hint">
                  {t('org.logo_hint')}
                </p>
                {logoError ? (
                  <p class="error" id="f-logo-error">
                    {logoError}
                  </p>
                ) : null}
                <input
                  id="f-logo"
                  type="file"
                  name="logo"
                  accept="image/png,image/jpeg,image/webp,image/gif"
                  aria-invalid={logoError ? 'true' : undefined}
                  aria-describedby={logoError ? 'f-logo-hint f-logo-error' : 'f-logo-hint'}
                />
              </div>
              <button type="submit" class="secondary">
                {t('org.logo_upload')}
              </button>
            </form>
          ) : null}
        </aside>
      ) : null}
      <article class="profile">
        <header class="profile-head">
          {hasLogo ? (
            <img
              src={`/organisations/${org.slug}/logo`}
              alt={t('org.logo_of', { name: org.name })}
              width={120}
              height={120}
            />
          ) : null}
          <div>
            <h1>
              {org.name}
              {org.acronym ? <span class="acronym"> ({org.acronym})</span> : null}
            </h1>
            <p class="meta">
              {t(`orgtype.${org.type}`)} · {org.city ? `${org.city}, ` : ''}
              {countryName(org.country, lang)}
              {org.region ? ` (${org.region})` : ''} <LabelBadge ctx={ctx} label={org.label} />
            </p>
            <p class="meta">
              {t('org.last_updated', { date: formatDate(lang, org.updated_at) })}
              {isOutdated(org.updated_at) ? (
                <span class="badge outdated" title={t('org.outdated_hint')}>
                  {t('org.outdated')}
                </span>
              ) : null}
            </p>
          </div>
        </header>
        <section class="description" aria-label={t('org.description')}>
          {/* Rendered from markdown and sanitised: no script, style or event handler survives. */}
          <div dangerouslySetInnerHTML={{ __html: org.description_html }} />
        </section>
        <section>
          <h2>{t('org.section.facts')}</h2>
          <dl class="facts">
            {org.website ? (
              <>
                <dt>{t('org.website')}</dt>
                <dd>
                  <a href={org.website} rel="nofollow noopener">
                    {org.website}
                  </a>
                </dd>
              </>
            ) : null}
            {org.founded_year ? (
              <>
                <dt>{t('org.founded_year')}</dt>
                <dd>{org.founded_year}</dd>
              </>
            ) : null}
            <dt>{t('org.members_total')}</dt>
            <dd>
              {formatNumber(lang, totalMembers(org))}
              <ul class="plain">
                {members
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => (
                    <li>
                      {t(k)}: {formatNumber(lang, n)}
                    </li>
                  ))}
              </ul>
            </dd>
            {org.management_fte !== null ? (
              <>
                <dt>{t('org.management_fte')}</dt>
                <dd>{formatNumber(lang, org.management_fte, 1)}</dd>
              </>
            ) : null}
            <Terms
              title={t('org.ecosystems')}
              codes={org.ecosystems}
              label={(c) => termLabel(ECOSYSTEMS, c, lang)}
            />
            <Terms
              title={t('org.emerging_industries')}
              codes={org.emerging_industries}
              label={(c) => termLabel(EMERGING_INDUSTRIES, c, lang)}
            />
            <Terms title={t('org.kets')} codes={org.kets} label={(c) => termLabel(KETS, c, lang)} />
            <Terms title={t('org.nace')} codes={org.nace} label={naceLabel} />
            <Terms title={t('org.keywords')} codes={org.keywords} label={(c) => c} />
            <Terms title={t('org.value_chains')} codes={org.value_chains} label={(c) => c} />
            <Terms
              title={t('org.target_markets')}
              codes={org.target_markets}
              label={(c) => countryName(c, lang)}
            />
            {org.label !== 'none' ? (
              <>
                <dt>{t('org.label')}</dt>
                <dd>
                  {t(`label.${org.label}`)}
                  {org.label_valid_until
                    ? ` — ${t('org.valid_until', { date: formatDate(lang, org.label_valid_until) })}`
                    : ''}
                </dd>
              </>
            ) : null}
            {org.contact_name || org.contact_email ? (
              <>
                <dt>{t('org.contact')}</dt>
                <dd>
                  {org.contact_name}
                  {org.contact_email ? (
                    <>
                      {' '}
                      <a href={`mailto:${org.contact_email}`}>{org.contact_email}</a>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {Object.keys(social).length ? (
              <>
                <dt>{t('org.social')}</dt>
                <dd>
                  <ul class="plain">
                    {Object.entries(social).map(([net, url]) => (
                      <li>
                        <a href={url} rel="nofollow noopener">
                          {SOCIAL_NETWORK_NAMES[net as keyof typeof SOCIAL_NETWORK_NAMES] ?? net}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </article>
    </>
  );
}

export function OrganisationProfileLayout(
  props: Parameters<typeof OrganisationPage>[0] & {
    jsonLd: unknown;
    similar: SimilarOrganisation[];
    /** What other modules show on the profile (`OrganisationSection`s), in order. */
    sections?: readonly (JSX.Element | null)[];
  },
) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.org.name}
      jsonLd={props.org.status === 'published' ? props.jsonLd : undefined}
      notice={props.notice}
    >
      <OrganisationPage {...props} />
      {props.sections}
      <SimilarList ctx={props.ctx} org={props.org} similar={props.similar} />
    </Layout>
  );
}

/** "Similar organisations", each with the reason it is shown. */
function SimilarList({
  ctx,
  org,
  similar,
}: {
  ctx: RequestContext;
  org: Organisation;
  similar: SimilarOrganisation[];
}) {
  if (!similar.length) return null;
  const { t, lang } = ctx;
  const names = (terms: Parameters<typeof termLabel>[0], codes: string[]) =>
    codes.map((c) => termLabel(terms, c, lang)).join(', ');
  return (
    <section class="similar" aria-labelledby="similar-title">
      <h2 id="similar-title">{t('similar.title')}</h2>
      <ul>
        {similar.map((o) => {
          const reasons = [
            o.ecosystems.length ? t('similar.ecosystems', { list: names(ECOSYSTEMS, o.ecosystems) }) : null,
            o.sectors.length ? t('similar.sectors', { list: names(NACE_SECTIONS, o.sectors) }) : null,
            o.kets.length ? t('similar.kets', { list: names(KETS, o.kets) }) : null,
            o.emerging.length
              ? t('similar.emerging', { list: names(EMERGING_INDUSTRIES, o.emerging) })
              : null,
            o.keywords.length ? t('similar.keywords', { list: o.keywords.join(', ') }) : null,
            o.in_target_market
              ? t('similar.in_target_market', { name: org.name, country: countryName(o.country, lang) })
              : null,
            o.targets_us ? t('similar.targets_us', { country: countryName(org.country, lang) }) : null,
          ].filter((r): r is string => r !== null);
          return (
            <li>
              <a href={`/organisations/${o.slug}`}>{o.name}</a>
              <span class="meta">
                {' '}
                · {o.city ? `${o.city}, ` : ''}
                {countryName(o.country, lang)}
              </span>
              <p class="reason">{reasons.join(' · ')}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
