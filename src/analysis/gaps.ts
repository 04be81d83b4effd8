// What the graph leaves open (no I/O): the `gaps` query. A challenge is open when no path of
// practicesAddressing's roads reaches it at the confidence asked; a practice is open when no coverage
// cell of an admitted tool supports it. The cells come filtered (src/analysis/coverage.ts buildCells).
import type { Confidence } from '../domain/citation.js';
import type { EntityModel } from '../domain/model.js';
import type { ToolType } from '../domain/ontology.js';
import { atLeast, pathConfidence } from './evidence.js';
import type { CoverageCellModel, GapsModel, PathModel } from './models.js';
import { byName } from './paths.js';

export function gapsOf(
  challenges: readonly EntityModel[],
  addressing: readonly PathModel[],
  practices: readonly EntityModel[],
  cells: readonly CoverageCellModel[],
  minConfidence: Confidence,
  toolTypes: readonly ToolType[],
): GapsModel {
  // Each addressing path ends at the challenge it was found for (src/cypher/analysis.ts).
  const reached = new Set(addressing.filter((p) => atLeast(pathConfidence(p), minConfidence)).map((p) => p.entities[p.entities.length - 1]!.id));
  const supported = new Set(cells.map((c) => c.practice.id));
  return {
    challengesWithoutPractice: challenges.filter((c) => !reached.has(c.id)).sort(byName),
    practicesWithoutTool: practices.filter((p) => !supported.has(p.id)).sort(byName),
    toolTypes,
  };
}
