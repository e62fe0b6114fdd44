import { readFileSync } from 'node:fs';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Migration 0003's own copy of the description renderer, as it was when 0003 was written: the
 * settings are data (`markdown-0003.json`), so a later change to `platform/text/markdown.ts` does
 * not change what replaying 0003 writes. It still uses the `marked` and `sanitize-html` libraries;
 * the replay test shows it if an upgrade of either changes the output.
 */
interface Settings {
  marked: { gfm: boolean; breaks: boolean };
  allowedTags: string[];
  allowedAttributes: Record<string, string[]>;
  allowedSchemes: string[];
  allowProtocolRelative: boolean;
  renameTags: Record<string, string>;
  linkRel: string;
  disallowedTagsMode: 'discard';
  entities: Record<string, string>;
  summaryLength: number;
}

const SETTINGS: Settings = JSON.parse(readFileSync(new URL('./markdown-0003.json', import.meta.url), 'utf8'));
const MARKED = new Marked({ ...SETTINGS.marked, async: false });
const ENTITY = new RegExp(`&(${Object.keys(SETTINGS.entities).join('|')});`, 'g');

/** `description_html` and `summary` of a description, as 0003 computed them. */
export function renderedDescription(source: string): { description_html: string; summary: string } {
  const { renameTags, linkRel, entities, summaryLength: max, ...options } = SETTINGS;
  const parsed = MARKED.parse(source) as string;
  const description_html = sanitizeHtml(parsed, {
    allowedTags: options.allowedTags,
    allowedAttributes: options.allowedAttributes,
    allowedSchemes: options.allowedSchemes,
    allowProtocolRelative: options.allowProtocolRelative,
    disallowedTagsMode: options.disallowedTagsMode,
    transformTags: { ...renameTags, a: sanitizeHtml.simpleTransform('a', { rel: linkRel }) },
  });
  const words = sanitizeHtml(parsed, { allowedTags: [], allowedAttributes: {} })
    .replace(ENTITY, (_, name: string) => entities[name] ?? '')
    .split(/\s+/)
    .filter((w) => w !== '')
    .join(' ');
  const summary = words.length <= max ? words : `${words.slice(0, max - 1).trimEnd()}…`;
  return { description_html, summary };
}
