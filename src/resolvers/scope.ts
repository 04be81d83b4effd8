// Query.scopeNotes: what the graph's sources do not cover, for a text (src/analysis/scope.ts). Pure:
// no read of the graph, so a client can ask it beside `search` at no cost.
import { badInput } from '../domain/arguments.js';
import { scopeNotes, type ScopeNoteModel } from '../analysis/scope.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { MAX_SEARCH_TEXT } from './analysis.js';

export function scopeQueryResolvers() {
  return {
    scopeNotes: (_parent, args): ScopeNoteModel[] => {
      const text = args.text.trim();
      if (text === '') throw badInput('text', 'must not be blank');
      if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `at most ${MAX_SEARCH_TEXT} characters, got ${text.length}`);
      return scopeNotes(text);
    },
  } satisfies QueryResolvers;
}
