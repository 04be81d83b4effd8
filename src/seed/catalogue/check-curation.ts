// The per-tool curation file against the catalogue it curates: every listed tool has an entry (a row
// without one is refused, naming the row), no entry names a link the catalogue does not list, and every
// map ends at a practice or component of the seed. Counts what the curation says, for the report.
import type { ToolType } from '../../domain/ontology.js';
import type { SeedProblem } from '../errors.js';
import type { MissingCuration, ToolCurationFile } from './curation.js';
import type { ToolGroup } from './ids.js';

export interface CurationCounts {
  /** Tools (entities of this catalogue) per curated type. */
  readonly byType: Partial<Record<ToolType, number>>;
  /** PRODUCTs the curator maps to at least one practice or component. */
  readonly mappedPerTool: number;
  /** SUPPORTS relations the per-tool maps give. */
  readonly supports: number;
}

export function missingCurations(curation: ToolCurationFile, groups: readonly ToolGroup[]): MissingCuration[] {
  const byKey = new Map<string, MissingCuration>();
  for (const g of groups) {
    if (g.link in curation.tools) continue;
    const prior = byKey.get(g.link);
    const rows = g.rows.map((r) => ({ section: r.section, line: r.line }));
    byKey.set(g.link, prior ? { ...prior, rows: [...prior.rows, ...rows] } : { key: g.link, name: g.name, rows });
  }
  return [...byKey.values()];
}

export function checkCuration(
  file: string,
  curation: ToolCurationFile,
  groups: readonly ToolGroup[],
  /** Why an id is not a practice or component of the seed (undefined: it is one). */
  notATarget: (id: string) => string | undefined,
): { problems: SeedProblem[]; counts: CurationCounts } {
  const problems: SeedProblem[] = [];
  for (const m of missingCurations(curation, groups)) {
    const rows = m.rows.map((r) => `§${r.section} l.${r.line}`).join(', ');
    problems.push({
      file,
      path: `tools[${JSON.stringify(m.key)}]`,
      message: `is missing: the catalogue row "${m.name}" (${rows}) has no curation entry; type it (and map it, if a PRODUCT). npm run catalogue:import -- --skeleton CATALOGUE prints the missing entries`,
    });
  }
  const links = new Set(groups.map((g) => g.link));
  const byType: Partial<Record<ToolType, number>> = {};
  let mappedPerTool = 0;
  let supports = 0;
  for (const [key, t] of Object.entries(curation.tools)) {
    const at = `tools[${JSON.stringify(key)}]`;
    if (!links.has(key)) problems.push({ file, path: at, message: 'names a link the catalogue does not list (GitHub owner/name lowercased, else the URL)', value: key });
    if (t.sameAs !== undefined) {
      const other = curation.tools[t.sameAs];
      if (!links.has(t.sameAs) || !other) problems.push({ file, path: `${at}.sameAs`, message: 'names no entry of a link the catalogue lists', value: t.sameAs });
      else if (other.sameAs !== undefined) problems.push({ file, path: `${at}.sameAs`, message: 'names an entry that is itself the same as another: name that one', value: t.sameAs });
      else if (other.type !== t.type) problems.push({ file, path: `${at}.type`, message: `differs from the type of the entry it is the same as (${other.type})`, value: t.type });
      if ((t.maps ?? []).length > 0) problems.push({ file, path: `${at}.maps`, message: 'a link that is the same project as another is mapped there, not here' });
    }
    (t.maps ?? []).forEach((x, i) => {
      const wrong = notATarget(x.id);
      if (wrong) problems.push({ file, path: `${at}.maps[${i}].id`, message: wrong, value: x.id });
    });
  }
  for (const g of groups) {
    const t = curation.tools[g.link];
    // A link that is the same project as another counts once, with that one.
    if (!t || t.sameAs !== undefined) continue;
    byType[t.type] = (byType[t.type] ?? 0) + 1;
    const maps = t.type === 'PRODUCT' ? (t.maps ?? []).length : 0;
    if (maps > 0) mappedPerTool++;
    supports += maps;
  }
  return { problems, counts: { byType, mappedPerTool, supports } };
}
