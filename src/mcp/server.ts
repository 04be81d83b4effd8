// The MCP server: one tool per operation of the catalogue, the entity resources and the prompts. A
// fresh McpServer per serving unit (one HTTP request, or one stdio connection), as the SDK's entries
// want; what is costly (operation files, schemas) is read once per process (src/mcp/catalogue.ts).
import { McpServer, fromJsonSchema, type McpServerFactory, type StandardSchemaWithJSON, type jsonSchemaValidator, type JsonSchemaValidator } from '@modelcontextprotocol/server';
import { catalogue as processCatalogue, type McpCatalogue, type McpTool } from './catalogue.js';
import { registerEntityResources } from './resources.js';
import { registerPrompts } from './prompts.js';
import { McpTools } from './tools.js';
import type { McpOptions } from './types.js';

export const SERVER_INFO = { name: 'mlops-kg', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'mlops-kg answers questions about running machine learning in production from a knowledge graph seeded from literature reviews and a tool catalogue. ' +
  'Every entity and relation cites where, in which source, it comes from (locator, url) with a confidence: STATED (the source says it) or INFERRED (the curators reconstructed it). ' +
  'Quote those citations instead of guessing; start with find_entities to turn words into ids.';

/**
 * Arguments are checked by the operation itself (GraphQL's variable coercion, then the resolvers),
 * so an error names the argument the way /graphql does and carries its code; the JSON Schema is what
 * tools/list advertises.
 */
const passThrough: jsonSchemaValidator = {
  getValidator<T>(): JsonSchemaValidator<T> {
    return (input: unknown) => ({ valid: true, data: input as T, errorMessage: undefined });
  },
};

type Schemas = { input: StandardSchemaWithJSON<Record<string, unknown>>; output: StandardSchemaWithJSON<Record<string, unknown>> };
const schemas = new WeakMap<McpTool, Schemas>();
/** The tool's schemas as the SDK takes them, made once per tool (a server is made per request). */
function standardSchemasOf(tool: McpTool): Schemas {
  let s = schemas.get(tool);
  const std = (json: unknown) => fromJsonSchema<Record<string, unknown>>(json as Parameters<typeof fromJsonSchema>[0], passThrough);
  if (!s) schemas.set(tool, (s = { input: std(tool.inputSchema), output: std(tool.outputSchema) }));
  return s;
}

/** What the tool's words are: "ExplainPath" -> "Explain path". */
function titleOf(operationName: string): string {
  const words = operationName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Builds one McpServer with every tool, the entity resources and the prompts. */
export function createMcpServer(options: McpOptions, cat: McpCatalogue = processCatalogue()): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS });
  const tools = new McpTools(options, cat);
  for (const tool of cat.tools) {
    server.registerTool(
      tool.op.toolName,
      {
        title: titleOf(tool.op.operationName),
        description: tool.op.description,
        inputSchema: standardSchemasOf(tool).input,
        // Advertised, not checked here: the answer is the operation's data, which the schema describes.
        outputSchema: standardSchemasOf(tool).output,
        annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
        _meta: { 'mlops-kg/graphql-operation': tool.op.operationName },
      },
      (args) => tools.call(tool, args ?? {}),
    );
  }
  registerEntityResources(server, tools);
  registerPrompts(server, cat);
  return server;
}

/** The factory both transports take: the HTTP route (per request) and stdio (per connection). */
export function mcpServerFactory(options: McpOptions, cat?: McpCatalogue): McpServerFactory {
  const resolved = cat ?? processCatalogue();
  return () => createMcpServer(options, resolved);
}
