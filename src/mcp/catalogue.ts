// The tools this server offers, read once per process: every operation file, checked against the SDL
// (a file that no longer validates stops the server with its errors, as test/unit/mcp-operations.test.ts
// fails), with the input schema derived from its variables.
import { buildSchema, validate, type GraphQLSchema } from 'graphql';
import { loadTypeDefs } from '../graphql/schema.js';
import { toolInputSchema, type JsonSchema } from './json-schema.js';
import { toolOutputSchema } from './output-schema.js';
import { loadOperations, OPERATIONS_DIR, OperationFileError, type McpOperation } from './operations.js';

export interface McpTool {
  readonly op: McpOperation;
  readonly inputSchema: JsonSchema;
  /** The JSON Schema of the operation's data: the tool's structured content. */
  readonly outputSchema: JsonSchema;
}

export interface McpCatalogue {
  readonly tools: readonly McpTool[];
  /** A tool by its name, if this server has it (the prompt and the resources name only tools that exist). */
  tool(name: string): McpTool | undefined;
}

/** The schema the operations are held to: the SDL of schema/*.graphql. */
export function sdlSchema(): GraphQLSchema {
  return buildSchema(loadTypeDefs().join('\n'));
}

export function buildCatalogue(schema: GraphQLSchema = sdlSchema(), dir = OPERATIONS_DIR): McpCatalogue {
  const tools = loadOperations(dir).map((op) => {
    const errors = validate(schema, op.document);
    if (errors.length > 0) throw new OperationFileError(`${op.file} does not validate against schema/*.graphql: ${errors.map((e) => e.message).join('; ')}`);
    return { op, inputSchema: toolInputSchema(schema, op), outputSchema: toolOutputSchema(schema, op) };
  });
  const byName = new Map(tools.map((t) => [t.op.toolName, t]));
  return { tools, tool: (name) => byName.get(name) };
}

let shared: McpCatalogue | undefined;

/** The process's catalogue (the operation files do not change while it runs). */
export function catalogue(): McpCatalogue {
  return (shared ??= buildCatalogue());
}
