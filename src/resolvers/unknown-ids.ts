// The refusal of an id that names nothing of the kind asked: BAD_USER_INPUT that says which ids are
// unknown and, for each, the nearest known ids of the expected kind ("did you mean"), also in
// extensions.suggestions for clients: ids whose slug is nearest (a typo, a shared word), then the
// entities a search for the slug's words finds (challenge:data-drift -> the challenges whose names,
// aliases or summaries speak of drift). A few extra round trips, only on this error path.
import { GraphQLError } from 'graphql';
import { luceneQuery } from '../analysis/search-query.js';
import { rankCandidates } from '../analysis/search-rank.js';
import { nearestIds } from '../analysis/suggest.js';
import { quoted } from '../domain/arguments.js';
import { ErrorCode } from '../domain/error-codes.js';
import type { EntityKind } from '../domain/ontology.js';
import { idsOfKinds } from '../repos/entities.js';
import { searchEntities } from '../repos/search.js';
import type { RequestContext } from '../graphql/context.js';

/**
 * Refuses `unknown` ids of argument `argument` (expected: `kinds`, null for any kind). `what` names the
 * expected kind in the message, e.g. "CHALLENGE". Always throws.
 */
export async function refuseUnknownIds(ctx: RequestContext, argument: string, unknown: readonly string[], kinds: readonly EntityKind[] | null, what: string): Promise<never> {
  const known = await idsOfKinds(ctx.db, kinds);
  const shown = unknown.slice(0, 10);
  const suggestions: Record<string, string[]> = {};
  for (const [i, id] of shown.entries()) {
    // Suggestions are a courtesy: a long or odd id is compared by its start, and a failed search
    // (the index refusing an odd term, Neo4j away) leaves only the slug's nearest ids.
    const asked = id.slice(0, MAX_COMPARED);
    const byName = i < MAX_SEARCHED ? await searchedIds(ctx, asked, kinds).catch(() => []) : [];
    suggestions[id] = [...new Set([...nearestIds(asked, known), ...byName])].slice(0, MAX_SUGGESTIONS);
  }
  const parts = shown.map((id) => {
    const near = suggestions[id]!;
    return near.length > 0 ? `${quoted(id)} (did you mean ${near.map((n) => quoted(n)).join(', ')}?)` : quoted(id);
  });
  throw new GraphQLError(`Invalid argument ${argument}: not the id of any ${what}: ${parts.join('; ')}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: argument, suggestions },
  });
}

const MAX_SUGGESTIONS = 5;
/** Characters of an unknown id compared with the known ones. */
const MAX_COMPARED = 80;
/** Unknown ids whose words are also searched for (each search is a round trip). */
const MAX_SEARCHED = 3;

/** The ids a search for the words of `id`'s slug finds among `kinds`. */
async function searchedIds(ctx: RequestContext, id: string, kinds: readonly EntityKind[] | null): Promise<string[]> {
  const words = id.slice(id.indexOf(':') + 1).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const query = luceneQuery(words);
  if (query === null) return [];
  const hits = rankCandidates(words, await searchEntities(ctx.db, query, kinds, 20), MAX_SUGGESTIONS);
  return hits.map((h) => h.entity.id);
}
