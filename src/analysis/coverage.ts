// Tool x practice coverage cells from the support paths between them (no I/O).
//
// A path runs from a tool to a practice. How it derives support (seed/README.md §9):
//   DIRECT                       tool SUPPORTS practice: a source's own statement (sound);
//   VIA_COMPONENT, VIA_PRINCIPLE tool SUPPORTS a component or principle that CORRESPONDS_TO the
//                                practice: the same notion in another frame (sound);
//   VIA_PART                     a part of the tool (PART_OF: Kubeflow Pipelines of Kubeflow) supports
//                                the practice along one of the roads here: the whole counts its parts'
//                                support, shown as coming through the part (derived, not the tool's own);
//   VIA_CATALOGUE_SECTION        the tool is listed under a catalogue section that the curators map
//                                to the practice as a whole: the section-level fallback (INFERRED,
//                                weaker than a per-tool SUPPORTS; recommendStack never rests on it);
//   VIA_COMPONENT_AND_PRINCIPLE  tool SUPPORTS component IMPLEMENTS principle CORRESPONDS_TO practice:
//                                two generalising hops (weak; shown as derived, never ranked with direct).
// A cell takes its best path: firmer confidence first (a path is as firm as its weakest hop), then
// the derivation in the order above.
import type { Confidence } from '../domain/citation.js';
import type { EntityModel } from '../domain/model.js';
import type { ToolType } from '../domain/ontology.js';
import { atLeast, CONFIDENCE_RANK, pathConfidence } from './evidence.js';
import type { CellDerivation, CoverageCellModel, CoverageModel, PathModel } from './models.js';
import { byName, citationsOfPaths, dedupePaths } from './paths.js';

/** Derivations from firmest to weakest (the order a cell picks its best path by). */
const DERIVATION_ORDER: readonly CellDerivation[] = ['DIRECT', 'VIA_COMPONENT', 'VIA_PRINCIPLE', 'VIA_PART', 'VIA_CATALOGUE_SECTION', 'VIA_COMPONENT_AND_PRINCIPLE'];

/** Which derivations the ontology makes sound (the others are shown as weaker support). */
export const SOUND_DERIVATIONS: ReadonlySet<CellDerivation> = new Set(['DIRECT', 'VIA_COMPONENT', 'VIA_PRINCIPLE']);

/** How a tool -> practice path derives support. */
export function derivationOf(path: PathModel): CellDerivation {
  if (path.length === 1) return 'DIRECT';
  const between = path.entities.slice(1, -1);
  if (path.relations.some((r) => r.type === 'PART_OF')) return 'VIA_PART';
  if (path.relations.some((r) => r.type === 'COVERS')) return 'VIA_CATALOGUE_SECTION';
  const component = between.some((e) => e.kind === 'COMPONENT');
  const principle = between.some((e) => e.kind === 'PRINCIPLE');
  if (component && principle) return 'VIA_COMPONENT_AND_PRINCIPLE';
  return component ? 'VIA_COMPONENT' : 'VIA_PRINCIPLE';
}

/** The roads recommendStack may rest on: every derivation but a catalogue section's and a part's. */
export function stackRoad(path: PathModel): boolean {
  const d = derivationOf(path);
  return d !== 'VIA_CATALOGUE_SECTION' && d !== 'VIA_PART';
}

/** The level a derived path gives, as the matrix shows it (DERIVED_ + the derivation). */
export function derivedLevel(path: PathModel): string {
  const d = derivationOf(path);
  return d === 'VIA_COMPONENT_AND_PRINCIPLE' ? 'DERIVED_VIA_COMPONENT' : `DERIVED_${d}`;
}

/** Best first: firmer confidence, then the derivation order. */
function byStrength(a: PathModel, b: PathModel): number {
  return (
    CONFIDENCE_RANK[pathConfidence(b)] - CONFIDENCE_RANK[pathConfidence(a)] ||
    DERIVATION_ORDER.indexOf(derivationOf(a)) - DERIVATION_ORDER.indexOf(derivationOf(b))
  );
}

export interface CellFilters {
  /** Only paths at least this firm (STATED: stated at every hop). */
  readonly minConfidence?: Confidence;
  /** Only tools of these types (null or absent: every type). */
  readonly toolTypes?: readonly ToolType[] | null;
  /** Only tools that one of these sources cites (null or absent: every tool). */
  readonly toolSourceIds?: readonly string[] | null;
}

/** Whether a tool passes the tool filters. */
export function toolAdmitted(tool: EntityModel, filters: CellFilters): boolean {
  if (filters.toolTypes && !(tool.toolType && filters.toolTypes.includes(tool.toolType))) return false;
  if (filters.toolSourceIds && !tool.citations.some((c) => filters.toolSourceIds!.includes(c.source))) return false;
  return true;
}

/**
 * Builds one cell per (tool, practice) from supporting paths (each from a tool, entities[0], to a
 * practice, the last entity), keeping only the paths the filters admit.
 */
export function buildCells(paths: readonly PathModel[], filters: CellFilters = {}): CoverageCellModel[] {
  const byPair = new Map<string, PathModel[]>();
  for (const p of paths) {
    const tool = p.entities[0];
    const practice = p.entities[p.entities.length - 1];
    if (!tool || !practice) continue;
    if (filters.minConfidence && !atLeast(pathConfidence(p), filters.minConfidence)) continue;
    if (!toolAdmitted(tool, filters)) continue;
    const key = JSON.stringify([tool.id, practice.id]);
    const list = byPair.get(key) ?? [];
    list.push(p);
    byPair.set(key, list);
  }
  const cells = [...byPair.values()].map((list): CoverageCellModel => {
    const support = dedupePaths(list);
    const best = [...support].sort(byStrength)[0]!;
    const directPath = support.find((p) => p.length === 1);
    const derivation = derivationOf(best);
    return {
      tool: best.entities[0]!,
      practice: best.entities[best.entities.length - 1]!,
      level: directPath ? (directPath.relations[0]?.level ?? 'DIRECT') : derivedLevel(best),
      confidence: pathConfidence(best),
      derivation,
      sound: SOUND_DERIVATIONS.has(derivation),
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
