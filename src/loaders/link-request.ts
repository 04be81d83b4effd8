// What a relation field asks the links loader for: the same request whether the field's resolver
// asks (src/resolvers/entity.ts) or the look-ahead plans it (src/loaders/prefetch.ts).
import { intInRange } from '../domain/arguments.js';
import type { LinkFieldSpec } from '../domain/link-fields.js';

export interface LinkRequest {
  readonly id: string;
  /** Relation types to follow; null follows every type. */
  readonly types: readonly string[] | null;
  readonly direction: 'OUT' | 'IN' | 'BOTH';
  /** Kind of the entity at the other end; null accepts any. */
  readonly kind: string | null;
  readonly first: number;
}

/** The loader request of a typed relation field; the look-ahead plans with the same `first`. */
export function typedLinkRequest(id: string, spec: LinkFieldSpec, args: { first?: number | null }): LinkRequest {
  return {
    id,
    types: [...spec.types].sort(),
    direction: spec.direction,
    kind: spec.kind,
    first: intInRange('first', args.first, 1, 100, 50),
  };
}
