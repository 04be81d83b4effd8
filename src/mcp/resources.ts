// Entities as MCP resources: mlops-kg://entity/{id} reads what get_entity answers (the entity, its
// citations, descriptions and links), so a host can attach an entity to a conversation. Ids complete
// as the user types, by find_entities.
import { ResourceNotFoundError, ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import type { McpTools } from './tools.js';

export const ENTITY_URI_TEMPLATE = 'mlops-kg://entity/{id}';

export function entityUri(id: string): string {
  return `mlops-kg://entity/${encodeURIComponent(id)}`;
}

export function registerEntityResources(server: McpServer, tools: McpTools): void {
  const getEntity = tools.catalogue.tool('get_entity');
  if (!getEntity) return;
  const template = new ResourceTemplate(ENTITY_URI_TEMPLATE, {
    // Hundreds of entities: a host finds them by completion or by find_entities, not by a listing.
    list: undefined,
    complete: { id: (value) => tools.suggest(value, 10) },
  });
  server.registerResource(
    'entity',
    template,
    {
      title: 'An entity of the graph',
      description: 'A practice, challenge, tool, role... by its id (e.g. mlops-kg://entity/tool:mlflow): its summary, citations (source, locator, confidence, url), descriptions and typed links.',
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const raw = variables.id;
      const id = decodeURIComponent(Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? ''));
      const result = await tools.call(getEntity, { id });
      if (result.isError) {
        const error = (result.structuredContent as { error?: { argumentName?: string; message?: string } } | undefined)?.error;
        if (error?.argumentName === 'id') throw new ResourceNotFoundError(uri.href, error.message);
        throw new Error(result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n'));
      }
      const entity = (result.structuredContent as { entity: unknown }).entity;
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(entity) }] };
    },
  );
}
