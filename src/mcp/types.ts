// What src/mcp/ needs from the API: a way to run one GraphQL operation through the same Apollo Server,
// limits, deadline, loaders and response cache as POST /graphql (src/http/execute.ts makes it).
import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';

export interface GraphQLRequest {
  readonly query: string;
  readonly operationName: string;
  readonly variables: Record<string, unknown>;
}

/** Runs one operation; errors come back formatted as /graphql sends them (codes, messages, extensions). */
export type GraphQLExecutor = (request: GraphQLRequest) => Promise<FormattedExecutionResult>;

export interface McpOptions {
  readonly execute: GraphQLExecutor;
  /** The most JSON bytes one tool call may return (MCP_MAX_RESULT_BYTES); over it, a tool error says how to narrow. */
  readonly maxResultBytes: number;
  readonly logger?: Logger;
}
