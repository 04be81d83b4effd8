// Query limits, all checked before execution: tokens (lexer), depth, aliases and directives
// (GraphQL Armor's validation rules), and a GitHub-style node count (graphql-query-complexity).
// Every refusal is a GraphQL error with code QUERY_LIMIT_EXCEEDED and extensions naming the limit,
// the allowed value and the query's value (see refusal()).
import { GraphQLError, Kind, Lexer, getIntrospectionQuery, parse, isLeafType, Source, TokenKind, getNamedType, getNullableType, isListType, type GraphQLField, type GraphQLSchema, type ValidationContext, type ValidationRule, type DocumentNode } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Limits } from '../config/settings.js';
import { introspectionEstimator } from './document-check.js';
import { ErrorCode } from '../domain/error-codes.js';

export type LimitName = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens' | 'bodyBytes' | 'batch' | 'pageSize' | 'selections' | 'repeatedFields';


/** The refusal every limit gives: one message shape, one code, the numbers in extensions. */
export function refusal(limit: LimitName, allowed: number, actual: number | string, what: string): GraphQLError {
  if (limit === 'pageSize') {
    return new GraphQLError(`Invalid argument first: ${what} is ${actual}, expected an integer from 1 to ${allowed} (${limit}).`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: 'first', limit, allowed, actual, http: { status: 400 } },
    });
  }
  return new GraphQLError(`Query refused: ${what} is ${actual}, over the limit of ${allowed} (${limit}).`, {
    extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit, allowed, actual, http: { status: 400 } },
  });
}

/** Armor rules report through onReject; the found value is in their message ("found N"). */
type ArmorRule = (options: {
  n: number;
  propagateOnRejection: boolean;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
}) => ValidationRule;

function armorRule(
  rule: ArmorRule,
  limit: LimitName,
  n: number,
  what: string,
  extra: Record<string, unknown> = {},
): ValidationRule {
  return rule({
    n,
    ...extra,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(refusal(limit, n, found ? Number(found) : 'too large', what));
      },
    ],
  });
}

export function limitValidationRules(limits: Limits): ValidationRule[] {
  return [
    armorRule(maxDepthRule as ArmorRule, 'depth', limits.maxDepth, 'the depth of the query', { flattenFragments: true, ignoreIntrospection: true }),
    armorRule(maxAliasesRule as ArmorRule, 'aliases', limits.maxAliases, 'the number of aliases'),
    armorRule(maxDirectivesRule as ArmorRule, 'directives', limits.maxDirectives, 'the number of directives'),
  ];
}

/** Counts the tokens of a query with graphql-js's own lexer, before anything is parsed. */
export function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      n += 1;
      if (n > stopAfter) break;
    }
  } catch {
    // A syntax error: the parser will report it properly; the count so far is what we have.
  }
  return n;
}

export function checkTokens(query: unknown, limits: Limits): GraphQLError | undefined {
  if (typeof query !== 'string') return undefined;
  // Counting stops a little past the limit: the message says "more than" then.
  const n = countTokens(query, limits.maxTokens * 10);
  if (n > limits.maxTokens) return refusal('tokens', limits.maxTokens, n > limits.maxTokens * 10 ? `more than ${limits.maxTokens * 10}` : n, 'the number of tokens');
  return undefined;
}

/**
 * GitHub's way of counting: a field with a `first` argument returns up to `first` items, each with
 * its own sub-selection, so nested page sizes multiply. Other lists count as one item each.
 */
export const MAX_PAGE_SIZE = 100;

const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (typeof args.first === 'number' && (args.first < 1 || args.first > MAX_PAGE_SIZE)) {
    // Page sizes are checked here, before execution; resolvers check their own tighter ranges.
    throw refusal('pageSize', MAX_PAGE_SIZE, args.first, `first on ${field.name}`);
  }
  const first = typeof args.first === 'number' ? args.first : defaultFirst(field);
  if (first !== undefined) return first * (1 + childComplexity);
  if (isListType(getNullableType(field.type))) return 1 + childComplexity;
  return isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity;
};

function defaultFirst(field: GraphQLField<unknown, unknown>): number | undefined {
  const arg = field.args.find((a) => a.name === 'first');
  return typeof arg?.defaultValue === 'number' ? arg.defaultValue : undefined;
}

/**
 * Costs already computed, per parsed document (Apollo keeps one DocumentNode per query text in its
 * document store, so a dashboard's repeated query is the same object) and per operation + variables.
 * Walking a document with its type info costs more than the small queries it guards; dashboards send
 * the same few queries again and again. Refusals (thrown) are not cached: they are recomputed.
 */
const costCache = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 64;

export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  let costs = costCache.get(document);
  const known = costs?.get(key);
  if (known !== undefined) return known;
  // Only the operation that runs (and the fragments): graphql-query-complexity reads the name of every
  // operation it meets, and an anonymous one beside the named one asked for would crash it.
  const query = operationName ? { ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d.name?.value === operationName) } : document;
  const cost = getComplexity({ schema, query, variables, estimators: [introspectionEstimator(schema, introspectionFloor(schema)), pageSizeEstimator] });
  if (!costs) costCache.set(document, (costs = new Map()));
  // Many variable sets for one document (a paging client): start over rather than grow without bound.
  if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
  costs.set(key, cost);
  return cost;
}

const floors = new WeakMap<GraphQLSchema, number>();

/** What graphql-js's full introspection query (GraphiQL's, codegen's) costs: the least a `__schema` counts. */
function introspectionFloor(schema: GraphQLSchema): number {
  let floor = floors.get(schema);
  if (floor === undefined) {
    floor = getComplexity({ schema, query: parse(getIntrospectionQuery()), estimators: [introspectionEstimator(schema, 0), pageSizeEstimator] });
    floors.set(schema, floor);
  }
  return floor;
}

/**
 * What the cost check throws, as the client should see it. graphql-query-complexity throws a plain
 * GraphQLError (no code) past its own node count (fragments that spread each other exponentially),
 * and when the variables do not fit the operation: both are the request's fault, so a refusal
 * (QUERY_LIMIT_EXCEEDED) and BAD_USER_INPUT, never a 500. Anything else is a bug and stays as it is.
 */
export function costFailure(e: unknown, limits: Limits): unknown {
  if (!(e instanceof GraphQLError) || e.extensions.code !== undefined) return e;
  if (/maximum allowed number of nodes/.test(e.message)) {
    return refusal('cost', limits.maxCost, 'too large to count', 'the number of nodes the query may return (its fragments expand past what can be counted)');
  }
  if (/^Variable "\$/.test(e.message)) return new GraphQLError(e.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
  return e;
}
