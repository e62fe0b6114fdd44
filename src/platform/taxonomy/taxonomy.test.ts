import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeMask, taxonomyMasks } from './codes.ts';
import {
  countryName,
  countryOptions,
  ECOSYSTEMS,
  EMERGING_INDUSTRIES,
  EUROPE,
  isCountryCode,
  isNaceCode,
  isNutsCode,
  isTermCode,
  KETS,
  LANGS,
  NACE_DIVISIONS,
  NACE_SECTIONS,
  naceSectionOf,
  nutsLevel,
  type Term,
  termLabel,
} from './index.ts';

const DATA = resolve(process.cwd(), '../shared/data');

/** Minimal CSV reader for the reference files (quoted fields with commas, no embedded newlines). */
function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else field += ch;
      }
      fields.push(field);
      return fields;
    });
}

const lists: [string, readonly Term[], number][] = [
  ['ECOSYSTEMS', ECOSYSTEMS, 14],
  ['EMERGING_INDUSTRIES', EMERGING_INDUSTRIES, 10],
  ['KETS', KETS, 6],
  ['NACE_SECTIONS', NACE_SECTIONS, 21],
  ['NACE_DIVISIONS', NACE_DIVISIONS, 88],
];

describe('taxonomy lists', () => {
  it.each(lists)('%s has the expected size, unique codes and labels in every language', (_, terms, size) => {
    expect(terms).toHaveLength(size);
    expect(new Set(terms.map((t) => t.code)).size).toBe(size);
    for (const t of terms)
      for (const lang of LANGS) expect(t.label[lang].trim(), `${t.code} ${lang}`).not.toBe('');
  });

  it('uses kebab-case codes for ecosystems, emerging industries and KETs', () => {
    for (const t of [...ECOSYSTEMS, ...EMERGING_INDUSTRIES, ...KETS])
      expect(t.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(isTermCode(ECOSYSTEMS, 'aerospace-defence')).toBe(true);
    expect(isTermCode(ECOSYSTEMS, 'agri-food')).toBe(true);
    expect(isTermCode(ECOSYSTEMS, 'digital')).toBe(true);
    expect(isTermCode(ECOSYSTEMS, 'space')).toBe(false);
  });

  it('translates the labels', () => {
    expect(termLabel(ECOSYSTEMS, 'health', 'fr')).toBe('Santé');
    expect(termLabel(ECOSYSTEMS, 'health', 'de')).toBe('Gesundheit');
    expect(termLabel(ECOSYSTEMS, 'unknown-code', 'de')).toBe('unknown-code');
    const translated = ECOSYSTEMS.filter((t) => t.label.de !== t.label.en).length;
    expect(translated).toBeGreaterThan(10);
  });

  it('knows NACE sections and divisions', () => {
    expect(NACE_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    for (const d of NACE_DIVISIONS) {
      expect(d.code).toMatch(/^\d{2}$/);
      expect(isNaceCode(d.section)).toBe(true);
    }
    expect(isNaceCode('C')).toBe(true);
    expect(isNaceCode('26')).toBe(true);
    expect(isNaceCode('04')).toBe(false);
    expect(isNaceCode('26.1')).toBe(false);
    expect(isNaceCode('Z')).toBe(false);
    expect(naceSectionOf('C')).toBe('C');
    expect(naceSectionOf('26')).toBe('C');
    expect(naceSectionOf('62')).toBe('J');
    expect(naceSectionOf('04')).toBeUndefined();
  });
});

describe('countries', () => {
  it('names countries in three languages', () => {
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('ES', 'fr')).not.toBe(countryName('ES', 'en'));
    expect(countryName('ZZ', 'en')).toBe('ZZ');
  });

  it('lists every alpha-2 code, sorted by name', () => {
    for (const lang of LANGS) {
      const options = countryOptions(lang);
      expect(options.length).toBeGreaterThan(240);
      const names = options.map((o) => o.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, lang)));
    }
  });

  it('validates alpha-2 codes', () => {
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('fr')).toBe(false);
    expect(isCountryCode('FRA')).toBe(false);
    expect(isCountryCode('EL')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
  });

  it('counts European countries', () => {
    for (const code of ['DE', 'FR', 'GR', 'GB', 'CH', 'NO', 'UA', 'MD', 'TR', 'RS'])
      expect(EUROPE.has(code)).toBe(true);
    for (const code of ['US', 'KR', 'MA', 'TN', 'IL', 'CA', 'JP']) expect(EUROPE.has(code)).toBe(false);
    for (const code of EUROPE) expect(isCountryCode(code), code).toBe(true);
  });
});

