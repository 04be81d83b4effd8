// recommendStack's greedy set cover of practices by tools (no I/O).
import type { EntityModel } from '../domain/model.js';
import type { CoverageCellModel, RankedPracticeModel, StackRecommendationModel, StackStepModel } from './models.js';
import { byName, citationKey } from './paths.js';

/**
 * Greedy set cover of `practices` by the tools of `cells`: each step takes the tool that covers the
 * most practices not yet covered; ties go to more evidence (distinct citations of its cells on those
 * practices), then to the smaller id. Stops after `maxTools` picks or when no tool adds a practice.
 */
export function greedyStack(
  practices: readonly RankedPracticeModel[],
  cells: readonly CoverageCellModel[],
  maxTools: number,
): StackRecommendationModel {
  const wanted = new Map(practices.map((r) => [r.practice.id, r.practice]));
  const cellsByTool = new Map<string, CoverageCellModel[]>();
  for (const c of cells) {
    if (!wanted.has(c.practice.id)) continue;
    const list = cellsByTool.get(c.tool.id) ?? [];
    list.push(c);
    cellsByTool.set(c.tool.id, list);
  }
  const covered = new Set<string>();
  const steps: StackStepModel[] = [];
  while (steps.length < maxTools) {
    let best: { tool: EntityModel; cells: CoverageCellModel[]; evidence: number } | undefined;
    for (const toolCells of cellsByTool.values()) {
      const fresh = toolCells.filter((c) => !covered.has(c.practice.id));
      if (fresh.length === 0) continue;
      const evidence = new Set(fresh.flatMap((c) => c.citations.map(citationKey))).size;
      const tool = fresh[0]!.tool;
      if (
        !best ||
        fresh.length > best.cells.length ||
        (fresh.length === best.cells.length && (evidence > best.evidence || (evidence === best.evidence && tool.id < best.tool.id)))
      ) {
        best = { tool, cells: fresh, evidence };
      }
    }
    if (!best) break;
    for (const c of best.cells) covered.add(c.practice.id);
    cellsByTool.delete(best.tool.id);
    steps.push({ tool: best.tool, newlyCovered: best.cells.map((c) => c.practice).sort(byName), cells: best.cells });
  }
  const all = [...wanted.values()];
  return {
    tools: steps.map((s) => s.tool),
    coveredPractices: all.filter((p) => covered.has(p.id)).sort(byName),
    uncoveredPractices: all.filter((p) => !covered.has(p.id)).sort(byName),
    coverageRatio: all.length === 0 ? 1 : covered.size / all.length,
    practices,
    steps,
  };
}
