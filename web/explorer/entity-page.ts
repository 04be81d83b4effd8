// The entity page: one entity with each source's description, its citations, and its relations
// grouped by type and direction, every other end a link to its own page. Reached from the search box
// or a link, at #entity/<id>.
import { CITATION_FIELDS, gql, type Citation, type SourceRef } from './api.js';
import { fill, h, plural } from './dom.js';
import { citationList, sourceLabel } from './evidence.js';

interface EntityView {
  id: string;
  name: string;
  kind: string;
  summary: string | null;
  aliases: string[];
  confidence: string;
  descriptions: { source: SourceRef; text: string; basis: 'SOURCE' | 'CURATOR' }[];
  citations: Citation[];
  links: { direction: 'OUT' | 'IN'; node: { id: string; name: string; kind: string }; relation: { type: string; confidence: string; note: string | null } }[];
}

const ENTITY_QUERY = `query ExplorerEntity($id: ID!) {
  entity(id: $id) {
    id name kind summary aliases confidence
    descriptions { source { id name aliases year } text basis }
    citations { ${CITATION_FIELDS} }
    links(first: 100) { direction node { id name kind } relation { type confidence note } }
  }
}`;

/** The href of an entity's page. */
export const entityHref = (id: string) => `#entity/${encodeURIComponent(id)}`;

/** Renders the page of `id` into `root`. */
export async function showEntity(root: HTMLElement, id: string): Promise<void> {
  fill(root, h('p', { class: 'loading', text: 'Loading…' }));
  let e: EntityView | null;
  try {
    e = (await gql<{ entity: EntityView | null }>(ENTITY_QUERY, { id })).entity;
  } catch (err) {
    fill(root, h('p', { class: 'error', role: 'alert', text: `Could not load ${id}: ${(err as Error).message}` }));
    return;
  }
  if (!e) {
    fill(root, h('p', { class: 'empty', id: 'entity-missing', text: `The graph holds no entity ${id}.` }));
    return;
  }
  const groups = new Map<string, EntityView['links']>();
  for (const l of e.links) {
    const key = `${l.relation.type}${l.direction === 'IN' ? ' (incoming)' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  fill(
    root,
    h(
      'article',
      { id: 'entity-page', class: 'entity-page', 'data-entity': e.id },
      h('p', { class: 'entity-kind', text: `${e.kind.toLowerCase().replace(/_/g, ' ')} · ${e.id} · ${e.confidence}` }),
      h('h2', { id: 'entity-name', text: e.name }),
      e.aliases.length > 0 ? h('p', { class: 'aliases', text: `Also called: ${e.aliases.join(', ')}` }) : null,
      e.summary ? h('p', { class: 'entity-summary', text: e.summary }) : null,
      h('h3', { text: 'What each source says' }),
      e.descriptions.length === 0
        ? h('p', { class: 'empty', text: 'No source describes it in words of its own; see the citations.' })
        : h(
            'ul',
            { id: 'entity-descriptions', class: 'descriptions' },
            e.descriptions.map((d) =>
              h(
                'li',
                { 'data-source': d.source.id },
                h('strong', { text: sourceLabel(d.source) }),
                d.basis === 'CURATOR' ? h('span', { class: 'badge derived', title: 'The paper only names it: a general gloss by the curators', text: 'curator’s gloss' }) : null,
                ` ${d.text}`,
              ),
            ),
          ),
      h('h3', { text: `Citations (${e.citations.length})` }),
      citationList(e.citations),
      h('h3', { text: `Relations (${plural(e.links.length, 'relation')})` }),
      e.links.length === 0
        ? h('p', { class: 'empty', text: 'No relation: the sources link it to nothing else.' })
        : h(
            'div',
            { id: 'entity-relations' },
            [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, links]) =>
              h(
                'section',
                { class: 'relation-group', 'data-type': type },
                h('h4', { text: `${type} (${links.length})` }),
                h(
                  'ul',
                  {},
                  links.map((l) =>
                    h(
                      'li',
                      {},
                      h('a', { href: entityHref(l.node.id), 'data-id': l.node.id, text: l.node.name }),
                      h('span', { class: 'hit-kind', text: ` ${l.node.kind.toLowerCase().replace(/_/g, ' ')}` }),
                      l.relation.confidence === 'INFERRED' ? h('span', { class: 'badge derived', text: 'inferred' }) : null,
                      l.relation.note ? h('span', { class: 'citation-note', text: ` — ${l.relation.note}` }) : null,
                    ),
                  ),
                ),
              ),
            ),
          ),
    ),
  );
}
