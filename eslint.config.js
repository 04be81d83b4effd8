// Schema lint (`npm run lint:schema`, part of `npm test`): @graphql-eslint's schema rules over
// schema/*.graphql, the API's contract. Only the SDL is linted here; TypeScript is checked by tsc.
//
// Rules switched off or relaxed, and why (docs/schema-lint.md says the same):
// - alphabetize: off. The SDL orders types, fields, arguments and enum values by meaning (the
//   shared Entity fields first, then a kind's own relation fields; enum values from strongest to
//   weakest or in the ontology's order), which is also the order the reference at /docs shows.
// - description-style: off. Short descriptions are one-line "strings"; long ones are """blocks""".
//   The rule wants one style everywhere, which would make either every one-liner three lines or
//   every long description one very long line.
// - require-nullable-result-in-root: off. Query fields that always answer (a list, a connection,
//   counts) are non-null on purpose: a client need not test for null, and a failure is an error.
//   Fields that may find nothing (entity) are nullable.
// - strict-id-in-types: relaxed to the types that are things with an identity (entities and
//   relations). Pagination wrappers (Connection, Edge, PageInfo), the *Link views of a relation,
//   analysis answers and counts are values, not objects with an id.
// - relay-arguments: relaxed to forward pagination only (includeBoth: false). The lists page
//   forwards (first, after); there is no last/before.
// - relay-edge-types: shouldImplementNode off. There is no Node interface; entities implement
//   Entity and are fetched by id with Query.entity.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const schemaAll = graphqlPlugin.configs['flat/schema-all'].rules;
const relay = graphqlPlugin.configs['flat/schema-relay'].rules;

export default [
  {
    files: ['schema/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...schemaAll,
      ...relay,
      // Every type, field, argument, enum value and input field is described.
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      // No type that no field, argument or interface reaches (schema-recommended has it; stated here).
      '@graphql-eslint/no-unreachable-types': 'error',
      '@graphql-eslint/alphabetize': 'off',
      '@graphql-eslint/description-style': 'off',
      '@graphql-eslint/require-nullable-result-in-root': 'off',
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            types: ['PageInfo', 'Citation', 'SourceDescription', 'Link', 'Path', 'PathSearch', 'Coverage', 'Stats', 'ScopeNote', 'Gaps', 'ToolComparison', 'ToolOnly'],
            suffixes: ['Connection', 'Edge', 'Link', 'Hit', 'Practice', 'Cell', 'Recommendation', 'Step', 'Count', 'Match', 'Evidence'],
          },
        },
      ],
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/relay-edge-types': ['error', { shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
