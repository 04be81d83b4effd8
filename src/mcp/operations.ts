// The MCP tools are named GraphQL operations, one per file under mcp/operations/ (as Apollo's MCP
// server does it): the tool runs exactly that operation through the API's own Apollo Server, so the
// tools and the API cannot drift apart. Adding a tool is adding a file. The comment lines on top of a
// file are the tool's description; the operation's name, in snake_case, is the tool's name; its
// variables are the tool's arguments (src/mcp/json-schema.ts).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { PROJECT_ROOT } from '../config/paths.js';

export const OPERATIONS_DIR = path.join(PROJECT_ROOT, 'mcp', 'operations');

export interface McpOperation {
  /** The file it was read from, relative to the project root (for messages). */
  readonly file: string;
  /** The GraphQL operation's name, e.g. FindEntities. */
  readonly operationName: string;
  /** The MCP tool's name, e.g. find_entities. */
  readonly toolName: string;
  /** The comment lines on top of the file, joined. */
  readonly description: string;
  /** The file's text: what is sent to Apollo Server (its document cache keys on it). */
  readonly query: string;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
}

export class OperationFileError extends Error {}

/** FindEntities -> find_entities. */
export function toolNameOf(operationName: string): string {
  return operationName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The comment block a file starts with, as one paragraph. */
export function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*#\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1]!.trim());
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

/** Reads one operation file: exactly one named query, fragments allowed, and a description on top. */
export function readOperation(file: string, text: string): McpOperation {
  const document = parse(text);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation) throw new OperationFileError(`${file}: expected exactly one operation, found ${operations.length}`);
  if (operation.operation !== 'query') throw new OperationFileError(`${file}: the operation must be a query (tools only read)`);
  const operationName = operation.name?.value;
  if (!operationName) throw new OperationFileError(`${file}: the operation needs a name (it names the tool)`);
  const description = leadingComment(text);
  if (!description) throw new OperationFileError(`${file}: start the file with a # comment saying what the tool answers (its description)`);
  return { file, operationName, toolName: toolNameOf(operationName), description, query: text, document, operation };
}

/** Every operation under `dir`, ordered by file name; tool names must be unique. */
export function loadOperations(dir = OPERATIONS_DIR): McpOperation[] {
  const ops = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readOperation(path.relative(PROJECT_ROOT, path.join(dir, f)), readFileSync(path.join(dir, f), 'utf8')));
  const seen = new Map<string, string>();
  for (const op of ops) {
    const other = seen.get(op.toolName);
    if (other) throw new OperationFileError(`${op.file}: tool name ${op.toolName} is taken by ${other}`);
    seen.set(op.toolName, op.file);
  }
  return ops;
}
