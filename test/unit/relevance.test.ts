// Text relevance between a practice and a challenge (src/analysis/relevance.ts): text only, 0-1.
import { describe, expect, it } from 'vitest';
import { relevanceTo } from '../../src/analysis/relevance.js';
import type { EntityModel } from '../../src/domain/model.js';
import { entity } from './support/graph.js';

const withText = (id: string, name: string, summary: string | null = null): EntityModel => ({ ...entity(id, name), summary });

describe('relevanceTo', () => {
  const challenge = withText('challenge:drift', 'Drift goes unnoticed', 'Models degrade in production as data drifts.');
  const practices = [
    withText('practice:monitor', 'Monitor data drift', 'Watch production data for drift and alert.'),
    withText('practice:teams', 'Balanced teams', 'Put people with different skills in one team.'),
    withText('practice:models', 'Model registry', 'Keep models in production versioned.'),
  ];

  it('is the share of the challenge wording the practice shares, rarer words weighing more', () => {
    const r = relevanceTo(challenge, practices);
    expect(r.get('practice:monitor')!).toBeGreaterThan(r.get('practice:models')!);
    expect(r.get('practice:models')!).toBeGreaterThan(r.get('practice:teams')!);
    expect(r.get('practice:teams')).toBe(0);
    for (const v of r.values()) expect(v).toBeLessThanOrEqual(1);
  });

  it('is 0 for a challenge with no words', () => {
    expect(relevanceTo(withText('challenge:x', 'the'), practices).get('practice:monitor')).toBe(0);
  });
});
