// A reference field whose selection asks for nothing but the id (and __typename or kind) is answered
// from the reference itself: an id names its kind (src/domain/ontology.ts), so no round trip is
// needed to say `citations { source { id } }` or `relation { from { id } }`.
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { kindOfId } from '../domain/ontology.js';
import type { EntityModel } from '../domain/model.js';
import { FROM_THE_ID } from '../domain/reference-fields.js';

function onlyIdFields(selections: readonly SelectionNode[]): boolean {
  return selections.every((s) => s.kind === Kind.FIELD && FROM_THE_ID.has(s.name.value) && !s.arguments?.length && !s.directives?.length);
}

/** Whether every occurrence of this field selects only id, kind or __typename. */
export function asksOnlyId(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((f) => f.selectionSet !== undefined && onlyIdFields(f.selectionSet.selections));
}

/** An entity known only by its id: enough for id, kind and the type (never for other fields). */
export function entityRef(id: string): EntityModel | null {
  const kind = kindOfId(id);
  if (!kind) return null;
  return { id, kind, name: '', summary: null, descriptions: [], toolType: null, aliases: [], attributes: {}, confidence: 'STATED', citations: [] };
}
