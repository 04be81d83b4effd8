// Which id each listed tool gets, stably across versions of the catalogue: the committed registry
// (ids.json) first, then a review's tool, then a rename (same link, new name), else a new id. An id
// once given is never given to anything else: removed tools stay in the registry, marked removed.
import type { CatalogueTool, IdRegistryFile, ReviewMatchesFile } from './input.js';
import { linkKey, normaliseName } from './input.js';

/**
 * A tool another source already holds (a review's, or an earlier catalogue's), as the matching needs
 * it: its names, its type, and the GitHub repositories (owner/name, lowercased) a catalogue gave it.
 */
export interface ReviewTool {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly toolType: string;
  readonly repos?: readonly string[];
}

/** One tool of the catalogue: the rows that share a link and a (normalised) name, in README order. */
export interface ToolGroup {
  readonly link: string;
  readonly name: string;
  readonly rows: readonly CatalogueTool[];
}

export interface Merge {
  readonly id: string;
  readonly reviewName: string;
  readonly catalogueName: string;
  readonly link: string;
  /** How the two were found to be one: "repository", "name", "alias", "registry" or the curator's note. */
  readonly how: string;
}

/**
 * Whether a merge is the curator's judgement rather than what both sources state: a GitHub repository
 * or a name that agrees is the same listing; an alias (often a curator's search alias, e.g. KServe for
 * Kreuzberger et al.'s "KServing of Kubeflow") or the curator's table is an inferred identity.
 */
export function identityInferred(how: string): boolean {
  return how !== 'repository' && how !== 'name';
}

export interface Assignment {
  readonly idOf: Map<ToolGroup, string>;
  readonly merges: Merge[];
  readonly added: { id: string; name: string }[];
  readonly removed: { id: string; name: string; link: string }[];
  readonly renamed: { id: string; from: string; to: string; link: string }[];
  /** Names that agree with a review tool but could not be matched unambiguously. */
  readonly ambiguous: string[];
  readonly registry: IdRegistryFile['tools'];
}

export function groupRows(tools: readonly CatalogueTool[]): ToolGroup[] {
  const groups = new Map<string, { link: string; name: string; rows: CatalogueTool[] }>();
  for (const t of [...tools].sort((a, b) => a.line - b.line)) {
    const key = `${linkKey(t)}\u0000${normaliseName(t.name) || t.name}`;
    const g = groups.get(key) ?? { link: linkKey(t), name: t.name, rows: [] };
    g.rows.push(t);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => cmp(a.link, b.link) || cmp(a.name, b.name));
}

/**
 * One project the catalogue lists at several links (its repository and its site) is one entity: the
 * curator's `sameAs` moves the rows of a link into the group of the link it names (the first group of
 * that link, by name). A `sameAs` naming no group is left to the curation check to refuse.
 */
export function joinSameProject(groups: readonly ToolGroup[], sameAs: ReadonlyMap<string, string>): ToolGroup[] {
  const joinsAnother = (g: ToolGroup) => sameAs.has(g.link) && groups.some((t) => t.link === sameAs.get(g.link));
  const kept = groups.filter((g) => !joinsAnother(g));
  return kept.map((g) => {
    const joined = groups.filter((o) => joinsAnother(o) && sameAs.get(o.link) === g.link);
    if (joined.length === 0 || kept.find((k) => k.link === g.link) !== g) return g;
    return { ...g, rows: [...g.rows, ...joined.flatMap((o) => o.rows)].sort((a, b) => a.line - b.line) };
  });
}

