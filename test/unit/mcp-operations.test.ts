// The MCP tools are the operation files under mcp/operations/: each must validate against the SDL of
// schema/*.graphql (a schema change that removes or retypes a field a tool uses fails here), select
// confidence, locator and url on every citation, and give every argument a description.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getNamedType, parse, TypeInfo, validate, visit, visitWithTypeInfo, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, sdlSchema } from '../../src/mcp/catalogue.js';
import { leadingComment, OPERATIONS_DIR, readOperation, toolNameOf } from '../../src/mcp/operations.js';
import { summarize } from '../../src/mcp/summary.js';
import { errorResult, narrowingHint, toolErrorOf } from '../../src/mcp/result.js';

const schema = sdlSchema();
const files = readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql')).sort();

describe('MCP operation files', () => {
  it('are there, one tool each', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    const tools = buildCatalogue(schema).tools.map((t) => t.op.toolName);
    expect(tools).toEqual(expect.arrayContaining(['find_entities', 'get_entity', 'practices_addressing', 'coverage', 'recommend_stack', 'explain_path']));
    expect(new Set(tools).size).toBe(tools.length);
  });

  it.each(files)('%s validates against schema/*.graphql', (file) => {
    const text = readFileSync(path.join(OPERATIONS_DIR, file), 'utf8');
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });

  it.each(files)('%s holds one named query, described on top, named as its file', (file) => {
    const op = readOperation(file, readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'));
    expect(op.operation.operation).toBe('query');
    expect(op.description.length).toBeGreaterThan(40);
    expect(op.toolName.replace(/_/g, '-')).toBe(file.replace(/\.graphql$/, ''));
  });

  it.each(files)('%s selects confidence, locator and url on every citation', (file) => {
    const document = parse(readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'));
    const typeInfo = new TypeInfo(schema);
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
    const selected = (node: FieldNode): string[] =>
      (node.selectionSet?.selections ?? []).flatMap((s) =>
        s.kind === 'Field' ? [s.name.value] : s.kind === 'FragmentSpread' ? (fragments.get(s.name.value)?.selectionSet.selections ?? []).flatMap((f) => (f.kind === 'Field' ? [f.name.value] : [])) : [],
      );
    const citations: string[][] = [];
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const type = typeInfo.getType();
          if (type && getNamedType(type).name === 'Citation') citations.push(selected(node));
        },
      }),
    );
    for (const fields of citations) expect(fields).toEqual(expect.arrayContaining(['confidence', 'locator', 'url']));
  });

  it('derive input schemas from the variables: required, types, enums, defaults and the SDL descriptions', () => {
    const catalogue = buildCatalogue(schema);
    for (const tool of catalogue.tools) {
      const props = tool.inputSchema.properties ?? {};
      expect(Object.keys(props).length, tool.op.toolName).toBeGreaterThan(0);
      for (const [name, p] of Object.entries(props)) expect(p.description, `${tool.op.toolName}.${name}`).toBeTruthy();
    }
    const find = catalogue.tool('find_entities')!.inputSchema;
    expect(find.required).toEqual(['text']);
    expect(find.properties!.text!.type).toBe('string');
    expect(find.properties!.first).toMatchObject({ type: 'integer', default: 10 });
    expect(find.properties!.kinds!.items!.enum).toEqual(expect.arrayContaining(['CHALLENGE', 'TOOL', 'PRACTICE']));
    expect(find.additionalProperties).toBe(false);
    const stack = catalogue.tool('recommend_stack')!.inputSchema;
    expect(stack.required).toEqual(['challengeIds']);
    expect(stack.properties!.challengeIds).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(stack.properties!.toolTypes!.default).toEqual(['PRODUCT']);
    // The SDL's own words for the argument the variable feeds.
    const sdlArg = schema.getQueryType()!.getFields().practicesAddressing!.args.find((a) => a.name === 'challengeId')!;
    expect(catalogue.tool('practices_addressing')!.inputSchema.properties!.challengeId!.description).toContain(sdlArg.description!);
  });

  it('refuse a file that no longer validates against the SDL, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-ops-'));
    writeFileSync(path.join(dir, 'old-field.graphql'), '# Asks for a field the schema does not have (any more).\nquery OldField($id: ID!) { entity(id: $id) { id removedField } }\n');
    expect(() => buildCatalogue(schema, dir)).toThrow(/old-field\.graphql does not validate.*removedField/);
  });

  it('refuse a file without a description, a name or a single query', () => {
    expect(() => readOperation('a.graphql', 'query A { stats { entities } }')).toThrow(/comment/);
    expect(() => readOperation('a.graphql', '# Counts.\nquery { stats { entities } }')).toThrow(/name/);
    expect(() => readOperation('a.graphql', '# Two.\nquery A { stats { entities } }\nquery B { stats { relations } }')).toThrow(/exactly one/);
  });
});

