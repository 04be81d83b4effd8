// "Did you mean": the known ids nearest to an unknown one (no I/O). Ids are `<prefix>:<slug>`; the slug's
// words are compared as a person would mistype or half-remember them: the whole slug by edit distance,
// and the words they share (challenge:data-drift finds challenge:concept-drift... and the drift ones).
import { distance } from 'fastest-levenshtein';

const slugOf = (id: string) => id.slice(id.indexOf(':') + 1).toLowerCase();
const wordsOf = (slug: string) => new Set(slug.split(/[^a-z0-9]+/).filter((w) => w.length > 0));

/** How far `known` is from `asked` (smaller is nearer): edit distance of the slugs, less a bonus per shared word. */
function remoteness(asked: string, known: string): number {
  const a = slugOf(asked);
  const k = slugOf(known);
  const shared = [...wordsOf(a)].filter((w) => wordsOf(k).has(w) || [...wordsOf(k)].some((x) => x.startsWith(w) || w.startsWith(x))).length;
  return distance(a, k) / Math.max(a.length, k.length, 1) - shared;
}

/** Up to `max` of `known` nearest to `asked`, nearest first (ties by id); only those that share something. */
export function nearestIds(asked: string, known: readonly string[], max = 5): string[] {
  return known
    .map((id) => ({ id, r: remoteness(asked, id) }))
    .filter((x) => x.r < 0.6)
    .sort((x, y) => x.r - y.r || (x.id < y.id ? -1 : 1))
    .slice(0, max)
    .map((x) => x.id);
}