/** Whether a review tool's name or one of its aliases agrees with a catalogue tool's name. */
function agreement(t: ReviewTool, g: ToolGroup): 'name' | 'alias' | undefined {
  const n = normaliseName(g.name);
  if (normaliseName(t.name) === n) return 'name';
  return t.aliases.some((a) => normaliseName(a) === n) ? 'alias' : undefined;
}

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "Google's Differential Privacy" -> "googles-differential-privacy"; "Voilà" -> "voila". */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function assignIds(
  groups: readonly ToolGroup[],
  reviewTools: readonly ReviewTool[],
  takenIds: ReadonlySet<string>,
  matches: ReviewMatchesFile,
  registry: IdRegistryFile['tools'],
  shortCommit: string,
): Assignment {
  const idOf = new Map<ToolGroup, string>();
  const review = new Map(reviewTools.map((t) => [t.id, t]));
  const merges: Merge[] = [];
  const ambiguous: string[] = [];
  const next: IdRegistryFile['tools'] = {};
  const byLinkName = new Map(Object.entries(registry).map(([id, e]) => [`${e.link}\u0000${normaliseName(e.name) || e.name}`, id]));
  const used = new Set<string>();
  const give = (g: ToolGroup, id: string) => {
    idOf.set(g, id);
    used.add(id);
    next[id] = { link: g.link, name: g.name };
  };
  const merged = (g: ToolGroup, id: string, how: string) => merges.push({ id, reviewName: review.get(id)!.name, catalogueName: g.name, link: g.link, how });

  // 1. The curator's matches, then 2. what the registry already knows.
  for (const g of groups) {
    const m = matches.match.find((x) => x.link === g.link);
    if (m && !used.has(m.id)) {
      give(g, m.id);
      merged(g, m.id, `the curator: ${m.note}`);
    }
  }
  // A group the registry gives an id of this catalogue's own is still read against the names below, so
  // that an import reports the same ambiguities whether or not the registry existed (a re-run writes
  // nothing new); it keeps its id.
  const ownFromRegistry = new Set<ToolGroup>();
  for (const g of groups) {
    if (idOf.has(g)) continue;
    const id = byLinkName.get(`${g.link}\u0000${normaliseName(g.name) || g.name}`);
    // A merge the curator has since refused (noMatch) is not taken from the registry.
    if (id && !used.has(id) && !matches.noMatch.some((x) => x.link === g.link && x.id === id)) {
      give(g, id);
      const t = review.get(id);
      if (t) merged(g, id, (t.repos ?? []).includes(g.link) ? 'repository' : agreement(t, g) ?? 'the registry (an earlier import matched it)');
      else ownFromRegistry.add(g);
    }
  }
  // 3. The same GitHub repository (links are lowercased keys): one listing, whatever the names.
  const byRepo = new Map<string, string>();
  for (const t of reviewTools) for (const r of t.repos ?? []) if (!byRepo.has(r)) byRepo.set(r, t.id);
  for (const [repo, id] of byRepo) {
    if (used.has(id)) continue;
    const gs = groups.filter((g) => !idOf.has(g) && g.link === repo);
    const agreeing = gs.length > 1 ? gs.filter((g) => agreement(review.get(id)!, g) !== undefined) : gs;
    if (agreeing.length === 1) {
      give(agreeing[0]!, id);
      merged(agreeing[0]!, id, 'repository');
    } else if (gs.length > 1) ambiguous.push(`${repo} (${gs.map((g) => g.name).join(', ')}) is the repository of ${id}: not merged`);
  }
  // 4. A review tool whose name or alias agrees, when exactly one review tool and one catalogue link do.
  const candidates = new Map<string, ToolGroup[]>();
  for (const g of groups) {
    if (idOf.has(g) && !ownFromRegistry.has(g)) continue;
    const n = normaliseName(g.name);
    const hits = reviewTools.filter(
      (t) => [t.name, ...t.aliases].some((a) => normaliseName(a) === n) && !matches.noMatch.some((x) => x.link === g.link && x.id === t.id),
    );
    if (hits.length > 1) ambiguous.push(`${g.name} (${g.link}) agrees with ${hits.map((h) => h.id).join(', ')}: not merged`);
    if (hits.length === 1 && !used.has(hits[0]!.id)) candidates.set(hits[0]!.id, [...(candidates.get(hits[0]!.id) ?? []), g]);
  }
  for (const [id, gs] of [...candidates.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const links = new Set(gs.map((g) => g.link));
    if (links.size > 1) {
      ambiguous.push(`${id} agrees with ${gs.map((g) => `${g.name} (${g.link})`).join(' and ')}: not merged`);
      continue;
    }
    for (const g of gs) {
      if (ownFromRegistry.has(g)) continue;
      const t = review.get(id)!;
      give(g, id);
      merged(g, id, agreement(t, g)!);
    }
  }
  // 5. Renames: the one listed, unplaced tool and the one registered, unplaced id of a link.
  const renamed: Assignment['renamed'] = [];
  const openIds = Object.entries(registry).filter(([id, e]) => !used.has(id) && e.removedAt === undefined);
  for (const g of groups) {
    if (idOf.has(g)) continue;
    const sameLinkGroups = groups.filter((o) => !idOf.has(o) && o.link === g.link);
    const sameLinkIds = openIds.filter(([id, e]) => e.link === g.link && !used.has(id) && !matches.noMatch.some((x) => x.link === g.link && x.id === id));
    if (sameLinkGroups.length === 1 && sameLinkIds.length === 1) {
      const [id, e] = sameLinkIds[0]!;
      give(g, id);
      renamed.push({ id, from: e.name, to: g.name, link: g.link });
    }
  }
  // 6. New ids, never one that is taken or was ever given.
  const taken = (id: string) => takenIds.has(id) || id in registry || used.has(id);
  for (const g of groups) {
    if (idOf.has(g)) continue;
    const base = slugOf(g.name) || slugOf(g.link);
    const owner = slugOf(g.link.split('/')[0] ?? '');
    const tries = [`tool:${base}`, `tool:${base}-${owner}`];
    let id = tries.find((t) => !taken(t));
    for (let i = 2; !id; i++) if (!taken(`tool:${base}-${i}`)) id = `tool:${base}-${i}`;
    give(g, id);
  }
  // Added: listed now, and not listed (under this link and name) by the version the registry knew.
  const renamedIds = new Set(renamed.map((r) => r.id));
  const added = groups
    .filter((g) => {
      const id = idOf.get(g)!;
      const known = byLinkName.get(`${g.link}\u0000${normaliseName(g.name) || g.name}`);
      return !renamedIds.has(id) && !(known !== undefined && registry[known]!.removedAt === undefined);
    })
    .map((g) => ({ id: idOf.get(g)!, name: g.name }));
  // Whatever the registry held and this version does not list stays reserved.
  const removed: Assignment['removed'] = [];
  for (const [id, e] of Object.entries(registry)) {
    if (used.has(id)) continue;
    next[id] = { link: e.link, name: e.name, removedAt: e.removedAt ?? shortCommit };
    if (e.removedAt === undefined) removed.push({ id, name: e.name, link: e.link });
  }
  merges.sort((a, b) => cmp(a.id, b.id) || cmp(a.link, b.link));
  return { idOf, merges, added: added.sort((a, b) => cmp(a.id, b.id)), removed, renamed, ambiguous: ambiguous.sort(), registry: sortKeys(next) };
}

export function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort((a, b) => cmp(a[0], b[0])));
}
