// The MCP server: one tool per operation of the catalogue, the entity resources and the prompts. A
// fresh McpServer per serving unit (one HTTP request, or one stdio connection), as the SDK's entries
// want; what is costly (operation files, schemas) is read once per process (src/mcp/catalogue.ts).
import { McpServer, fromJsonSchema, type CallToolResult, type McpServerFactory, type StandardSchemaWithJSON, type jsonSchemaValidator, type JsonSchemaValidator } from '@modelcontextprotocol/server';
import { distance } from 'fastest-levenshtein';
import { print } from 'graphql';
import { ErrorCode } from '../domain/error-codes.js';
import { catalogue as processCatalogue, type McpCatalogue, type McpTool } from './catalogue.js';
import { registerEntityResources } from './resources.js';
import { registerPrompts } from './prompts.js';
import { errorResult, nullRoots, successResult, toolErrorOf } from './result.js';
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

export class McpTools {
  constructor(
    readonly options: McpOptions,
    readonly catalogue: McpCatalogue,
  ) {}

  /** Runs a tool: its operation through the API, the answer as a tool result (errors included). */
  async call(tool: McpTool, args: Record<string, unknown>): Promise<CallToolResult> {
    const known = Object.keys(tool.inputSchema.properties ?? {});
    const unknown = Object.keys(args).filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      const near = (k: string) => known.filter((n) => distance(n.toLowerCase(), k.toLowerCase()) <= 2);
      const parts = unknown.map((k) => (near(k).length ? `${k} (did you mean ${near(k).join(', ')}?)` : k));
      return errorResult({ code: ErrorCode.BAD_USER_INPUT, message: `Unknown argument ${parts.join(', ')} of ${tool.op.toolName}; it takes ${known.join(', ')}.`, argumentName: unknown[0]! });
    }
    const { op } = tool;
    let result;
    try {
      result = await this.options.execute({ query: op.query, operationName: op.operationName, variables: args });
    } catch (e) {
      this.options.logger?.error({ err: e, tool: op.toolName }, 'mcp tool failed');
      return errorResult({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The tool failed unexpectedly; the error is logged on the server.' });
    }
    if (result.errors?.length) return errorResult(toolErrorOf(result.errors));
    if (!result.data) return errorResult({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The API answered without data.' });
    const empty = nullRoots(result);
    if (empty.length > 0) return this.notFound(tool, args);
    return successResult(op, args, result.data, this.options.maxResultBytes);
  }

  /** An id that names nothing (a nullable root field came back null): BAD_USER_INPUT with the nearest entities. */
  private async notFound(tool: McpTool, args: Record<string, unknown>): Promise<CallToolResult> {
    const idArgs = (tool.op.operation.variableDefinitions ?? []).filter((d) => /\bID\b/.test(print(d.type))).map((d) => d.variable.name.value);
    const argument = idArgs.find((a) => typeof args[a] === 'string') ?? idArgs[0] ?? 'id';
    const asked = typeof args[argument] === 'string' ? (args[argument] as string) : '';
    const near = asked ? await this.suggest(asked) : [];
    const hint = near.length ? ` (did you mean ${near.map((n) => JSON.stringify(n)).join(', ')}?)` : '';
    return errorResult({
      code: ErrorCode.BAD_USER_INPUT,
      message: `Invalid argument ${argument}: no entity has the id ${JSON.stringify(asked.slice(0, 80))}${hint}`,
      argumentName: argument,
      ...(near.length ? { suggestions: { [asked]: near } } : {}),
    });
  }

  /** Ids of the entities whose names come nearest to `text` (an id's slug, or words): by find_entities. */
  async suggest(text: string, max = 5): Promise<string[]> {
    const search = this.catalogue.tool('find_entities');
    const words = text.slice(text.indexOf(':') + 1).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!search || !words) return [];
    try {
      const result = await this.options.execute({ query: search.op.query, operationName: search.op.operationName, variables: { text: words.slice(0, 200), first: max } });
      const hits = (result.data?.search ?? []) as { entity?: { id?: string } }[];
      return hits.map((h) => h.entity?.id).filter((id): id is string => typeof id === 'string');
    } catch {
      // Suggestions are a courtesy: without them the error still says what was wrong.
      return [];
    }
  }
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
