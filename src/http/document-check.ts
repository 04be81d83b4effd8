// Cost before work: what would cost much to validate is refused before graphql-js validates it, and
// what a document's parse and validation concluded is kept per document, so that a repeat costs a map
// lookup.
//
// - graphql-js's OverlappingFieldsCanBeMerged compares every pair of same-named fields of a selection
//   set: a 9.5 KB query repeating one field thousands of times took 230-290 ms of CPU to be refused.
//   So, counted on the parsed document before any validation: selections in the document (fields,
//   fragment spreads, inline fragments; MAX_SELECTIONS) and how often one response name repeats in one
//   selection set (REPEATED_FIELD_LIMIT). A walk of the syntax tree: linear, microseconds.
// - Introspection is counted by the cost limit as the nodes it would return (introspectionEstimator).
// - Outcomes are kept per query text (an LRU bounded by entries and bytes): the checks above (passed or
//   refused), and the refusals Apollo's own parse and validation gave (replayed as they were sent).
//   Apollo keeps valid documents itself (its document store); invalid ones it would parse and validate
//   again each time.
import { GraphQLError, Kind, parse, visit, isListType, getNullableType, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../domain/error-codes.js';
import { refusal } from './limits.js';
import type { SharedAnswer } from './single-flight.js';

/** One response name may appear this often in one selection set (merging duplicates is legal, repeating one 10+ times is not useful). */
export const REPEATED_FIELD_LIMIT = 10;

/**
 * An operation type the schema does not serve (the API only reads: no mutation, no subscription), as a
 * validation error (graphql-js 17's KnownOperationTypes rule; graphql 16 would fail it at execution,
 * without a code). `operationType` in extensions names it.
 */
function unservedOperation(document: DocumentNode): GraphQLError | undefined {
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query') {
      return new GraphQLError(`This API serves queries only: the schema has no ${d.operation} type, so ${d.operation} operations are not served.`, {
        extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, operationType: d.operation },
      });
    }
  }
  return undefined;
}

/** The selection counts of a document, or the refusal they earn. */
export function checkSelections(document: DocumentNode, maxSelections: number): GraphQLError | undefined {
  let selections = 0;
  let repeated: { name: string; count: number } | undefined;
  visit(document, {
    SelectionSet(node: SelectionSetNode) {
      selections += node.selections.length;
      const seen = new Map<string, number>();
      for (const s of node.selections) {
        // A field under @skip or @include may well repeat (each copy under its own condition).
        if (s.kind !== Kind.FIELD || s.directives?.length) continue;
        const name = s.alias?.value ?? s.name.value;
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        if (n > REPEATED_FIELD_LIMIT && (!repeated || n > repeated.count)) repeated = { name, count: n };
      }
    },
  });
  if (selections > maxSelections) return refusal('selections', maxSelections, selections, 'the number of selections (fields, fragment spreads and inline fragments) in the document');
  if (repeated) return refusal('repeatedFields', REPEATED_FIELD_LIMIT, repeated.count, `the number of times "${repeated.name}" is asked for in one selection set`);
  return undefined;
}

/** What is kept per query text. */
type Outcome = { readonly kind: 'checked'; readonly refusal?: GraphQLError } | { readonly kind: 'refused'; readonly byAccept: Map<string, SharedAnswer> };

export class DocumentOutcomes {
  private readonly entries = new Map<string, Outcome>();
  private bytes = 0;

  constructor(
    private readonly maxSelections: number,
    private readonly maxTokens: number,
    private readonly maxEntries = 2_000,
    private readonly maxBytes = 8 * 1024 * 1024,
  ) {}

