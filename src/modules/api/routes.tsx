import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../../platform/http/context.ts';
import { Layout } from '../../platform/http/layout.tsx';
import { sendPage } from '../../platform/http/render.tsx';
import { isMessageKey, translateOr } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { openApiDocument } from './openapi.ts';

type Doc = ReturnType<typeof openApiDocument>;
type Media = { examples?: Record<string, { value: unknown }> };
type Parameter = { name: string; in: string; description?: string; schema?: { description?: string } };
type Operation = {
  operationId?: string;
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};

/**
 * Documentation text with its `code` spans (Markdown backticks) shown as <code>. Everything is
 * rendered as text, so the document cannot inject markup; an unpaired backtick stays as it is.
 */
export function DocText({ text }: { text: string }) {
  const parts = text.split('`');
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`${parts.at(-1)}`);
  return <>{parts.map((part, i) => (i % 2 ? <code>{part}</code> : part))}</>;
}

function firstExample(content: Record<string, Media> | undefined): { type: string; value: unknown } | null {
  for (const [type, media] of Object.entries(content ?? {})) {
    const first = Object.values(media.examples ?? {})[0];
    if (first) return { type, value: first.value };
  }
  return null;
}

function Example({ summary, example }: { summary: string; example: { type: string; value: unknown } }) {
  return (
    <details class="example">
      <summary>{summary}</summary>
      <pre>
        <code>
          {typeof example.value === 'string' ? example.value : JSON.stringify(example.value, null, 2)}
        </code>
      </pre>
    </details>
  );
}

/**
 * The catalogue key of a parameter's text: the operation's own (`api.param.<operationId>.<name>`)
 * when it has one, as where two operations' parameters share a name but not a meaning, else
 * `api.param.<name>`.
 */
export function paramKey(operationId: string, name: string): string {
  const own = `api.param.${operationId}.${name}`;
  return isMessageKey(own) ? own : `api.param.${name}`;
}

/**
 * A readable rendering of the OpenAPI document, served without any script, in the reader's
 * language: texts come from the catalogue (`api.op.<operationId>`, `api.param.<name>`,
 * `api.prop.<field>`), or from the document itself when the catalogue has no key for them.
 */
function ApiDocsPage({ ctx, doc }: { ctx: RequestContext; doc: Doc }) {
  const { t } = ctx;
  const text = (key: string, english: string) => <DocText text={translateOr(t, key, english)} />;
  return (
    <Layout ctx={ctx} title={t('api.title')}>
      <h1>{t('api.title')}</h1>
      <p>{text('api.intro', doc.info.description)}</p>
      <p>
        <a href="/api/openapi.json">{t('api.download')}</a>
      </p>
      {Object.entries(doc.paths).map(([path, ops]) => (
        <section class="endpoint">
          {Object.entries(ops as Record<string, Operation>).map(([method, op]) => {
            const success = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'));
            const request = firstExample(op.requestBody?.content);
            const response = success ? firstExample(success[1].content) : null;
            return (
              <div>
                <h2>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h2>
                <p>{text(`api.op.${op.operationId}`, op.summary)}</p>
                {op.description ? (
                  <p>{text(`api.op.${op.operationId}.description`, op.description)}</p>
                ) : null}
                {op.security ? <p class="meta">{t('api.auth_required')}</p> : null}
                {op.parameters?.length ? (
                  <ul>
                    {op.parameters.map((p) => {
                      const description = p.description ?? p.schema?.description;
                      return (
                        <li>
                          <code>{p.name}</code> ({translateOr(t, `api.in.${p.in}`, p.in)})
                          {description ? (
                            <> — {text(paramKey(op.operationId ?? '', p.name), description)}</>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
                {request ? <Example summary={t('api.example_request')} example={request} /> : null}
                {response && success ? (
                  <Example summary={t('api.example_response', { status: success[0] })} example={response} />
                ) : null}
              </div>
            );
          })}
        </section>
      ))}
      <h2>{t('api.organisation_fields')}</h2>
      <table>
        <caption class="visually-hidden">{t('api.organisation_fields')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('api.field')}</th>
            <th scope="col">{t('api.description')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(doc.components.schemas.OrganisationInput.properties).map(([name, schema]) => {
            const sch = schema as { description?: string; enum?: string[]; items?: { enum?: string[] } };
            const values = sch.enum ?? sch.items?.enum;
            return (
              <tr>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  {sch.description ? text(`api.prop.${name}`, sch.description) : null}
                  {values ? (
                    <>
                      {' '}
                      <span class="meta">({values.join(', ')})</span>
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}

export function registerApiDocs(app: FastifyInstance, s: Services) {
  const doc = openApiDocument(s.config.baseUrl);
  app.get('/api/openapi.json', async (_req, reply) =>
    reply.header('access-control-allow-origin', '*').send(doc),
  );
  app.get('/api/docs', async (req, reply) => sendPage(reply, <ApiDocsPage ctx={req.ctx} doc={doc} />));
}
