// The Lucene query built from what a person typed (src/analysis/search-query.ts).
import { describe, expect, it } from 'vitest';
import { escapeLucene, joinedTokens, luceneQuery, MAX_SEARCH_WORDS, searchWords } from '../../src/analysis/search-query.js';

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

  it('weighs names and aliases over summaries, takes the last word as a prefix, and one typo from 4 letters', () => {
    expect(luceneQuery('ab')).toBe('(name:ab^4 OR aliasesText:ab^4 OR summary:ab OR name:ab*^2 OR aliasesText:ab*^2)');
    const q = luceneQuery('abcd')!;
    expect(q).toContain('name:abcd~1^2');
    expect(q).toContain('summary:abcd*^0.5');
    expect(luceneQuery('ab cd')).toContain('(name:ab^4 OR aliasesText:ab^4 OR summary:ab)');
  });

  it('scores the whole phrase in a name or alias highest when there are several words', () => {
    expect(luceneQuery('model registry')).toMatch(/^name:"model registry"\^6 OR aliasesText:"model registry"\^6 OR /);
  });

  it('matches tokens the index keeps whole, such as neptune.ai', () => {
    expect(joinedTokens('Neptune.ai and CI/CD')).toEqual(['neptune.ai']);
    expect(luceneQuery('Neptune.ai')).toContain('name:neptune.ai^6');
  });

  it('never lets operators through: AND, OR and NOT are lower-cased words', () => {
    const q = luceneQuery('drift AND NOT OR')!;
    expect(q).not.toMatch(/\b(AND|NOT)\b/);
    expect(q).toContain('name:and^4');
  });
});
