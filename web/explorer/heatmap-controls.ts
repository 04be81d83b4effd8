// The heatmap's fixed parts: the filter and grouping controls, the places the table, the details
// panel, the gaps and the tooltip are rendered into, and the legend.
import { h, fill } from './dom.js';
import { levelClass, levelInfo } from './heatmap-data.js';
import { hideTooltip } from './heatmap-panel.js';

/**
 * Renders the controls and the empty places of the heatmap into `root`; every control calls
 * `rerender`, but the tool types, which ask the API again (`reload`).
 */
export function renderControls(root: HTMLElement, rerender: () => void, reload: () => void = rerender): void {
  fill(
    root,
    h(
      'div',
      { class: 'controls', role: 'group', 'aria-label': 'Heatmap filters' },
      h(
        'label',
        { for: 'hm-types' },
        'Tools ',
        h(
          'select',
          { id: 'hm-types', onchange: reload },
          h('option', { value: 'PRODUCT', text: 'products a team can adopt' }),
          h('option', { value: 'ALL', text: 'of every type (guidance, techniques, …)' }),
        ),
      ),
      h('label', { for: 'hm-tool-filter' }, 'Filter tools ', h('input', { id: 'hm-tool-filter', type: 'search', placeholder: 'name contains…', autocomplete: 'off', oninput: rerender })),
      h(
        'label',
        { for: 'hm-support' },
        'Support ',
        h(
          'select',
          { id: 'hm-support', onchange: rerender },
          h('option', { value: 'all', text: 'stated and derived' }),
          h('option', { value: 'direct', text: 'stated by a source only' }),
        ),
      ),
      h(
        'label',
        { for: 'hm-tool-group' },
        'Group tools by ',
        h(
          'select',
          { id: 'hm-tool-group', onchange: rerender },
          h('option', { value: 'component', text: 'architecture component' }),
          h('option', { value: 'category', text: 'category' }),
          h('option', { value: 'source', text: 'source' }),
          h('option', { value: 'none', text: 'nothing (A–Z)' }),
        ),
      ),
      h(
        'label',
        { for: 'hm-practice-group' },
        'Group practices by ',
        h(
          'select',
          { id: 'hm-practice-group', onchange: rerender },
          h('option', { value: 'category', text: 'category' }),
          h('option', { value: 'stage', text: 'lifecycle stage' }),
          h('option', { value: 'none', text: 'nothing (A–Z)' }),
        ),
      ),
      h(
        'label',
        { for: 'hm-source' },
        'Tools named by ',
        h(
          'select',
          { id: 'hm-source', onchange: rerender },
          h('option', { value: 'reviews', text: 'the papers (reviews and studies)' }),
          h('option', { value: 'catalogue', text: 'the tool catalogues' }),
          h('option', { value: 'all', text: 'any source' }),
        ),
      ),
      h('label', { for: 'hm-stated', class: 'check' }, h('input', { id: 'hm-stated', type: 'checkbox', onchange: rerender }), ' Stated only (every hop stated by a source)'),
      h('label', { for: 'hm-hide-empty', class: 'check' }, h('input', { id: 'hm-hide-empty', type: 'checkbox', checked: true, onchange: rerender }), ' Hide tools with no shown support'),
    ),
    h('div', { id: 'hm-stack-filter', class: 'chip-row' }),
    h('p', { id: 'hm-summary', class: 'summary', 'aria-live': 'polite' }),
    h(
      'div',
      { class: 'heatmap-layout' },
      h('div', { id: 'hm-body', class: 'heatmap-scroll', onscroll: hideTooltip }),
      h(
        'aside',
        { id: 'hm-details', class: 'details', 'aria-live': 'polite', 'aria-label': 'Cell details' },
        h('p', { class: 'hint', text: 'Hover over or focus a cell to see its citations; click it (or press Enter) to pin its details and the paths behind it here. Arrow keys move between cells.' }),
      ),
    ),
    legend(),
    h('div', { id: 'hm-more', class: 'more-rows' }),
    h('section', { class: 'gaps', 'aria-labelledby': 'hm-gaps-title' }, h('h3', { id: 'hm-gaps-title', text: 'Gaps' }), h('div', { id: 'hm-gaps' })),
    h('div', { id: 'hm-tooltip', class: 'tooltip', role: 'tooltip', hidden: true }),
  );
}

/** The legend of the cell letters and colours. */
export function legend(): HTMLElement {
  const item = (level: string, derived: boolean) =>
    h('li', {}, h('span', { class: `cell swatch ${levelClass(level)} ${derived ? 'derived' : 'direct'}`, 'aria-hidden': 'true', text: levelInfo(level).code }), ' ', levelInfo(level).label);
  return h(
    'section',
    { class: 'legend', 'aria-label': 'Legend' },
    h('h3', { text: 'Legend' }),
    h(
      'ul',
      {},
      item('FULL', false),
      item('PARTIAL', false),
      item('EXAMPLE', false),
      item('DIRECT', false),
      item('DERIVED_VIA_COMPONENT', true),
      item('DERIVED_VIA_PRINCIPLE', true),
      h('li', {}, h('span', { class: 'swatch gap-swatch', 'aria-hidden': 'true' }), ' A gap: no shown tool supports the practice'),
    ),
    h('p', { class: 'hint', text: 'Stated: a source says the tool supports the practice, at the level it gives. Derived: the graph links them through a component or principle; the cell cites every hop.' }),
  );
}