  /** The refusal of our own checks for `query` (parsed once per query text), or undefined when it passes or does not parse (Apollo says why). */
  check(query: string): GraphQLError | undefined {
    const known = this.get(query);
    if (known?.kind === 'refused') return undefined;
    if (known) return known.refusal;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true, maxTokens: this.maxTokens });
    } catch {
      return undefined;
    }
    const found = unservedOperation(document) ?? checkSelections(document, this.maxSelections);
    this.set(query, found ? { kind: 'checked', refusal: found } : { kind: 'checked' });
    return found;
  }

  /** Apollo's refusal of this document (parse or validation), as sent to a client with this Accept. */
  refused(query: string, accept: string): SharedAnswer | undefined {
    const known = this.get(query);
    return known?.kind === 'refused' ? known.byAccept.get(accept) : undefined;
  }

  /** Keeps Apollo's refusal of a document: the same text always earns the same refusal. */
  keepRefusal(query: string, accept: string, answer: SharedAnswer): void {
    const known = this.get(query);
    const byAccept = known?.kind === 'refused' ? known.byAccept : new Map<string, SharedAnswer>();
    if (byAccept.size >= 4) return;
    byAccept.set(accept, answer);
    this.set(query, { kind: 'refused', byAccept });
  }

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private get(query: string): Outcome | undefined {
    const e = this.entries.get(query);
    if (e) {
      this.entries.delete(query);
      this.entries.set(query, e);
    }
    return e;
  }

  private set(query: string, outcome: Outcome): void {
    if (this.entries.has(query)) this.entries.delete(query);
    else this.bytes += query.length;
    this.entries.set(query, outcome);
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= k.length;
    }
  }
}

/** Graphql-js's codes for a document that does not parse or validate (the same text, the same refusal). */
export const DOCUMENT_REFUSAL_CODES: ReadonlySet<string> = new Set([ErrorCode.GRAPHQL_PARSE_FAILED, ErrorCode.GRAPHQL_VALIDATION_FAILED]);

/** Per schema: how many items each introspection list returns on average (types, fields, args...). */
const introspectionSizes = new WeakMap<GraphQLSchema, Record<string, number>>();

function sizesOf(schema: GraphQLSchema): Record<string, number> {
  let sizes = introspectionSizes.get(schema);
  if (sizes) return sizes;
  const types = Object.values(schema.getTypeMap());
  let fields = 0;
  let args = 0;
  let withFields = 0;
  let enumValues = 0;
  let enums = 0;
  for (const t of types) {
    if ('getFields' in t) {
      const f = Object.values(t.getFields());
      withFields += 1;
      fields += f.length;
      for (const x of f) args += 'args' in x ? x.args.length : 0;
    }
    if ('getValues' in t) {
      enums += 1;
      enumValues += t.getValues().length;
    }
  }
  const avg = (n: number, d: number) => Math.max(1, Math.ceil(n / Math.max(1, d)));
  sizes = {
    types: types.length,
    directives: schema.getDirectives().length,
    fields: avg(fields, withFields),
    inputFields: avg(fields, withFields),
    args: avg(args, fields),
    enumValues: avg(enumValues, enums),
    interfaces: 2,
    possibleTypes: avg(types.length, 4),
  };
  introspectionSizes.set(schema, sizes);
  return sizes;
}

/**
 * Introspection counted by the cost limit: a list of the introspection types (`__Schema.types`,
 * `__Type.fields`...) counts as many items as it holds on average in this schema, each with its own
 * sub-selection, as page sizes do elsewhere; and each `__schema` counts at least as much as the full
 * introspection query GraphiQL sends (about 60,000 with today's schema: eight fit under MAX_COST, thirty
 * aliased ones do not). Other fields fall through to the next estimator.
 */
export function introspectionEstimator(schema: GraphQLSchema, schemaFloor: number): ComplexityEstimator {
  return ({ type, field, childComplexity }) => {
    if (field.name === '__schema') return Math.max(1 + childComplexity, schemaFloor);
    if (!type.name.startsWith('__') || !isListType(getNullableType(field.type))) return undefined;
    const n = sizesOf(schema)[field.name] ?? 1;
    return n * (1 + childComplexity);
  };
}
