import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MATCH_KINDS,
  type MatchItem,
  type MatchProfile,
  prepare,
  rankPartners,
  score,
  scorePair,
  scoreValue,
  wordsOf,
} from './score.ts';

let n = 0;
const item = (side: 'offer' | 'need', kind: MatchItem['kind'], title: string, text = ''): MatchItem => ({
  id: `i${++n}`,
  side,
  kind,
  title,
  text,
});
const profile = (id: string, p: Partial<MatchProfile> = {}): MatchProfile => ({
  id,
  country: 'BE',
  ecosystems: [],
  targetMarkets: [],
  items: [],
  ...p,
});

describe('the partner scorer', () => {
  it('finds an offer that meets a need, by kind and shared words, and says which', () => {
    const a = profile('a', {
      items: [item('offer', 'technology', 'Battery recycling pilot line')],
    });
    const b = profile('b', {
      items: [item('need', 'technology', 'Partners for lithium battery recycling')],
    });
    const s = score(a, b);
    expect(s.gainA).toBe(0);
    expect(s.gainB).toBeGreaterThan(0);
    expect(s.reasons).toEqual([
      expect.objectContaining({
        type: 'offer_meets_need',
        offerBy: 'a',
        needBy: 'b',
        sameKind: true,
        words: ['battery', 'recycling'],
        offer: expect.objectContaining({ title: 'Battery recycling pilot line' }),
      }),
    ]);
  });

  it('tells an offer and a need of one kind without a word in common only when nothing says more', () => {
    const a = profile('a', {
      items: [
        item('offer', 'business', 'Logistics hub services'),
        item('offer', 'technology', 'Solar trackers'),
      ],
    });
    const b = profile('b', {
      items: [
        item('need', 'business', 'Automotive suppliers'),
        item('need', 'technology', 'Solar trackers for farms'),
      ],
    });
    const told = score(a, b).reasons.filter((r) => r.type === 'offer_meets_need');
    expect(told.map((r) => r.type === 'offer_meets_need' && r.need.title)).toEqual([
      'Solar trackers for farms',
    ]);
    const kindOnly = score(profile('a', { items: [a.items[0]!] }), profile('b', { items: [b.items[0]!] }));
    expect(kindOnly.reasons).toEqual([
      expect.objectContaining({ type: 'offer_meets_need', words: [], sameKind: true }),
    ]);
  });

  it('ranks a pair where both gain above one where only one side does', () => {
    const me = profile('me', {
      items: [item('offer', 'business', 'Food packaging'), item('need', 'investment', 'Seed capital')],
    });
    const oneSided = profile('one', {
      items: [
        item('need', 'business', 'Food packaging suppliers wanted for organic food'),
        item('need', 'business', 'Food packaging design'),
      ],
    });
    const both = profile('both', {
      items: [item('offer', 'investment', 'Venture fund'), item('need', 'business', 'Distribution')],
    });
    const ranked = rankPartners(prepare(me), [prepare(oneSided), prepare(both)], { limit: 5 });
    expect(ranked.map((r) => r.id)).toEqual(['both', 'one']);
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(0.5);
    expect(ranked[1]!.score).toBeLessThan(0.5);
  });

  it('counts shared ecosystems, target markets and different countries', () => {
    const a = profile('a', {
      country: 'HR',
      ecosystems: ['digital', 'agri-food', 'health'],
      targetMarkets: ['DE'],
    });
    const b = profile('b', { country: 'DE', ecosystems: ['agri-food', 'digital'] });
    const s = score(a, b);
    expect(s.reasons).toContainEqual({ type: 'shared_ecosystems', ecosystems: ['agri-food', 'digital'] });
    expect(s.reasons).toContainEqual({ type: 'target_market', by: 'a', country: 'DE' });
    expect(s.reasons).toContainEqual({
      type: 'complementary_countries',
      ids: ['a', 'b'],
      countries: ['HR', 'DE'],
    });
    expect(s.gainA).toBeGreaterThan(0);
    // Different countries alone are no reason to meet.
    expect(score(profile('x', { country: 'FR' }), profile('y', { country: 'IT' }))).toMatchObject({
      score: 0,
      reasons: [],
    });
  });

  it('skips pairs whose ecosystem masks share nothing, and never ranks oneself or the excluded', () => {
    const a = profile('a', { ecosystems: ['digital'], ecosystemMask: 1 });
    const b = profile('b', { ecosystems: ['digital'], ecosystemMask: 2 });
    expect(score(a, b).score).toBe(0);
    const c = profile('c', { ecosystems: ['digital'] });
    const d = profile('d', { ecosystems: ['digital'] });
    const ranked = rankPartners(prepare(c), [c, d, a].map(prepare), {
      limit: 10,
      exclude: new Set(['d']),
    });
    expect(ranked.map((r) => r.id)).toEqual(['a']);
  });

  it('folds accents, plurals and stop words', () => {
    expect([...wordsOf('Les énergies renouvelables for clusters and SMEs')]).toEqual([
      'energy',
      'renouvelable',
      'sme',
    ]);
  });

  // Properties over arbitrary profiles.
  const words = ['solar', 'battery', 'food', 'packaging', 'robot', 'textile', 'health', 'data', 'wood'];
  const arbItem = fc.record({
    id: fc.uuid(),
    side: fc.constantFrom('offer' as const, 'need' as const),
    kind: fc.constantFrom(...MATCH_KINDS),
    title: fc.array(fc.constantFrom(...words, 'the', 'and', 'É'), { maxLength: 5 }).map((w) => w.join(' ')),
    text: fc.option(fc.string(), { nil: undefined }),
  });
  const countries = ['BE', 'HR', 'DE', 'FR', 'RS'];
  const arbProfile = fc.record({
    id: fc.uuid(),
    country: fc.option(fc.constantFrom(...countries), { nil: null }),
    ecosystems: fc.subarray(['digital', 'health', 'agri-food', 'textiles']),
    targetMarkets: fc.subarray(countries),
    items: fc.array(arbItem, { maxLength: 6 }),
  });

  it('is symmetric, never NaN, in [0, 1], and gives reasons whenever the score is above 0', () => {
    fc.assert(
      fc.property(arbProfile, arbProfile, (a, b) => {
        const ab = score(a, b);
        const ba = score(b, a);
        expect(ab.score).toBe(ba.score);
        expect(ab.gainA).toBe(ba.gainB);
        expect(Number.isNaN(ab.score)).toBe(false);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        if (ab.score > 0) expect(ab.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('ranks every pair where both gain above every pair where at most one does', () => {
    fc.assert(
      fc.property(arbProfile, arbProfile, arbProfile, arbProfile, (a, b, c, d) => {
        const x = scorePair(prepare(a), prepare(b));
        const y = scorePair(prepare(c), prepare(d));
        const mutual = (s: typeof x) => s.gainA > 0 && s.gainB > 0;
        if (mutual(x) && !mutual(y)) expect(x.score).toBeGreaterThan(y.score);
      }),
      { numRuns: 500 },
    );
  });

  it('ranks as scoring every pair with its reasons would: the fast score is the same number', () => {
    fc.assert(
      fc.property(arbProfile, fc.array(arbProfile, { maxLength: 30 }), fc.nat(12), (me, others, limit) => {
        const p = prepare(me);
        const all = others.map(prepare);
        for (const o of all) expect(scoreValue(p, o)).toBe(scorePair(p, o).score);
        const naive = all
          .filter((o) => o.profile.id !== me.id)
          .map((o) => ({ id: o.profile.id, score: scorePair(p, o).score }))
          .filter((x) => x.score > 0)
          .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
          .slice(0, limit);
        expect(rankPartners(p, all, { limit }).map((r) => [r.id, r.score])).toEqual(
          naive.map((x) => [x.id, x.score]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
