// The short text an assistant reads beside a tool's structured answer: what came back, named by the
// entities' names and ids, so that a host that shows only text still has the gist. Generic over every
// operation: it reads the shape of the data, never a particular query.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_LISTED = 8;

/**
 * "MLflow (tool:mlflow)" for an object with a name and an id; else the objects with ids inside it
 * (a cell: its tool -> its practice), or a list of them (a path: its entities, joined by ->).
 */
function label(value: Json, depth = 0): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { id, name } = value;
  if (typeof id === 'string') return typeof name === 'string' ? `${name} (${id})` : id;
  if (depth > 1) return undefined;
  const parts = Object.values(value)
    .map((v) => label(v, depth + 1))
    .filter((l): l is string => l !== undefined);
  if (parts.length) return parts.slice(0, 2).join(' -> ');
  const chain = Object.values(value).find((v): v is Json[] => Array.isArray(v) && v.length > 0 && v.every((x) => label(x, 2) !== undefined));
  return chain ? chain.map((x) => label(x, 2)).join(' -> ') : undefined;
}

function describeItem(value: Json): string | undefined {
  const name = label(value);
  if (!name) return undefined;
  const confidence = value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.confidence === 'string' ? `, ${value.confidence}` : '';
  return `${name}${confidence}`;
}

function describeList(key: string, list: Json[]): string {
  const items = list.map(describeItem).filter((d): d is string => d !== undefined);
  const head = `${key}: ${list.length} ${list.length === 1 ? 'entry' : 'entries'}`;
  if (items.length === 0) return head;
  const more = items.length > MAX_LISTED ? `; and ${items.length - MAX_LISTED} more` : '';
  return `${head}: ${items.slice(0, MAX_LISTED).join('; ')}${more}`;
}

function describeField(key: string, value: Json): string[] {
  if (Array.isArray(value)) return [describeList(key, value)];
  if (value === null) return [`${key}: none`];
  if (typeof value !== 'object') return [`${key}: ${String(value)}`];
  if (typeof value.id === 'string') {
    // One entity: its name and what it comes with (citations: 2; links: 30).
    const counts = Object.entries(value)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => `${k}: ${(v as Json[]).length}`);
    return [`${key}: ${[describeItem(value), ...counts].join('; ')}`];
  }
  return Object.entries(value).flatMap(([k, v]) => (Array.isArray(v) || typeof v !== 'object' || v === null ? describeField(k, v) : []));
}

/** A few lines saying what the answer holds; the answer itself is the structured content. */
export function summarize(toolName: string, data: Record<string, unknown>): string {
  const lines = Object.entries(data as Record<string, Json>).flatMap(([k, v]) => describeField(k, v));
  return [
    `${toolName}:`,
    ...lines.map((l) => `- ${l}`),
    'The full answer is the structured content (also as JSON below). Quote citations with their confidence (STATED: the source says it; INFERRED: the curators reconstructed it), locator and url.',
  ].join('\n');
}
