// Cost before work, on the schema alone: introspection counted by the cost limit, and the selection
// counts that refuse a document before graphql-js validates it.
import { describe, expect, it } from 'vitest';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getIntrospectionQuery, parse } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { queryCost } from '../../src/http/limits.js';
import { checkSelections, DocumentOutcomes } from '../../src/http/document-check.js';
import { parseSettings } from '../../src/config/settings.js';

const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
const { maxCost, maxSelections } = parseSettings({}).limits;
const small = '__schema { types { name } }';

describe('introspection in the cost limit', () => {
  it("lets GraphiQL's full introspection query through, with room to spare", () => {
    const cost = queryCost(schema, parse(getIntrospectionQuery()), {});
    expect(cost).toBeGreaterThan(1_000);
    expect(cost).toBeLessThan(maxCost / 4);
  });

  it('counts each __schema at least as a full introspection: thirty aliased ones are over the limit', () => {
    const one = queryCost(schema, parse(`{ ${small} }`), {});
    expect(one).toBe(queryCost(schema, parse(getIntrospectionQuery()), {}));
    const thirty = queryCost(schema, parse(`{ ${Array.from({ length: 30 }, (_, i) => `s${i}: ${small}`).join(' ')} }`), {});
    expect(thirty).toBeGreaterThan(maxCost);
  });
});

describe('selection counts', () => {
  it('refuses too many selections and one name repeated in one selection set, not an ordinary query', () => {
    expect(checkSelections(parse('{ stats { entities relations } practices(first: 3) { nodes { id name } } }'), maxSelections)).toBeUndefined();
    expect(checkSelections(parse(`{ ${'stats { entities } '.repeat(400)} }`), maxSelections)?.extensions).toMatchObject({ limit: 'selections', actual: 800 });
    expect(checkSelections(parse(`{ stats { ${'entities '.repeat(12)}} }`), maxSelections)?.extensions).toMatchObject({ limit: 'repeatedFields', actual: 12 });
  });

  it('refuses operation types the API does not serve, once per query text', () => {
    const outcomes = new DocumentOutcomes(maxSelections, 5_000);
    expect(outcomes.check('mutation { x }')?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', operationType: 'mutation' });
    expect(outcomes.check('subscription { x }')?.extensions).toMatchObject({ operationType: 'subscription' });
    expect(outcomes.check('{ stats { entities } }')).toBeUndefined();
    expect(outcomes.size.entries).toBe(3);
    outcomes.check('mutation { x }');
    expect(outcomes.size.entries).toBe(3);
  });
});
