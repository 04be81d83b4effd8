// recommendStack's greedy cover of practices by tools (no I/O).
//
// The tools a team already runs (`have`) count first. Then each step takes the tool that covers the
// most practices not yet covered; a tie goes to the tool whose new cells are more often stated at every
// hop, then more often direct (a source's own SUPPORTS), then to the tool more sources name, then to
// the smaller id: never to the one with more citations. It stops after `maxTools` picks or when no
// tool adds a practice.
// A stack a team can defend: unless `includeDerived`, only defensible cells cover (stated at every hop,
// or a direct SUPPORTS of that tool for that practice); what the stack's tools reach only through a
// derivation is listed apart.
import type { EntityModel } from '../domain/model.js';
import type { CoverageCellModel, RankedPracticeModel, StackRecommendationModel, StackStepModel } from './models.js';
import { byName } from './paths.js';

export interface StackOptions {
  readonly maxTools: number;
  /** Tools the team already runs: their practices are covered before any pick. */
  readonly have?: readonly string[];
  /** Practice ids of organisational categories (src/domain/organisational.ts). */
  readonly organisational?: ReadonlySet<string>;
  /** Whether derived cells (not stated at every hop, not a direct SUPPORTS) count as coverage. */
  readonly includeDerived?: boolean;
}

/** A cell a team can defend: a source states its whole path, or names that tool for that practice. */
export function defensible(cell: CoverageCellModel): boolean {
  return cell.confidence === 'STATED' || cell.direct;
}

/** How many distinct sources name a tool (its own citations). */
const toolSources = (tool: EntityModel) => new Set(tool.citations.map((c) => c.source)).size;

interface Candidate {
  readonly tool: EntityModel;
  readonly cells: CoverageCellModel[];
  readonly stated: number;
  readonly direct: number;
  readonly sources: number;
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  return (
    a.cells.length - b.cells.length ||
    a.stated - b.stated ||
    a.direct - b.direct ||
    a.sources - b.sources ||
    (a.tool.id < b.tool.id ? 1 : a.tool.id > b.tool.id ? -1 : 0)
  ) > 0;
}

export function greedyStack(practices: readonly RankedPracticeModel[], allCells: readonly CoverageCellModel[], options: StackOptions): StackRecommendationModel {
  const wanted = new Map(practices.map((r) => [r.practice.id, r.practice]));
  const cells = options.includeDerived ? allCells : allCells.filter(defensible);
  const cellsByTool = new Map<string, CoverageCellModel[]>();
  for (const c of cells) {
    if (!wanted.has(c.practice.id)) continue;
    const list = cellsByTool.get(c.tool.id) ?? [];
    list.push(c);
    cellsByTool.set(c.tool.id, list);
  }
  const coverable = new Set(cells.filter((c) => wanted.has(c.practice.id)).map((c) => c.practice.id));
  const covered = new Set<string>();
  const steps: StackStepModel[] = [];
  const take = (tool: EntityModel, fresh: CoverageCellModel[], alreadyRun: boolean) => {
    for (const c of fresh) covered.add(c.practice.id);
    cellsByTool.delete(tool.id);
    steps.push({ tool, alreadyRun, newlyCovered: fresh.map((c) => c.practice).sort(byName), cells: fresh });
  };
  for (const id of options.have ?? []) {
    const toolCells = cellsByTool.get(id);
    if (!toolCells) continue;
    take(toolCells[0]!.tool, toolCells.filter((c) => !covered.has(c.practice.id)), true);
  }
  let picks = 0;
  while (picks < options.maxTools) {
    let best: Candidate | undefined;
    for (const toolCells of cellsByTool.values()) {
      const fresh = toolCells.filter((c) => !covered.has(c.practice.id));
      if (fresh.length === 0) continue;
      const tool = fresh[0]!.tool;
      const candidate = { tool, cells: fresh, stated: fresh.filter((c) => c.confidence === 'STATED').length, direct: fresh.filter((c) => c.direct).length, sources: toolSources(tool) };
      if (better(candidate, best)) best = candidate;
    }
    if (!best) break;
    take(best.tool, best.cells, false);
    picks += 1;
  }
  const all = [...wanted.values()];
  const uncovered = all.filter((p) => !covered.has(p.id)).sort(byName);
  const organisational = uncovered.filter((p) => options.organisational?.has(p.id));
  const coverableByTools = uncovered.filter((p) => !options.organisational?.has(p.id));
  return {
    tools: steps.filter((s) => !s.alreadyRun).map((s) => s.tool),
    coveredPractices: all.filter((p) => covered.has(p.id)).sort(byName),
    uncoveredPractices: uncovered,
    coverableByTools,
    organisational,
    coverageRatio: all.length === 0 ? null : covered.size / all.length,
    reason: stackReason(all.length, covered.size, uncovered.length, coverable.size),
    practices,
    steps,
    coveredOnlyThroughDerivation: onlyDerived([...steps.map((s) => s.tool.id), ...(options.have ?? [])], steps, allCells, covered, wanted, options.includeDerived ?? false),
  };
}

/**
 * The practices the stack's tools reach only through a derivation: without includeDerived, wanted
 * practices left uncovered that one of the tools derives; with it, covered practices whose covering
 * cells are all derived. By name.
 */
function onlyDerived(
  toolIds: readonly string[],
  steps: readonly StackStepModel[],
  allCells: readonly CoverageCellModel[],
  covered: ReadonlySet<string>,
  wanted: ReadonlyMap<string, EntityModel>,
  includeDerived: boolean,
): EntityModel[] {
  const tools = new Set(toolIds);
  if (includeDerived) {
    const firm = new Set(steps.flatMap((s) => s.cells).filter(defensible).map((c) => c.practice.id));
    return [...covered].filter((id) => !firm.has(id)).map((id) => wanted.get(id)!).sort(byName);
  }
  const reached = new Set(allCells.filter((c) => tools.has(c.tool.id) && !defensible(c) && wanted.has(c.practice.id) && !covered.has(c.practice.id)).map((c) => c.practice.id));
  return [...reached].map((id) => wanted.get(id)!).sort(byName);
}

function stackReason(practices: number, covered: number, uncovered: number, coverable: number): string | null {
  if (practices === 0) return 'No practice in the graph addresses these challenges (at the confidence asked), so there is nothing for a tool to cover.';
  if (coverable === 0) return 'No tool of the types asked supports any practice that addresses these challenges.';
  if (covered === 0) return 'The tools the team already runs and the tools picked cover none of the practices.';
  if (uncovered > 0) return `${uncovered} of ${practices} practices stay uncovered: coverableByTools lists those a tool could cover (with a larger maxTools, other tool types, or a tool the sources do not name), organisational those about how teams work.`;
  return null;
}
