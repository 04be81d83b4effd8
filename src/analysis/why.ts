// `RankedPractice.why`: the evidence of a ranked practice in a sentence or two (no I/O), built from the
// citations of the hops that make the link (src/analysis/ranking.ts linkingHops) on the paths that
// decide its rank, and from the road the best of them takes. Sources are named as people cite them:
// "Eken et al. 2024" (an alias ending in a year), else authors and year, else the source's name.
import type { EntityModel } from '../domain/model.js';
import { pathConfidence } from './evidence.js';
import type { PathModel, RankedPracticeModel } from './models.js';
import { cmp } from './paths.js';
import { linkingHops, strengthOf } from './ranking.js';

/** How a source is named in a sentence: "Eken et al. 2024", "Bayram & Ahmed 2024", or its name. */
export function shortSourceName(source: EntityModel): string {
  const withYear = source.aliases.find((a) => /\b(19|20)\d{2}$/.test(a) && /\s/.test(a));
  if (withYear) return withYear;
  const authors = source.attributes['authors'];
  const year = source.attributes['year'];
  if (Array.isArray(authors) && authors.length > 0 && typeof year === 'number') {
    const surname = (a: unknown) => String(a).trim().split(/\s+/).pop() ?? String(a);
    if (authors.length === 1) return `${surname(authors[0])} ${year}`;
    if (authors.length === 2) return `${surname(authors[0])} & ${surname(authors[1])} ${year}`;
    return `${surname(authors[0])} et al. ${year}`;
  }
  return source.name;
}

/** Ids of the sources a ranked practice's `why` names (to load their names). */
export function sourcesOfWhy(r: RankedPracticeModel): string[] {
  const ids = new Set<string>();
  for (const p of r.paths) for (const h of linkingHops(p)) for (const c of h.citations) ids.add(c.source);
  return [...ids].sort();
}

const MAX_LOCATORS = 3;

/** "A (§1; §2)" for each source, joined as a list. */
function listed(entries: readonly { name: string; locators: readonly string[] }[]): string {
  const parts = entries.map((e) => (e.locators.length > 0 ? `${e.name} (${e.locators.slice(0, MAX_LOCATORS).join('; ')}${e.locators.length > MAX_LOCATORS ? '; …' : ''})` : e.name));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What an entity along the road is, in words. */
function stepWords(path: PathModel, i: number): string {
  const e = path.entities[i]!;
  const before = path.relations[i - 1]!;
  const after = path.relations[i]!;
  const name = `“${e.name}”`;
  switch (e.kind) {
    case 'CATEGORY':
      return `its category ${name}`;
    case 'PRINCIPLE':
      return `the principle ${name}`;
    case 'COMPONENT':
      return `the component ${name}`;
    case 'SOLUTION':
      return `the solution ${name}`;
    case 'PRACTICE':
      return before.type === 'CORRESPONDS_TO' ? `${name}, the same practice in another source's words` : name;
    case 'CHALLENGE':
      if (after.type === 'CORRESPONDS_TO') return `${name}, the same challenge in another source's words`;
      if (after.type === 'PARTLY_OVERLAPS') return `${name}, a challenge that partly overlaps it`;
      if (after.type === 'NARROWER_THAN') return after.from === e.id ? `${name}, a narrower challenge` : `${name}, a broader challenge`;
      return name;
    default:
      return `${e.kind.toLowerCase().replace(/_/g, ' ')} ${name}`;
  }
}

/** The road of the best path in words: "It addresses the challenge directly." or "Through …". */
function roadSentence(path: PathModel): string {
  if (path.length === 1) return 'It addresses the challenge directly.';
  const steps = path.entities.slice(1, -1).map((_, j) => stepWords(path, j + 1));
  return `Through ${steps.join(', then ')}.`;
}

/** How much of a source was read, where it was less than the whole text (Source.reading). */
export type PartReading = 'PARTIAL' | 'ABSTRACT_ONLY';

/**
 * One or two sentences: who makes the link and where (stated first, then what the curators infer),
 * then the road of the best path that decides the rank, then, where a source it rests on was read only
 * in part, that it was (what it says beyond that is not in the graph). `names`: source id -> short
 * name; `partlyRead`: source id -> how little of it was read, for the sources read only in part.
 */
export function whyOf(r: RankedPracticeModel, names: ReadonlyMap<string, string>, partlyRead: ReadonlyMap<string, PartReading> = new Map()): string {
  const firm = r.paths.filter((p) => pathConfidence(p) === r.confidence);
  const bySource = new Map<string, { stated: boolean; locators: string[] }>();
  for (const p of firm) {
    for (const hop of linkingHops(p)) {
      for (const c of hop.citations) {
        const entry = bySource.get(c.source) ?? { stated: false, locators: [] };
        entry.stated ||= c.confidence === 'STATED';
        if (!entry.locators.includes(c.locator)) entry.locators.push(c.locator);
        bySource.set(c.source, entry);
      }
    }
  }
  const entries = [...bySource].map(([id, e]) => ({ id, name: names.get(id) ?? id, ...e })).sort((a, b) => cmp(a.name, b.name));
  const stated = entries.filter((e) => e.stated);
  const inferred = entries.filter((e) => !e.stated);
  const who: string[] = [];
  // An INFERRED practice may still have a stated link on a road whose other hop is a reading.
  if (stated.length > 0 && r.confidence === 'INFERRED') who.push(`Stated by ${listed(stated)} on the hop that makes the link, but another hop of the road is the curators' reading (inferred)`);
  else if (stated.length > 0) who.push(`Stated by ${listed(stated)}`);
  if (inferred.length > 0) who.push(`${who.length > 0 ? 'inferred' : 'Inferred'} by the curators from ${listed(inferred)}`);
  // Beside a stated road, the curators' direct reading (INFERRED) says the practice itself is meant.
  if (r.confidence === 'STATED' && r.inferredStrength === 'DIRECT' && r.strength !== 'DIRECT') {
    const direct = r.paths.filter((p) => p.length === 1 && pathConfidence(p) === 'INFERRED').flatMap((p) => p.relations[0]!.citations);
    const sources = [...new Set(direct.map((c) => c.source))].sort();
    const read = sources.map((id) => ({ name: names.get(id) ?? id, locators: [...new Set(direct.filter((c) => c.source === id).map((c) => c.locator))] }));
    if (read.length > 0) who.push(`the curators also read a direct link in ${listed(read)}`);
  }
  const first = who.length > 0 ? `${who.join('; ')}.` : 'No citation on the link itself.';
  const best = [...firm].filter((p) => strengthOf(p) === r.strength).sort((a, b) => a.length - b.length)[0];
  const said = best ? `${first} ${roadSentence(best)}` : first;
  const partial = entries.filter((e) => partlyRead.has(e.id)).map((e) => (partlyRead.get(e.id) === 'ABSTRACT_ONLY' ? `only the abstract of ${e.name}` : `only part of ${e.name}`));
  return partial.length > 0 ? `${said} Of the sources, ${partial.join(' and ')} could be read: the rest of what they say is not in the graph.` : said;
}