describe('MCP helpers', () => {
  it('name tools in snake_case and read the leading comment', () => {
    expect(toolNameOf('FindEntities')).toBe('find_entities');
    expect(toolNameOf('Coverage')).toBe('coverage');
    expect(toolNameOf('CompareToolsForMLOps')).toBe('compare_tools_for_ml_ops');
    expect(leadingComment('# One line\n#  and two.\nquery A { x }\n# not this')).toBe('One line and two.');
  });

  it('summarize an answer by names and ids, for any shape', () => {
    const text = summarize('find_entities', { search: [{ score: 3, entity: { id: 'tool:mlflow', name: 'MLflow', confidence: 'STATED' } }, { score: 1, entity: { id: 'tool:feast', name: 'Feast' } }] });
    expect(text).toContain('search: 2 entries: MLflow (tool:mlflow)');
    expect(text).toContain('Feast (tool:feast)');
    const paths = summarize('explain_path', { paths: { reason: 'no path within 1 hop', paths: [] } });
    expect(paths).toContain('reason: no path within 1 hop');
    expect(paths).toContain('paths: 0 entries');
  });

  it('say how to ask for less, from the operation\'s own variables', () => {
    const op = buildCatalogue(schema).tool('coverage')!.op;
    expect(narrowingHint(op, {})).toMatch(/narrow with toolIds, practiceIds, toolTypes, toolSourceIds, minConfidence/);
    const find = buildCatalogue(schema).tool('find_entities')!.op;
    expect(narrowingHint(find, { first: 50 })).toContain('a smaller first (now 50)');
  });
});

describe('MCP summaries of each answer shape', () => {
  it('name an entity with its counts, cells by tool and practice, and paths by their entities', () => {
    expect(summarize('get_entity', { entity: { id: 'tool:mlflow', name: 'MLflow', confidence: 'STATED', citations: [{}, {}], links: [{}] } })).toContain('entity: MLflow (tool:mlflow), STATED; citations: 2; links: 1');
    const cells = summarize('coverage', { coverage: { cells: [{ tool: { id: 'tool:a', name: 'A' }, practice: { id: 'practice:b', name: 'B' }, confidence: 'INFERRED' }], uncoveredPractices: [] } });
    expect(cells).toContain('cells: 1 entry: A (tool:a) -> B (practice:b), INFERRED');
    expect(cells).toContain('uncoveredPractices: 0 entries');
    const path = summarize('explain_path', { paths: { reason: null, paths: [{ length: 1, confidence: 'STATED', entities: [{ id: 'tool:a', name: 'A' }, { id: 'challenge:c', name: 'C' }], relations: [] }] } });
    expect(path).toContain('paths: 1 entry: A (tool:a) -> C (challenge:c), STATED');
  });
});

describe('MCP output schemas', () => {
  const catalogue = buildCatalogue(schema);

  it('describe the data of each operation with the SDL\'s field descriptions', () => {
    for (const tool of catalogue.tools) {
      expect(tool.outputSchema.type, tool.op.toolName).toBe('object');
      expect(Object.keys(tool.outputSchema.properties ?? {}).length, tool.op.toolName).toBeGreaterThan(0);
    }
    const search = catalogue.tool('find_entities')!.outputSchema.properties!.search!;
    expect(search).toMatchObject({ type: 'array', items: { type: 'object', required: ['score', 'entity'] } });
    const entity = search.items!.properties!.entity!;
    expect(entity.properties!.id).toMatchObject({ type: 'string' });
    expect(entity.properties!.summary!.type).toEqual(['string', 'null']);
    expect(entity.properties!.confidence).toMatchObject({ type: 'string', enum: ['STATED', 'INFERRED'] });
    const scoreField = schema.getQueryType()!.getFields().practicesAddressing!;
    const ranked = catalogue.tool('practices_addressing')!.outputSchema.properties!.practicesAddressing!.items!;
    expect(ranked.properties!.score!.description).toBe((scoreField.type as unknown as { ofType: { ofType: { ofType: { getFields(): Record<string, { description: string }> } } } }).ofType.ofType.ofType.getFields().score!.description);
  });

  it('make a nullable root nullable, and a field under a type condition optional', () => {
    const entity = catalogue.tool('get_entity')!.outputSchema.properties!.entity!;
    expect(entity.type).toEqual(['object', 'null']);
    expect(entity.properties!.toolType).toMatchObject({ type: 'string' });
    expect(entity.required).toEqual(expect.arrayContaining(['id', 'name', 'citations', 'links']));
    expect(entity.required).not.toContain('toolType');
    const citation = entity.properties!.citations!.items!;
    expect(citation.required).toEqual(expect.arrayContaining(['locator', 'confidence', 'url']));
    expect(citation.properties!.url!.type).toEqual(['string', 'null']);
  });
});

describe('MCP tool errors', () => {
  it('report an outage first, saying to retry, and keep the API\'s suggestions', () => {
    const errors = [
      { message: 'Invalid argument challengeId: not the id of any CHALLENGE: "challenge:x" (did you mean "challenge:y"?)', extensions: { code: 'BAD_USER_INPUT', argumentName: 'challengeId', suggestions: { 'challenge:x': ['challenge:y'] } } },
      { message: 'The graph database is unavailable right now; retry in a few seconds.', extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ];
    const outage = errorResult(toolErrorOf(errors));
    expect(outage.isError).toBe(true);
    expect((outage.content[0] as { text: string }).text).toMatch(/^SERVICE_UNAVAILABLE: .*\nThis is temporary: retry/s);
    const bad = errorResult(toolErrorOf(errors.slice(0, 1)));
    expect(bad.structuredContent).toEqual({ error: { code: 'BAD_USER_INPUT', message: errors[0]!.message, argumentName: 'challengeId', suggestions: { 'challenge:x': ['challenge:y'] } } });
    expect((bad.content[0] as { text: string }).text).toContain('Fix the argument named');
    // An error without a code is a bug: reported as such, its message kept as the API formatted it.
    expect(toolErrorOf([{ message: 'Internal server error' }]).code).toBe('INTERNAL_SERVER_ERROR');
  });
});
