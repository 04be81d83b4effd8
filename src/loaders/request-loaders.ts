// Per-request DataLoaders (not to be confused with the seed loader, src/seed/loader.ts, which writes
// the graph). Every relation field of every entity in a response level is answered by ONE Cypher
// round trip, whatever the page size; entities by id likewise. A new set per request: loaders never
// share results across requests.
import DataLoader from 'dataloader';
import type { EntityModel, LinkModel } from '../domain/model.js';
import type { Reader } from '../neo4j/driver.js';
import { entitiesByIds, linksOf } from '../repos/entities.js';
import type { LinkRequest } from './link-request.js';
import type { PrefetchStore } from './prefetch.js';

export type { LinkRequest };

export interface RequestLoaders {
  readonly entity: DataLoader<string, EntityModel | null>;
  readonly links: DataLoader<LinkRequest, LinkModel[], string>;
  /** Links fetched ahead with a list, by response path (src/loaders/prefetch.ts). */
  readonly prefetched: PrefetchStore;
}

const linkKey = (r: LinkRequest) => JSON.stringify([r.id, r.types, r.direction, r.kind, r.first]);

export function createRequestLoaders(db: Reader): RequestLoaders {
  const entity = new DataLoader<string, EntityModel | null>(async (ids) => {
    const byId = await entitiesByIds(db, ids);
    return ids.map((id) => byId.get(id) ?? null);
  });

  const links = new DataLoader<LinkRequest, LinkModel[], string>(
    async (requests) => {
      const byKey = await linksOf(db, requests.map((r) => ({ ...r, key: linkKey(r) })));
      return requests.map((r) => {
        const found = byKey.get(linkKey(r)) ?? [];
        // The other ends are now known: later `entity(id)` lookups of them cost no round trip.
        for (const l of found) entity.prime(l.node.id, l.node);
        return found;
      });
    },
    { cacheKeyFn: linkKey },
  );

  return { entity, links, prefetched: new Map() };
}
