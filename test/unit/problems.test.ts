// From a problem typed in words to the challenges it names (src/analysis/problems.ts).
import { describe, expect, it } from 'vitest';
import { matchProblems, type ChallengeDocument } from '../../src/analysis/problems.js';
import type { EntityModel } from '../../src/domain/model.js';
import { entity } from './support/graph.js';

const withText = (id: string, name: string, summary: string | null = null, aliases: string[] = []): EntityModel => ({ ...entity(id, name), summary, aliases });

const docs: ChallengeDocument[] = [
  { challenge: withText('challenge:observability', 'Seeing across the lifecycle', 'Making it easy to see what data and models do in production.'), related: [] },
  {
    challenge: withText('challenge:feedback', 'Feedback from production', 'Production signals such as drift come back to earlier phases.'),
    related: [{ entity: withText('challenge:silent-decay', 'Models decay silently', null, ['model staleness']), relation: 'NARROWER_THAN' }],
  },
  { challenge: withText('challenge:provenance', 'Provenance of experiments', 'Records of how experiments ran, for audits.', ['reproducibility']), related: [] },
  { challenge: withText('challenge:teams', 'Teams in silos', 'Data and ops teams do not talk.'), related: [] },
];

describe('matchProblems', () => {
  it('finds a challenge by its alias and says where each word was found', () => {
    const [top] = matchProblems('we have no reproducibility of experiments', docs, 5);
    expect(top!.challenge.id).toBe('challenge:provenance');
    expect(top!.matched.map((m) => [m.field, m.words])).toEqual([
      ['NAME', ['experiments']],
      ['ALIAS', ['reproducibility']],
      ['SUMMARY', ['experiments']],
    ]);
  });

  it('reaches a challenge through the wording of a related pain point, and names it', () => {
    const [top] = matchProblems('our model is stale and decays silently', docs, 5);
    expect(top!.challenge.id).toBe('challenge:feedback');
    const related = top!.matched.find((m) => m.field === 'RELATED')!;
    expect(related.related?.id).toBe('challenge:silent-decay');
    expect(related.relation).toBe('NARROWER_THAN');
    expect(related.words).toEqual(expect.arrayContaining(['model', 'stale', 'decays', 'silently']));
  });

  it('weighs rare words over common ones, and leaves out challenges far below the best', () => {
    const ranked = matchProblems('data drift in production', docs, 5);
    expect(ranked[0]!.challenge.id).toBe('challenge:feedback');
    expect(ranked.every((r) => r.score >= ranked[0]!.score * 0.25)).toBe(true);
    expect(ranked.map((r) => r.challenge.id)).not.toContain('challenge:provenance');
  });

  it("reads each source's own description of a challenge, apart from the summary", () => {
    const described: ChallengeDocument = {
      challenge: { ...withText('challenge:handover', 'Handover of models', 'Passing models on.'), descriptions: [{ source: 'source:a', text: 'Packaging the trained model for the software team.', basis: 'SOURCE' }] },
      related: [],
    };
    const [top] = matchProblems('packaging trained models', [...docs, described], 5);
    expect(top!.challenge.id).toBe('challenge:handover');
    expect(top!.matched.map((m) => m.field)).toContain('DESCRIPTION');
  });

  it('answers nothing for text with only function words or unknown words, and keeps at most `first`', () => {
    expect(matchProblems('what are we to do', docs, 5)).toEqual([]);
    expect(matchProblems('zzzz qqqq', docs, 5)).toEqual([]);
    expect(matchProblems('production data teams experiments', docs, 2)).toHaveLength(2);
  });
});
