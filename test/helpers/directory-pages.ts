import { expect } from 'vitest';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import type { NewOrganisation } from '../../src/platform/db/schema.ts';
import { announceChange } from '../../src/platform/http/page-cache.ts';
import type { TestServer } from './server.ts';

/** Helpers of the map and statistics tests. */

/** Like toContain/toMatch, without printing a whole page (with its map) when it fails. */
export function expectIn(html: string, needle: string | RegExp) {
  const found = typeof needle === 'string' ? html.includes(needle) : needle.test(html);
  expect(found, `page should contain ${needle}`).toBe(true);
}
export function expectNotIn(html: string, needle: string | RegExp) {
  const found = typeof needle === 'string' ? html.includes(needle) : needle.test(html);
  expect(found, `page should not contain ${needle}`).toBe(false);
}

/**
 * Organisations inserted straight into the server's database (published unless said otherwise);
 * `changed` tells the page cache, as a CLI import would, since direct inserts bypass HTTP.
 */
export function organisationsOf(server: () => TestServer) {
  let serial = 0;
  async function org(values: Partial<NewOrganisation> & { country: string }) {
    serial += 1;
    await insertOrganisation(server().services.db, {
      slug: `org-${serial}`,
      name: `Organisation ${serial}`,
      type: 'cluster_organisation',
      status: 'published',
      ...values,
    });
  }
  async function orgs(n: number, values: Partial<NewOrganisation> & { country: string }) {
    for (let i = 0; i < n; i++) await org(values);
  }
  return { org, orgs, changed: () => announceChange(server().services) };
}

/** `<a href="…"><title>…</title>` pairs of the map: where each shape leads and what it is called. */
export function mapLinks(html: string): Map<string, string> {
  const svg = html.slice(html.indexOf('<svg id='), html.indexOf('</svg>', html.indexOf('<svg id=')));
  const links = new Map<string, string>();
  for (const m of svg.matchAll(
    /<a href="([^"]+)" class="map-link"><title>([^<]+)<\/title><path d="[^"]+" fill="([^"]+)"/g,
  ))
    links.set(m[1]!.replaceAll('&amp;', '&'), `${m[2]} | ${m[3]}`);
  return links;
}
/** Rows of the data table: first cell text → the number in the count column. */
export function tableRows(html: string, table = 0): Map<string, number> {
  const t = html.split('<table class="figures">')[table + 1]?.split('</table>')[0] ?? '';
  const rows = new Map<string, number>();
  for (const m of t.matchAll(/<tr><th scope="row"[^>]*>(.*?)<\/th>(.*?)<\/tr>/g)) {
    const label = m[1]!.replace(/<span class="visually-hidden">.*?<\/span>/g, '').replace(/<[^>]+>/g, '');
    const num = /<td class="num">([^<]+)<\/td>/.exec(m[2]!)?.[1] ?? '';
    rows.set(label, Number(num.replace(/[^\d]/g, '')));
  }
  return rows;
}
