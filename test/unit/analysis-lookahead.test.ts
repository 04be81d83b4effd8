// The analysis queries read only the entity properties their selection asks for
// (src/loaders/analysis-lookahead.ts): which properties a selection needs, and when it must read all.
import { buildSchema, graphql, type GraphQLFieldResolver } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { analysisEntityProps } from '../../src/loaders/analysis-lookahead.js';

const schema = buildSchema(loadTypeDefs().join('\n'));

/** The props the look-ahead gives for the root field of `query` (with `needed`), answered by the field's resolver. */
async function propsOf(query: string, needed: readonly string[] = []): Promise<string[] | null | undefined> {
  let seen: string[] | null | undefined;
  const fields = schema.getQueryType()!.getFields();
  const capture: GraphQLFieldResolver<unknown, unknown> = (_parent, _args, _ctx, info) => {
    seen = analysisEntityProps(info, needed);
    return null;
  };
  for (const name of ['practicesAddressing', 'paths', 'search', 'coverage', 'recommendStack']) fields[name]!.resolve = capture;
  const res = await graphql({ schema, source: query });
  // Non-null roots answered null: the only error is that one; anything else is a mistake in the query.
  for (const e of res.errors ?? []) expect(e.message).toMatch(/Cannot return null/);
  return seen;
}

describe('which entity properties an analysis query reads', () => {
  it('ids and names: only those (the analysis needs add theirs)', async () => {
    expect(await propsOf('{ practicesAddressing(challengeId: "c") { score practice { id name } } }')).toEqual(['id', 'name']);
    expect(await propsOf('{ search(text: "x") { score entity { id kind name } } }', ['aliases'])).toEqual(['aliases', 'id', 'kind', 'name']);
  });

  it('what the selection asks of an entity anywhere under the field, through fragments', async () => {
    const q = `{ coverage(toolIds: ["tool:a"]) { tools { ...T } cells { practice { summary } } } }
      fragment T on Entity { name ... on Tool { toolType citations { locator } } }`;
    expect(await propsOf(q, ['toolType'])).toEqual(['citationsJson', 'name', 'summary', 'toolType']);
    expect(await propsOf('{ search(text: "x") { entity { ... on Source { year } } } }')).toEqual(['attributesJson']);
  });

  it('relation fields and links of an entity are not its properties (the links loader reads them)', async () => {
    const q = '{ practicesAddressing(challengeId: "c") { practice { id tools { node { summary } } links { node { summary } } } } }';
    expect(await propsOf(q)).toEqual(['id']);
  });

  it('a reference by id asked only its id costs nothing; asked more, everything is read (and primed)', async () => {
    expect(await propsOf('{ paths(fromId: "a", toId: "b") { paths { entities { id } relations { from { id } to { __typename } } } } }')).toEqual(['id']);
    expect(await propsOf('{ paths(fromId: "a", toId: "b") { paths { relations { from { name } } } } }')).toBeNull();
    expect(await propsOf('{ practicesAddressing(challengeId: "c") { citations { source { name } } } }')).toBeNull();
  });
});
