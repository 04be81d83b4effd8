// Per-request DataLoaders. Every relation field of every entity in a response level is answered by
// ONE Cypher round trip (LINKS_BATCH), whatever the page size; entities by id likewise.
import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { ENTITIES_BY_IDS, LINKS_BATCH } from '../cypher/entities.js';
import { toEntity, toLink, type EntityRow, type RelationRow } from '../cypher/rows.js';
import type { EntityModel, LinkModel } from '../model.js';
import type { RequestDb } from '../neo4j/request-db.js';

export interface LinkRequest {
  readonly id: string;
  /** Relation types to follow; null follows every type. */
  readonly types: readonly string[] | null;
  readonly direction: 'OUT' | 'IN' | 'BOTH';
  /** Kind of the entity at the other end; null accepts any. */
  readonly kind: string | null;
  readonly first: number;
}

export interface Loaders {
  readonly entity: DataLoader<string, EntityModel | null>;
  readonly links: DataLoader<LinkRequest, LinkModel[], string>;
}

const linkKey = (r: LinkRequest) => JSON.stringify([r.id, r.types, r.direction, r.kind, r.first]);

export function createLoaders(db: RequestDb): Loaders {
  const entity = new DataLoader<string, EntityModel | null>(async (ids) => {
    const res = await db.read<{ n: EntityRow }>(ENTITIES_BY_IDS, { ids: [...new Set(ids)] });
    const byId = new Map(res.records.map((r) => [r.get('n').id, toEntity(r.get('n'))]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const links = new DataLoader<LinkRequest, LinkModel[], string>(
    async (requests) => {
      const res = await db.read<{ key: string; links: { node: EntityRow; relation: RelationRow; direction: 'OUT' | 'IN' }[] }>(LINKS_BATCH, {
        requests: requests.map((r) => ({ key: linkKey(r), id: r.id, types: r.types, direction: r.direction, kind: r.kind, first: neo4j.int(r.first) })),
      });
      const byKey = new Map(res.records.map((r) => [r.get('key'), r.get('links').map(toLink)]));
      return requests.map((r) => {
        const found = byKey.get(linkKey(r)) ?? [];
        // The other ends are now known: later `entity(id)` lookups of them cost no round trip.
        for (const l of found) entity.prime(l.node.id, l.node);
        return found;
      });
    },
    { cacheKeyFn: linkKey },
  );

  return { entity, links };
}
