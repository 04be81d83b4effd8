// Running a tool: its operation through the API (the executor), the answer as a tool result. Unknown
// argument names, GraphQL errors and an id that names nothing all become tool errors the assistant can
// act on (src/mcp/result.ts); find_entities doubles as the "did you mean" for ids.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { distance } from 'fastest-levenshtein';
import { print } from 'graphql';
import { ErrorCode } from '../domain/error-codes.js';
import type { McpCatalogue, McpTool } from './catalogue.js';
import { errorResult, nullRoots, successResult, toolErrorOf } from './result.js';
import type { McpOptions } from './types.js';

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
