// Words as a reader means them (src/analysis/text-terms.ts): stems, function words, typos, rarity.
import { describe, expect, it } from 'vitest';
import { inverseDocumentFrequency, stem, termsMatch, termsOf } from '../../src/analysis/text-terms.js';

describe('stem and termsOf', () => {
  it('folds plural, -ing, -ed and British or American spelling into one term', () => {
    expect(new Set(['models', 'modelling', 'modeled', 'model'].map(stem)).size).toBe(1);
    expect(stem('operationalisation')).toBe(stem('operationalization'));
    expect(stem('deployment')).toBe(stem('deploying'));
    expect(stem('monitoring')).toBe(stem('monitored'));
  });

  it('drops function words and keeps each term once, in order', () => {
    expect(termsOf("We can't keep our models from drifting, and the models drift in staging")).toEqual(['model', 'drift', 'stag']);
    expect(termsOf('the and of we')).toEqual([]);
  });
});

describe('termsMatch', () => {
  it('matches equal terms, a left-over ending on a long stem, and one typo in long words only', () => {
    expect(termsMatch('drift', 'drift')).toBe(true);
    expect(termsMatch('experi', 'experiment')).toBe(true);
    expect(termsMatch('provenanc', 'provenacn')).toBe(false);
    expect(termsMatch('provenanc', 'provenenc')).toBe(true);
    expect(termsMatch('data', 'date')).toBe(false);
    expect(termsMatch('team', 'teams')).toBe(false);
  });
});

describe('inverseDocumentFrequency', () => {
  it('weighs a term found in fewer documents more, and an unseen one most', () => {
    const idf = inverseDocumentFrequency([['data', 'drift'], ['data', 'team'], ['data', 'pipelin']]);
    expect(idf('drift')).toBeGreaterThan(idf('data'));
    expect(idf('unknown')).toBeGreaterThan(idf('drift'));
  });
});
