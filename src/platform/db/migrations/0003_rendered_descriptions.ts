import { type Kysely, sql } from 'kysely';
import { backfillOrganisations } from './backfill.ts';
import { renderedDescription } from './frozen/markdown-0003.ts';

/**
 * A profile's description is rendered (markdown → sanitised HTML, and a plain-text summary) when it
 * is written, not on every read: lists and profile pages are read thousands of times per write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations
    add column description_html text not null default '',
    add column summary text not null default ''`.execute(db);
  await backfillOrganisations<{ description: string }>(db, ['description'], (r) =>
    renderedDescription(r.description),
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop column description_html, drop column summary`.execute(db);
}
