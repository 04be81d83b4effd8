// The dashboard's documents (examples/dashboard/queries.ts, as generated into examples/dashboard/generated/)
// must stay valid against the SDL in schema/: a schema change that removes or retypes a field they use
// fails here, as it fails `npm run codegen:dashboard:check` and the typecheck of the example's code.
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CoverageSummaryDocument, TopPracticesDocument } from '../../examples/dashboard/queries.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));

describe('dashboard documents', () => {
  it.each([
    ['DashboardCoverage', CoverageSummaryDocument],
    ['DashboardTopPractices', TopPracticesDocument],
  ])('%s validates against schema/*.graphql', (name, document) => {
    const ast = parse(document.toString());
    expect(ast.definitions.map((d) => ('name' in d ? d.name?.value : undefined))).toEqual([name]);
    expect(validate(schema, ast).map((e) => e.message)).toEqual([]);
  });
});
