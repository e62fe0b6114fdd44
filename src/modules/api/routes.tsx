import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../../platform/http/context.ts';
import { Layout } from '../../platform/http/layout.tsx';
import { sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { openApiDocument } from './openapi.ts';

type Doc = ReturnType<typeof openApiDocument>;
type Operation = {
  summary: string;
  security?: unknown[];
  parameters?: { name: string; in: string; description?: string }[];
};

/** A readable rendering of the OpenAPI document, served without any script. */
function ApiDocsPage({ ctx, doc }: { ctx: RequestContext; doc: Doc }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('api.title')}>
      <h1>{t('api.title')}</h1>
      <p>{doc.info.description}</p>
      <p>
        <a href="/api/openapi.json">{t('api.download')}</a>
      </p>
      {Object.entries(doc.paths).map(([path, ops]) => (
        <section class="endpoint">
          {Object.entries(ops as Record<string, Operation>).map(([method, op]) => (
            <div>
              <h2>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              <p>{op.summary}</p>
              {op.security ? <p class="meta">{t('api.auth_required')}</p> : null}
              {op.parameters?.length ? (
                <ul>
                  {op.parameters.map((p) => (
                    <li>
                      <code>{p.name}</code> ({p.in}){p.description ? ` — ${p.description}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
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
                  {sch.description ?? ''}
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
