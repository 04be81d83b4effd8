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
  attributes: Record<string, unknown>;
  descriptions: { source: SourceRef; text: string; basis: 'SOURCE' | 'CURATOR' }[];
  citations: Citation[];
  links: { direction: 'OUT' | 'IN'; node: { id: string; name: string; kind: string }; relation: { type: string; confidence: string; note: string | null } }[];
}

const ENTITY_QUERY = `query ExplorerEntity($id: ID!) {
  entity(id: $id) {
    id name kind summary aliases confidence attributes
    descriptions { source { id name aliases year } text basis }
    citations { ${CITATION_FIELDS} }
    links(first: 100) { direction node { id name kind } relation { type confidence note } }
  }
}`;

const READING_WORDS: Record<string, string> = { FULL_TEXT: 'the full text', PARTIAL: 'part of the text', ABSTRACT_ONLY: 'the abstract only' };

/** A source's facts: authors, year, where to read it, what was read, and how much of the graph cites it. */
async function sourceFacts(e: EntityView): Promise<HTMLElement> {
  const a = e.attributes;
  const authors = Array.isArray(a['authors']) ? (a['authors'] as unknown[]).map(String).join(', ') : null;
  const url = typeof a['url'] === 'string' ? a['url'] : typeof a['repository'] === 'string' ? a['repository'] : null;
  let counts: { entities: number; relations: number } | undefined;
  try {
    const { stats } = await gql<{ stats: { bySource: { source: { id: string }; entities: number; relations: number }[] } }>('query ExplorerSourceCounts { stats { bySource { source { id } entities relations } } }');
    counts = stats.bySource.find((s) => s.source.id === e.id);
  } catch {
    counts = undefined;
  }
  return h(
    'dl',
    { id: 'source-facts', class: 'source-facts' },
    authors ? [h('dt', { text: 'Authors' }), h('dd', { text: authors })] : null,
    typeof a['year'] === 'number' ? [h('dt', { text: 'Year' }), h('dd', { text: String(a['year']) })] : null,
    typeof a['venue'] === 'string' ? [h('dt', { text: 'Published in' }), h('dd', { text: a['venue'] })] : null,
    url && /^https:\/\//.test(url) ? [h('dt', { text: 'Read it' }), h('dd', {}, h('a', { href: url, rel: 'noopener noreferrer', text: url }))] : null,
    typeof a['reading'] === 'string' ? [h('dt', { text: 'What the curators read' }), h('dd', { text: READING_WORDS[a['reading']] ?? String(a['reading']) })] : null,
    counts ? [h('dt', { text: 'In the graph' }), h('dd', { id: 'source-counts', text: `${plural(counts.entities, 'entity', 'entities')} and ${plural(counts.relations, 'relation')} cite it` })] : null,
  );
}

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
      h('p', { class: 'entity-kind', text: `${e.kind.toLowerCase().replace(/_/g, ' ')} · ${e.id} · ${e.confidence === 'STATED' ? 'stated by a source' : 'inferred by the curators'}` }),
      h('h2', { id: 'entity-name', text: e.name }),
      e.aliases.length > 0 ? h('p', { class: 'aliases', text: `Also called: ${e.aliases.join(', ')}` }) : null,
      e.summary ? h('p', { class: 'entity-summary', text: e.summary }) : null,
      e.kind === 'SOURCE' ? await sourceFacts(e) : null,
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
