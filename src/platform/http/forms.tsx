import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../errors.ts';
import { isMessageKey, type Translate } from '../i18n/index.ts';
import type { RequestContext } from './context.ts';

export type Problems = FieldProblem[];

export function problemText(t: Translate, p: FieldProblem): string {
  return isMessageKey(p.message) ? t(p.message, p.params) : p.message;
}

export function Csrf({ ctx }: { ctx: RequestContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/**
 * The summary at the top of a form: one link per bad field, "Label: message", focused for screen
 * readers. A field's label comes from `labels`, else from the catalogue's `field.<name>`.
 */
export function ErrorSummary({
  ctx,
  problems,
  labels = {},
}: {
  ctx: RequestContext;
  problems: Problems;
  labels?: Record<string, string>;
}) {
  if (problems.length === 0) return null;
  const labelOf = (field: string) => {
    const key = `field.${field}`;
    return labels[field] ?? (isMessageKey(key) ? ctx.t(key) : null);
  };
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{ctx.t('form.errors_title')}</h2>
      <ul>
        {problems.map((p) => {
          const label = labelOf(p.field);
          const text = problemText(ctx.t, p);
          return (
            <li>
              <a href={`#f-${p.field}`}>{label ? ctx.t('form.error_of', { label, message: text }) : text}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: RequestContext;
  name: string;
  label: string;
  problems: Problems;
  hint?: string;
  children?: ComponentChildren;
}

function fieldError(ctx: RequestContext, problems: Problems, name: string) {
  const p = problems.find((x) => x.field === name);
  return p ? problemText(ctx.t, p) : null;
}

export function TextField(
  props: Omit<FieldProps, 'children'> & {
    value?: string | number | null | undefined;
    type?: string;
    required?: boolean;
    autocomplete?: string;
    multiline?: boolean;
    rows?: number;
    step?: string;
    min?: number;
    max?: number;
    maxLength?: number;
  },
) {
  const { ctx, name, label, problems, hint, value, type = 'text', required, autocomplete, multiline } = props;
  const error = fieldError(ctx, problems, name);
  const id = `f-${name}`;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={props.rows ?? 8} maxLength={props.maxLength}>
          {value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={type}
          value={value ?? ''}
          autoComplete={autocomplete}
          step={props.step}
          min={props.min}
          max={props.max}
          maxLength={props.maxLength}
        />
      )}
    </div>
  );
}

export function SelectField(
  props: Omit<FieldProps, 'children'> & {
    value?: string | null | undefined;
    options: { value: string; label: string }[];
    required?: boolean;
    emptyLabel?: string;
  },
) {
  const { ctx, name, label, problems, hint, value, options, required, emptyLabel } = props;
  const error = fieldError(ctx, problems, name);
  const id = `f-${name}`;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes in a fieldset; the legend labels the group for assistive technology. */
export function CheckboxGroup(
  props: Omit<FieldProps, 'children'> & {
    values: readonly string[];
    options: { value: string; label: string }[];
  },
) {
  const { ctx, name, label, problems, hint, values, options } = props;
  const error = fieldError(ctx, problems, name);
  const chosen = new Set(values);
  return (
    <fieldset id={`f-${name}`} class={error ? 'field checkboxes has-error' : 'field checkboxes'}>
      <legend>{label}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {error ? <p class="error">{error}</p> : null}
      <div class="options">
        {options.map((o, i) => (
          <label for={`f-${name}-${i}`}>
            <input
              type="checkbox"
              id={`f-${name}-${i}`}
              name={name}
              value={o.value}
              checked={chosen.has(o.value)}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Pagination({
  ctx,
  page,
  total,
  pageSize,
  href,
}: {
  ctx: RequestContext;
  page: number;
  /** Items in the whole list, and on one page. */
  total: number;
  pageSize: number;
  href: (p: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('list.pagination')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {ctx.t('list.previous')}
        </a>
      ) : null}
      <span>{ctx.t('list.page_of', { page, pages })}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {ctx.t('list.next')}
        </a>
      ) : null}
    </nav>
  );
}

/**
 * A list as a table: a caption for screen readers (or the id of a heading that names it), a header
 * cell per column, an unlabelled-looking last column for per-row buttons when `actions` names it for
 * screen readers, then the rows.
 */
export function ListTable({
  caption,
  labelledBy,
  columns,
  actions,
  children,
}: {
  caption?: string;
  labelledBy?: string;
  columns: string[];
  actions?: string;
  children: ComponentChildren;
}) {
  return (
    <table aria-labelledby={labelledBy}>
      {caption === undefined ? null : <caption class="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
          {actions === undefined ? null : (
            <th scope="col">
              <span class="visually-hidden">{actions}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