describe('NUTS codes', () => {
  it('accepts codes of every level', () => {
    for (const code of ['FR', 'FRK', 'FRK2', 'DE212', 'EL30', 'UKI3', 'ITC4'])
      expect(isNutsCode(code), code).toBe(true);
    expect([nutsLevel('FR'), nutsLevel('FRK'), nutsLevel('FRK2'), nutsLevel('DE212')]).toEqual([0, 1, 2, 3]);
  });

  it('rejects malformed codes', () => {
    for (const code of ['', 'F', 'fr', 'FRK26X', 'FR-K', 'GR30', 'GBI3', 'frk2'])
      expect(isNutsCode(code), code).toBe(false);
  });

  it('checks the country, mapping GR to EL and GB to UK', () => {
    expect(isNutsCode('FRK2', 'FR')).toBe(true);
    expect(isNutsCode('FRK2', 'DE')).toBe(false);
    expect(isNutsCode('EL30', 'GR')).toBe(true);
    expect(isNutsCode('EL30', 'EL')).toBe(true);
    expect(isNutsCode('UKI3', 'GB')).toBe(true);
    expect(isNutsCode('DE21', 'AT')).toBe(false);
  });
});

describe.skipIf(!existsSync(DATA))('coverage of the reference data (../shared/data)', () => {
  it('covers every NACE Rev. 2 section and division', () => {
    const rows = readCsv(resolve(DATA, 'nace/nace_rev2.0.csv')).slice(1);
    const sections = rows.filter((r) => r[1] === '1').map((r) => r[0]);
    const divisions = rows.filter((r) => r[1] === '2');
    expect(sections).toHaveLength(21);
    for (const code of sections) expect(isNaceCode(code), code).toBe(true);
    expect(divisions).toHaveLength(88);
    for (const [code, , , section] of divisions) expect(naceSectionOf(code), code).toBe(section);
  });

  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  it.each([
    ['taxonomies/eu_industrial_ecosystems_14.csv', ECOSYSTEMS, 1],
    ['taxonomies/eco_emerging_industries_10.csv', EMERGING_INDUSTRIES, 1],
  ] as const)('covers every entry of %s', (file, terms, column) => {
    const names = readCsv(resolve(DATA, file))
      .slice(1)
      .map((r) => norm(r[column]));
    expect(names).toHaveLength(terms.length);
    expect(new Set(terms.map((t) => norm(t.label.en)))).toEqual(new Set(names));
  });

  it('covers the 2018 list of key enabling technologies', () => {
    const names = readCsv(resolve(DATA, 'taxonomies/key_enabling_technologies.csv'))
      .slice(1)
      .filter((r) => r[0] === '2018')
      .map((r) => norm(r[1]));
    expect(new Set(KETS.map((t) => norm(t.label.en)))).toEqual(new Set(names));
  });
});

if (!existsSync(DATA))
  console.warn(`taxonomy: ${DATA} is absent; the reference-data coverage tests are skipped.`);

describe('taxonomy bit masks', () => {
  it('give one bit per term, ignore unknown codes, and count overlaps', () => {
    const a = taxonomyMasks({
      ecosystems: ['digital', 'electronics'],
      emerging_industries: [],
      kets: [],
      nace: ['26'],
    });
    const b = taxonomyMasks({
      ecosystems: ['digital', 'nonsense'],
      emerging_industries: [],
      kets: [],
      nace: ['C'],
    });
    const bits = (n: number) => n.toString(2).replaceAll('0', '').length;
    expect(bits(a.ecosystem_mask)).toBe(2);
    expect(bits(b.ecosystem_mask)).toBe(1);
    expect(bits(a.ecosystem_mask & b.ecosystem_mask)).toBe(1);
    // Division 26 belongs to section C, so both have the same sector bit.
    expect(a.nace_mask).toBe(b.nace_mask);
    expect(a.nace_mask).toBe(codeMask(NACE_SECTIONS, ['C']));
    expect(codeMask(ECOSYSTEMS, [])).toBe(0);
  });
});
