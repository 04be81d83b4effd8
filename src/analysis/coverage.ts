// Tool x practice coverage cells from the support paths between them (no I/O).
import type { EntityModel } from '../domain/model.js';
import type { CoverageCellModel, CoverageModel, PathModel } from './models.js';
import { byName, citationsOfPaths, cmp, dedupePaths } from './paths.js';

/** The level a derived path gives: via a component when one is on the path, else via the kind next to the tool. */
export function derivedLevel(path: PathModel): string {
  const between = path.entities.slice(1, -1);
  if (between.some((e) => e.kind === 'COMPONENT')) return 'DERIVED_VIA_COMPONENT';
  return `DERIVED_VIA_${between[0]?.kind ?? 'UNKNOWN'}`;
}

/**
 * Builds one cell per (tool, practice) from supporting paths (each from a tool, entities[0], to a
 * practice, the last entity). A path of one relation is the source's own SUPPORTS statement.
 */
export function buildCells(paths: readonly PathModel[]): CoverageCellModel[] {
  const byPair = new Map<string, PathModel[]>();
  for (const p of paths) {
    const tool = p.entities[0];
    const practice = p.entities[p.entities.length - 1];
    if (!tool || !practice) continue;
    const key = JSON.stringify([tool.id, practice.id]);
    const list = byPair.get(key) ?? [];
    list.push(p);
    byPair.set(key, list);
  }
  const cells = [...byPair.values()].map((list): CoverageCellModel => {
    const support = dedupePaths(list);
    const first = support[0]!;
    const directPath = support.find((p) => p.length === 1);
    const level = directPath
      ? (directPath.relations[0]?.level ?? 'DIRECT')
      : support.map(derivedLevel).sort((a, b) => cmp(a, b))[0]!;
    return {
      tool: first.entities[0]!,
      practice: first.entities[first.entities.length - 1]!,
      level,
      citations: citationsOfPaths(support),
      direct: directPath !== undefined,
      paths: support,
    };
  });
  return cells.sort((a, b) => byName(a.tool, b.tool) || byName(a.practice, b.practice));
}

/** The coverage matrix of these tools and practices: cells on both, and the practices with none. */
export function coverageOf(tools: readonly EntityModel[], practices: readonly EntityModel[], cells: readonly CoverageCellModel[]): CoverageModel {
  const toolIds = new Set(tools.map((t) => t.id));
  const practiceIds = new Set(practices.map((p) => p.id));
  const inside = cells.filter((c) => toolIds.has(c.tool.id) && practiceIds.has(c.practice.id));
  const covered = new Set(inside.map((c) => c.practice.id));
  return {
    tools: [...tools].sort(byName),
    practices: [...practices].sort(byName),
    cells: inside,
    uncoveredPractices: practices.filter((p) => !covered.has(p.id)).sort(byName),
  };
}

/** The tools that have at least one cell, by name. */
export function toolsOfCells(cells: readonly CoverageCellModel[]): EntityModel[] {
  const byId = new Map<string, EntityModel>();
  for (const c of cells) byId.set(c.tool.id, c.tool);
  return [...byId.values()].sort(byName);
}
