// How citations and paths are shown: short source names ("Eken et al. 2024"), locators, confidence.
import type { Citation } from './api.js';
import { h } from './dom.js';

export function sourceLabel(s: Citation['source']): string {
  return s.aliases[0] ?? `${s.name} (${s.year})`;
}

export function citationList(citations: readonly Citation[], className = 'citations'): HTMLUListElement {
  return h(
    'ul',
    { class: className },
    citations.map((c) =>
      h(
        'li',
        { class: 'citation' },
        h('span', { class: 'citation-source', title: c.source.name, text: sourceLabel(c.source) }),
        ' ',
        h('span', { class: 'citation-locator', text: c.locator }),
        ' ',
        h('span', { class: `badge confidence-${c.confidence.toLowerCase()}`, 'data-confidence': c.confidence, text: c.confidence === 'STATED' ? 'stated' : 'inferred', title: c.confidence === 'STATED' ? 'The paper says it' : 'A reconstruction (figure layout, grouping, crosswalk)' }),
        c.note ? h('span', { class: 'citation-note', text: ` — ${c.note}` }) : null,
      ),
    ),
  );
}

export interface PathView {
  entities: { id: string; name: string; kind: string }[];
  relations: { type: string }[];
}

/** "MLflow —SUPPORTS— Model registry —IMPLEMENTS— Versioning ..." */
export function pathLine(p: PathView): HTMLElement {
  const parts: (HTMLElement | string)[] = [];
  p.entities.forEach((e, i) => {
    if (i > 0) parts.push(h('span', { class: 'path-rel', text: ` ${p.relations[i - 1]?.type ?? '?'} ` }));
    parts.push(h('span', { class: 'path-node', title: `${e.kind} ${e.id}`, text: e.name }));
  });
  return h('li', { class: 'path' }, parts);
}
