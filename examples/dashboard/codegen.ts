// GraphQL Code Generator's client preset for the dashboard example: the documents in
// examples/dashboard/*.ts (graphql() calls) are validated against the API's SDL, schema/*.graphql, and
// their result and variable types are written to examples/dashboard/generated/ (committed).
// `npm run codegen:dashboard` regenerates them; `npm run codegen:dashboard:check` (part of `npm test`)
// fails when a schema change leaves them stale or makes a document invalid.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: ['examples/dashboard/**/*.ts', '!examples/dashboard/generated/**', '!examples/dashboard/out/**'],
  // Relative imports with .js extensions, as NodeNext resolution wants.
  emitLegacyCommonJSImports: false,
  ignoreNoDocuments: false,
  generates: {
    'examples/dashboard/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as strings (TypedDocumentString): the client posts them with fetch, no graphql runtime.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { JSON: 'Record<string, unknown>' },
      },
    },
  },
};
export default config;
