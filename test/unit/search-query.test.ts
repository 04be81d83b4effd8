// The Lucene query built from what a person typed (src/analysis/search-query.ts).
import { describe, expect, it } from 'vitest';
import { escapeLucene, luceneQuery, MAX_SEARCH_WORDS, searchWords } from '../../src/analysis/search-query.js';

describe('searchWords', () => {
  it('keeps runs of letters and digits, lower-cased, once each', () => {
    expect(searchWords('CI/CD, ci-cd & Neptune.ai')).toEqual(['ci', 'cd', 'neptune', 'ai']);
    expect(searchWords('Überwachung ÉTÉ')).toEqual(['überwachung', 'été']);
    expect(searchWords(' !!! ')).toEqual([]);
  });

  it('keeps at most MAX_SEARCH_WORDS words', () => {
    expect(searchWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe('escapeLucene', () => {
  it('escapes every character with a meaning in the query syntax', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o');
  });
});

describe('luceneQuery', () => {
  it('answers null when the text has no word', () => {
    expect(luceneQuery('*** ???')).toBeNull();
  });

  it('matches a word exactly (name boosted), as a prefix from 3 letters and with typos from 4', () => {
    expect(luceneQuery('ab')).toBe('(name:ab^4 OR ab^2)');
    expect(luceneQuery('abc')).toBe('(name:abc^4 OR abc^2 OR abc*)');
    expect(luceneQuery('abcd')).toBe('(name:abcd^4 OR abcd^2 OR abcd* OR abcd~1)');
    expect(luceneQuery('abcdef')).toBe('(name:abcdef^4 OR abcdef^2 OR abcdef* OR abcdef~2)');
  });

  it('scores the whole phrase highest when there are several words', () => {
    expect(luceneQuery('model registry')).toBe(
      'name:"model registry"^6 OR "model registry"^3 OR (name:model^4 OR model^2 OR model* OR model~1) OR (name:registry^4 OR registry^2 OR registry* OR registry~2)',
    );
  });

  it('never lets operators through: AND, OR and NOT are lower-cased words', () => {
    const q = luceneQuery('drift AND NOT OR')!;
    expect(q).not.toMatch(/\b(AND|NOT)\b/);
    expect(q).toContain('name:and^4');
  });
});
