import { describe, expect, it } from 'vitest';
import { generateDemoOrganisations } from '../../modules/demo/data/organisation-data.ts';
import { htmlExcerpt, markdownExcerpt, renderMarkdown } from './markdown.ts';

const TRICKY = [
  '**bold**text and _em_ and `code`',
  'A [link](https://example.org "title") & <b>raw</b> "quotes" \'single\'',
  '<script>alert(1)</script>Visible',
  '<img src=x onerror=alert(1)>after',
  '# Title\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |',
  'line one  \nline two\n\n---\n\nend',
  'Ümlaut ß — “curly” quotes… & < > signs',
  '```\nconst x = 1 < 2;\n```',
  '',
];

describe('markdown', () => {
  it('renders no script, style or event handler', () => {
    for (const source of TRICKY) {
      const html = renderMarkdown(source);
      expect(html).not.toMatch(/<script|onerror|onload|javascript:/i);
    }
  });

  it('gives the same plain text from the rendered HTML as from the source', () => {
    const demo = generateDemoOrganisations({ count: 200, seed: 3, now: new Date('2026-01-01T00:00:00Z') });
    for (const source of [...TRICKY, ...demo.map((o) => o.description)]) {
      for (const max of [60, 500]) {
        expect(htmlExcerpt(renderMarkdown(source), max), source).toBe(markdownExcerpt(source, max));
      }
    }
  });
});
