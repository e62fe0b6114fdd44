import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'ul',
    'ol',
    'li',
    'a',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'code',
    'pre',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'del',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // A profile's headings sit below the page's own h1.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener ugc' } }),
  },
  disallowedTagsMode: 'discard',
};

/** Markdown written by users, rendered to HTML that can carry no script, style or event handler. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, SANITIZE);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Plain text of a markdown source, for descriptions in lists, meta tags and JSON-LD. */
export function markdownExcerpt(source: string, max = 240): string {
  const text = sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return clipText(text, max);
}

/**
 * Plain text of HTML that `renderMarkdown` produced (already sanitised, so a tag is exactly
 * `<…>`): the same text as `markdownExcerpt` of its source, without parsing the markdown again.
 */
export function htmlExcerpt(html: string, max = 240): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return clipText(text, max);
}

/** Shortens plain text to at most `max` characters, marking the cut with an ellipsis. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

const TAG = /<\/?[a-z!?][^>]*>|\bon[a-z]+\s*=|javascript:/i;

/** Plain-text fields refuse markup outright rather than storing something that looks like HTML. */
export function looksLikeHtml(value: string): boolean {
  return TAG.test(value);
}
