// From a GraphQL answer to an MCP tool result. Every failure is a tool result with isError (the
// assistant reads it and can act), never a protocol error: bad input says what to fix, with the API's
// "did you mean" ids; an outage says to retry; an answer over the size cap says how to ask for less.
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { ErrorCode } from '../domain/error-codes.js';
import type { McpOperation } from './operations.js';
import { summarize } from './summary.js';

/** What an assistant should do next, per error code. */
const NEXT_STEP: Partial<Record<string, string>> = {
  [ErrorCode.BAD_USER_INPUT]: 'Fix the argument named and call again (find_entities turns names into ids).',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'This is temporary: retry the same call in a few seconds.',
  [ErrorCode.DEADLINE_EXCEEDED]: 'Retry, or ask for less (a smaller first, fewer ids, fewer hops).',
  [ErrorCode.QUERY_LIMIT_EXCEEDED]: 'Call again asking for less.',
};

export interface ToolError {
  readonly code: string;
  readonly message: string;
  readonly argumentName?: string;
  readonly suggestions?: Record<string, string[]>;
  /** For a refusal: the limit, what it allows and what the call had (as the API's refusals say). */
  readonly limit?: string;
  readonly allowed?: number;
  readonly actual?: number;
}

export function errorResult(error: ToolError): CallToolResult {
  const next = NEXT_STEP[error.code];
  return {
    isError: true,
    content: [{ type: 'text', text: `${error.code}: ${error.message}${next ? `\n${next}` : ''}` }],
    structuredContent: { error: { ...error } },
  };
}

/** The first error of an answer, as the tool reports it (an outage wins: retrying is then the answer). */
export function toolErrorOf(errors: readonly GraphQLFormattedError[]): ToolError {
  const pick = errors.find((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE) ?? errors[0]!;
  const ext = pick.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : ErrorCode.INTERNAL_SERVER_ERROR;
  return {
    code,
    message: pick.message,
    ...(typeof ext.argumentName === 'string' ? { argumentName: ext.argumentName } : {}),
    ...(ext.suggestions && typeof ext.suggestions === 'object' ? { suggestions: ext.suggestions as Record<string, string[]> } : {}),
  };
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1000)} kB`;

/** How to ask for less, from the operation's own optional variables. */
export function narrowingHint(op: McpOperation, variables: Record<string, unknown>): string {
  const defs = op.operation.variableDefinitions ?? [];
  const paging = defs.filter((d) => /^(first|max)/i.test(d.variable.name.value));
  const filters = defs.filter((d) => !paging.includes(d) && (d.type.kind !== 'NonNullType' || d.defaultValue));
  const parts = [
    ...paging.map((d) => {
      const name = d.variable.name.value;
      const now = variables[name] ?? (d.defaultValue && 'value' in d.defaultValue ? d.defaultValue.value : undefined);
      return `a smaller ${name}${now !== undefined ? ` (now ${String(now)})` : ''}`;
    }),
    ...(filters.length ? [`narrow with ${filters.map((d) => d.variable.name.value).join(', ')}`] : []),
  ];
  return parts.length ? `Ask for less: ${parts.join('; ')}.` : 'Ask about fewer things per call.';
}

/** The tool result for an answer without errors and with a non-null root field. */
export function successResult(op: McpOperation, variables: Record<string, unknown>, data: Record<string, unknown>, maxBytes: number): CallToolResult {
  const json = JSON.stringify(data);
  const bytes = Buffer.byteLength(json);
  if (bytes > maxBytes) {
    return errorResult({
      code: ErrorCode.QUERY_LIMIT_EXCEEDED,
      message: `The answer is ${kb(bytes)}, over this server's cap of ${kb(maxBytes)} per tool call (MCP_MAX_RESULT_BYTES). ${narrowingHint(op, variables)}`,
      limit: 'mcpResultBytes',
      allowed: maxBytes,
      actual: bytes,
    });
  }
  return {
    content: [
      { type: 'text', text: summarize(op.toolName, data) },
      { type: 'text', text: json },
    ],
    structuredContent: data,
  };
}

/** The root fields that came back null (an unknown id of a nullable field, e.g. entity(id:)). */
export function nullRoots(result: FormattedExecutionResult): string[] {
  const data = result.data ?? {};
  return Object.entries(data)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
}
