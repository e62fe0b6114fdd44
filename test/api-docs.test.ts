import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/modules/api/openapi.ts';
import { DocText, paramKey } from '../src/modules/api/routes.tsx';
import { en } from '../src/platform/i18n/en.ts';
import { ENGINES, skipReason } from './helpers/db.ts';
import { HttpClient, useTestServer } from './helpers/server.ts';

const doc = openApiDocument('https://clusterhub.example');
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: { name: string; description?: string; schema?: { description?: string } }[];
};
const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops as Record<string, Operation>));

/** Every `description` string anywhere in the document, with where it is. */
function descriptions(node: unknown, where = ''): [string, string][] {
  if (Array.isArray(node)) return node.flatMap((n, i) => descriptions(n, `${where}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === 'description' && typeof v === 'string'
      ? [[where, v] as [string, string]]
      : descriptions(v, `${where}.${k}`),
  );
}

describe('the OpenAPI texts', () => {
  it('describe the q parameter whole, and no description stops mid-sentence', () => {
    const q = operations[1]!.parameters!.find((p) => p.name === 'q')!;
    expect(q.description).toContain('"a phrase"');
    expect(q.description).toContain('`or` between alternatives');
    const cut = descriptions(doc).filter(([, text]) => /(,|;|\bor|\band|\bthe|\ba)\s*$/i.test(text));
    expect(cut).toEqual([]);
  });

  it('are the English texts of the documentation page (so the page can be translated)', () => {
    const catalogue = en as Record<string, string>;
    const differences: string[] = [];
    const same = (key: string, text: string | undefined) => {
      if (text !== undefined && catalogue[key] !== text) differences.push(key);
    };
    same('api.intro', doc.info.description);
    for (const op of operations) {
      same(`api.op.${op.operationId}`, op.summary);
      same(`api.op.${op.operationId}.description`, op.description);
      for (const p of op.parameters ?? [])
        same(paramKey(op.operationId, p.name), p.description ?? p.schema?.description);
    }
    for (const [name, schema] of Object.entries(doc.components.schemas.OrganisationInput.properties)) {
      same(`api.prop.${name}`, (schema as { description?: string }).description);
    }
    expect(differences).toEqual([]);
  });

  it('show `code` spans as <code>, escaped', () => {
    const html = renderToString(h(DocText, { text: 'Send `X-Token: <b>` or `a&b`; a lone ` stays' }));
    expect(html).toBe('Send <code>X-Token: &lt;b></code> or <code>a&amp;b</code>; a lone ` stays');
  });
});

describe.each(ENGINES)('the API documentation page and the favicon on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)('shows code as code, examples, and speaks the reader’s language', async () => {
    const c = new HttpClient(srv.url);
    const page = await c.get('/api/docs');
    expect(page.status).toBe(200);
    const main = page.html.slice(page.html.indexOf('<main'), page.html.indexOf('</main>'));
    expect(main).toContain('<code>Authorization: Bearer chp_…</code>');
    expect(main).toContain('<code>or</code> between alternatives');
    expect(main).not.toContain('`');
    expect(main).toContain('Example request body');
    expect(main).toContain('&quot;name&quot;: &quot;Silicon Saxony&quot;');

    const french = await c.get('/api/docs', { 'accept-language': 'fr' });
    expect(french.html).toContain('Rechercher les organisations publiées, avec le décompte des filtres');
    expect(french.html).toContain('Exemple de corps de requête');
    expect(french.html).toContain('Nom de l');
    const german = await c.get('/api/docs', { 'accept-language': 'de' });
    expect(german.html).toContain('Veröffentlichte Organisationen suchen, mit Filterzählungen');
    expect(german.html).toContain('Name der Organisation');
    for (const other of [french.html, german.html]) {
      for (const english of [
        'Open data and integration API',
        'Search published organisations',
        'Name of the organisation',
        'Words that must all be found',
        'Member SMEs',
        '(query)',
      ]) {
        expect(other).not.toContain(english);
      }
    }
    // The document itself stays English.
    const json = await c.json('GET', '/api/openapi.json', undefined, { 'accept-language': 'fr' });
    expect(json.data.paths['/api/v1/organisations'].get.summary).toBe(
      'Search published organisations, with facet counts',
    );
  });

  it.skipIf(skip)('serves /favicon.ico, and pages link to their icons', async () => {
    const c = new HttpClient(srv.url);
    const res = await c.request('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/icon/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const svg = await c.request('/static/favicon.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    const home = await c.get('/');
    expect(home.html).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>');
    expect(home.html).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>');
  });
});
