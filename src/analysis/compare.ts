// Tools side by side (no I/O): the `compareTools` query. From the coverage cells of the compared tools,
// the practices two or more of them support (with each one's cell, and which do not) and, per tool,
// the practices it alone supports. Every cell keeps its evidence (level, confidence, derivation,
// citations, paths), so a client need not diff anything itself.
import type { EntityModel } from '../domain/model.js';
import type { CoverageCellModel, SharedPracticeModel, ToolComparisonModel } from './models.js';
import { byName } from './paths.js';

/** `tools` in the order asked; `cells` of those tools (any order). */
export function compareTools(tools: readonly EntityModel[], cells: readonly CoverageCellModel[]): ToolComparisonModel {
  const order = new Map(tools.map((t, i) => [t.id, i]));
  const byPractice = new Map<string, CoverageCellModel[]>();
  for (const c of cells) {
    if (!order.has(c.tool.id)) continue;
    const list = byPractice.get(c.practice.id) ?? [];
    list.push(c);
    byPractice.set(c.practice.id, list);
  }
  const shared: SharedPracticeModel[] = [];
  const only = new Map<string, CoverageCellModel[]>(tools.map((t) => [t.id, []]));
  const count = new Map<string, number>(tools.map((t) => [t.id, 0]));
  for (const list of byPractice.values()) {
    list.sort((a, b) => order.get(a.tool.id)! - order.get(b.tool.id)!);
    for (const c of list) count.set(c.tool.id, count.get(c.tool.id)! + 1);
    if (list.length === 1) {
      only.get(list[0]!.tool.id)!.push(list[0]!);
      continue;
    }
    const have = new Set(list.map((c) => c.tool.id));
    shared.push({ practice: list[0]!.practice, cells: list, missing: tools.filter((t) => !have.has(t.id)) });
  }
  shared.sort((a, b) => byName(a.practice, b.practice));
  return {
    shared,
    tools: tools.map((tool) => ({ tool, only: only.get(tool.id)!.sort((a, b) => byName(a.practice, b.practice)), practiceCount: count.get(tool.id)! })),
  };
}
