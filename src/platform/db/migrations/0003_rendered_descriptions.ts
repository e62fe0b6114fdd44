import { type Kysely, sql } from 'kysely';
import { markdownExcerpt, renderMarkdown } from '../../text/markdown.ts';

/**
 * A profile's description is rendered (markdown → sanitised HTML, and a plain-text summary) when it
 * is written, not on every read: lists and profile pages are read thousands of times per write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations
    add column description_html text not null default '',
    add column summary text not null default ''`.execute(db);
  const rows = await sql<{ id: string; description: string }>`
    select id, description from organisations where description <> ''`.execute(db);
  for (const r of rows.rows) {
    await sql`update organisations
      set description_html = ${renderMarkdown(r.description)}, summary = ${markdownExcerpt(r.description, 500)}
      where id = ${r.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop column description_html, drop column summary`.execute(db);
}
