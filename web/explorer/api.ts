// The explorer's only road to data: POST /graphql on this server, and the /export catalogue.
export class ApiError extends Error {}

export interface SourceRef {
  id: string;
  name: string;
  aliases: string[];
  year: number;
}

export interface Citation {
  source: SourceRef;
  locator: string;
  confidence: 'STATED' | 'INFERRED';
  note: string | null;
}

export interface Named {
  id: string;
  name: string;
}

export interface LinkTo {
  node: Named;
}

export const CITATION_FIELDS = `source { id name aliases year } locator confidence note`;

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The API does not answer. Is the server running?');
  }
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered HTTP ${res.status} without JSON.`);
  }
  if (body.errors && body.errors.length > 0) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError(`The API answered HTTP ${res.status} without data.`);
  return body.data;
}

/** Every node of a paginated list (e.g. challenges), page by page (the lists allow 100 per page). */
export async function allNodes<T>(field: string, selection: string): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> = await gql(
      `query Page($after: String) { ${field}(first: 100, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const page = data[field]!;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out;
    after = page.pageInfo.endCursor;
  }
}

export async function exportCatalogue(): Promise<string[]> {
  const res = await fetch('/export');
  if (!res.ok) return [];
  return ((await res.json()) as { exports: string[] }).exports;
}
