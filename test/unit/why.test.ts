// RankedPractice.why from the evidence (src/analysis/why.ts).
import { describe, expect, it } from 'vitest';
import { rankPractices } from '../../src/analysis/ranking.js';
import { shortSourceName, sourcesOfWhy, whyOf } from '../../src/analysis/why.js';
import { cite, entity, path } from './support/graph.js';

const C = 'challenge:drift';

describe('shortSourceName', () => {
  it('takes an alias ending in a year, else authors and year, else the name', () => {
    expect(shortSourceName({ ...entity('source:e', 'A review'), aliases: ['Eken 2024x', 'Eken et al. 2024'] })).toBe('Eken et al. 2024');
    expect(shortSourceName({ ...entity('source:s', 'Study'), attributes: { authors: ['Shreya Shankar', 'Rolando Garcia', 'Joe Hellerstein'], year: 2022 } })).toBe('Shankar et al. 2022');
    expect(shortSourceName({ ...entity('source:b', 'Survey'), attributes: { authors: ['Firas Bayram', 'Bestoun S. Ahmed'], year: 2024 } })).toBe('Bayram & Ahmed 2024');
    expect(shortSourceName(entity('source:c', 'A catalogue'))).toBe('A catalogue');
  });
});

describe('whyOf', () => {
  const names = new Map([
    ['source:a', 'Eken et al. 2024'],
    ['source:b', 'Shankar et al. 2022'],
  ]);

  it('names who states the link and where, then the road', () => {
    const p = path(['practice:p', 'category:k', C], ['IN_CATEGORY', 'ADDRESSES'], [[cite('source:a', 'm', 'STATED', '§4.3')], [cite('source:a', 'f', 'STATED', 'Fig. 4 p.18')]]);
    const [r] = rankPractices([p]);
    expect(sourcesOfWhy(r!)).toEqual(['source:a']);
    expect(whyOf(r!, names)).toBe('Stated by Eken et al. 2024 (Fig. 4 p.18). Through its category “k”.');
  });

  it('tells stated from inferred sources, and a direct link', () => {
    const p = path(['practice:p', C], ['ADDRESSES'], [[cite('source:b', 's', 'STATED', '§4.5'), cite('source:a', 'e', 'INFERRED', '§4.3 p.21')]]);
    const [r] = rankPractices([p]);
    expect(whyOf(r!, names)).toBe('Stated by Shankar et al. 2022 (§4.5); inferred by the curators from Eken et al. 2024 (§4.3 p.21). It addresses the challenge directly.');
  });

  it('does not call an inferred road stated when only its linking hop is', () => {
    const p = path(['practice:p', 'challenge:other', C], ['ADDRESSES', 'PARTLY_OVERLAPS'], [[cite('source:a', 's', 'STATED', '§4.6')], [cite('source:a', 'x', 'INFERRED', 'Fig. 2')]]);
    const [r] = rankPractices([p]);
    expect(r!.confidence).toBe('INFERRED');
    expect(whyOf(r!, names)).toBe("Stated by Eken et al. 2024 (§4.6) on the hop that makes the link, but another hop of the road is the curators' reading (inferred). Through “other”, a challenge that partly overlaps it.");
  });

  it('says the same challenge in another source words for a crosswalk road', () => {
    const p = path(['practice:p', 'challenge:other', C], ['ADDRESSES', 'CORRESPONDS_TO'], [[cite('source:b', 's', 'STATED', '§3')], [cite('source:a', 'x'), cite('source:b', 'y')]]);
    const [r] = rankPractices([p]);
    expect(whyOf(r!, names)).toBe('Stated by Shankar et al. 2022 (§3). Through “other”, the same challenge in another source\'s words.');
  });

  it('says when a source it rests on was read only in part', () => {
    const p = path(['practice:p', C], ['ADDRESSES'], [[cite('source:b', 's', 'STATED', '§3'), cite('source:c', 'c', 'STATED', 'p.8')]]);
    const [r] = rankPractices([p]);
    const more = new Map([...names, ['source:c', 'Amershi et al. 2019']]);
    expect(whyOf(r!, more, new Map([['source:c', 'PARTIAL' as const]]))).toBe(
      'Stated by Amershi et al. 2019 (p.8) and Shankar et al. 2022 (§3). It addresses the challenge directly. Of the sources, only part of Amershi et al. 2019 could be read: the rest of what they say is not in the graph.',
    );
    expect(whyOf(r!, more, new Map([['source:c', 'ABSTRACT_ONLY' as const]]))).toContain('only the abstract of Amershi et al. 2019 could be read');
    expect(whyOf(r!, more)).not.toContain('could be read');
  });
});
