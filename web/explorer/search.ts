// The search box in the header: type-ahead over the `search` query (names, aliases, then summaries;
// the last word as a prefix), a listbox of hits navigable with the arrow keys; choosing one opens
// its entity page.
import { gql } from './api.js';
import { byId, fill, h } from './dom.js';

interface Hit {
  entity: { id: string; name: string; kind: string };
}

const SEARCH_QUERY = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 8) { entity { id name kind } }
}`;

/** Builds the search box into `root`; `open` is called with the id of the entity chosen. */
export function searchBox(root: HTMLElement, open: (id: string) => void): void {
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = -1;
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    placeholder: 'Search practices, challenges, tools…',
    autocomplete: 'off',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
  });
  const list = h('ul', { id: 'search-results', role: 'listbox', class: 'search-results', hidden: true });
  const options = () => [...list.querySelectorAll<HTMLLIElement>('li[role="option"]')];
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const choose = (id: string) => {
    close();
    input.value = '';
    open(id);
  };
  const highlight = (i: number) => {
    const opts = options();
    if (opts.length === 0) return;
    active = (i + opts.length) % opts.length;
    opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', opts[active]!.id);
  };
  const run = async () => {
    const text = input.value.trim();
    const mine = ++request;
    if (text === '') return close();
    let hits: Hit[];
    try {
      hits = (await gql<{ search: Hit[] }>(SEARCH_QUERY, { text })).search;
    } catch {
      hits = [];
    }
    if (mine !== request) return;
    fill(
      list,
      hits.length === 0
        ? h('li', { class: 'empty', id: 'search-none', text: `Nothing found for “${text}”.` })
        : hits.map((hit, i) =>
            h(
              'li',
              { role: 'option', id: `search-option-${i}`, 'data-id': hit.entity.id, 'aria-selected': 'false', onmousedown: (e: Event) => (e.preventDefault(), choose(hit.entity.id)) },
              h('span', { class: 'hit-name', text: hit.entity.name }),
              h('span', { class: 'hit-kind', text: hit.entity.kind.toLowerCase().replace(/_/g, ' ') }),
            ),
          ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') (e.preventDefault(), highlight(active + 1));
    else if (e.key === 'ArrowUp') (e.preventDefault(), highlight(active - 1));
    else if (e.key === 'Escape') close();
    else if (e.key === 'Enter') {
      e.preventDefault();
      const opt = options()[active < 0 ? 0 : active];
      if (opt?.dataset.id) choose(opt.dataset.id);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  fill(root, h('label', { for: 'search-input', class: 'visually-hidden', text: 'Search the graph' }), input, list);
  void byId;
}
