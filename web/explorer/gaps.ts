// (d) Gaps and tool comparison: what the graph leaves open (`gaps`: challenges no practice addresses,
// practices no tool of the ticked types supports), and two or more tools side by side (`compareTools`),
// each cell with its evidence in plain words.
import { gql } from './api.js';
import { byId, fill, h, plural } from './dom.js';
import { entityHref } from './entity-page.js';
import { ticked, ToolPicker, toolTypeBoxes, toolTypes } from './tool-picker.js';
import { DERIVATION_WORDS, words } from './words.js';

interface Named {
  id: string;
  name: string;
}

interface Cell {
  tool: Named;
  practice: Named;
  confidence: string;
  derivation: string;
  sourceCount: number;
  citations: { locator: string; source: { id: string; name: string } }[];
}

const GAPS_QUERY = `query ExplorerGaps($toolTypes: [ToolType!], $minConfidence: Confidence) {
  gaps(toolTypes: $toolTypes, minConfidence: $minConfidence) { challengesWithoutPractice { id name } practicesWithoutTool { id name } }
}`;

const CELL = `tool { id name } practice { id name } confidence derivation sourceCount citations { locator source { id name } }`;
const COMPARE_QUERY = `query ExplorerCompare($toolIds: [ID!]!, $minConfidence: Confidence) {
  compareTools(toolIds: $toolIds, minConfidence: $minConfidence) {
    shared { practice { id name } cells { ${CELL} } missing { id name } }
    tools { tool { id name } practiceCount only { ${CELL} } }
  }
}`;

/** "stated by a source, a source names the tool for it (2 sources)". */
function cellWords(c: Cell): string {
  return `${c.confidence === 'STATED' ? 'stated' : 'inferred'}, ${words(DERIVATION_WORDS, c.derivation)} (${plural(c.sourceCount, 'source')}: ${c.citations
    .slice(0, 2)
    .map((x) => x.locator)
    .join('; ')})`;
}

const link = (e: Named) => h('a', { href: entityHref(e.id), text: e.name });

export class GapsView {
  private readonly picker = new ToolPicker('compare', 'Tools to compare');

  constructor(private readonly root: HTMLElement) {
    fill(
      root,
      h('h2', { text: 'What the graph leaves open' }),
      h(
        'form',
        {
          id: 'gaps-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void this.gaps();
          },
        },
        h('div', { id: 'gaps-types' }),
        h('label', { for: 'gaps-stated', class: 'check' }, h('input', { id: 'gaps-stated', type: 'checkbox' }), ' Stated only'),
        h('button', { type: 'submit', class: 'primary', id: 'gaps-run', text: 'Show the gaps' }),
      ),
      h('div', { id: 'gaps-results', 'aria-live': 'polite' }),
      h('h2', { text: 'Compare tools' }),
      h(
        'form',
        {
          id: 'compare-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void this.compare();
          },
        },
        this.picker.element,
        h('button', { type: 'submit', class: 'primary', id: 'compare-run', text: 'Compare' }),
      ),
      h('div', { id: 'compare-results', 'aria-live': 'polite' }),
    );
    void toolTypes().then((types) => fill(byId('gaps-types'), toolTypeBoxes('gaps-type', types, ['PRODUCT'])));
  }

  private minConfidence(): string {
    return byId<HTMLInputElement>('gaps-stated').checked ? 'STATED' : 'INFERRED';
  }

  async gaps(): Promise<void> {
    const out = byId('gaps-results');
    fill(out, h('p', { class: 'loading', text: 'Looking for gaps…' }));
    try {
      const { gaps } = await gql<{ gaps: { challengesWithoutPractice: Named[]; practicesWithoutTool: Named[] } }>(GAPS_QUERY, {
        toolTypes: ticked(this.root, 'gaps-type'),
        minConfidence: this.minConfidence(),
      });
      fill(
        out,
        h('h3', { text: `Challenges no practice addresses (${gaps.challengesWithoutPractice.length})` }),
        h('ul', { id: 'gaps-challenges' }, gaps.challengesWithoutPractice.map((c) => h('li', { 'data-challenge': c.id }, link(c)))),
        h('h3', { text: `Practices no tool of these types supports (${gaps.practicesWithoutTool.length})` }),
        h('ul', { id: 'gaps-practices' }, gaps.practicesWithoutTool.map((p) => h('li', { 'data-practice': p.id }, link(p)))),
      );
    } catch (e) {
      fill(out, h('p', { class: 'error', role: 'alert', text: `Could not find the gaps: ${(e as Error).message}` }));
    }
  }

  async compare(): Promise<void> {
    const out = byId('compare-results');
    const toolIds = this.picker.ids();
    if (toolIds.length < 2) return fill(out, h('p', { class: 'hint', text: 'Add at least two tools.' }));
    fill(out, h('p', { class: 'loading', text: 'Comparing…' }));
    try {
      const { compareTools: c } = await gql<{
        compareTools: { shared: { practice: Named; cells: Cell[]; missing: Named[] }[]; tools: { tool: Named; practiceCount: number; only: Cell[] }[] };
      }>(COMPARE_QUERY, { toolIds, minConfidence: this.minConfidence() });
      fill(
        out,
        h('h3', { text: `Practices two or more of them support (${c.shared.length})` }),
        h(
          'ul',
          { id: 'compare-shared' },
          c.shared.map((s) =>
            h(
              'li',
              { 'data-practice': s.practice.id },
              link(s.practice),
              h('ul', {}, s.cells.map((x) => h('li', {}, h('strong', { text: x.tool.name }), `: ${cellWords(x)}`))),
              s.missing.length > 0 ? h('p', { class: 'hint', text: `Not: ${s.missing.map((m) => m.name).join(', ')}` }) : null,
            ),
          ),
        ),
        c.tools.map((t) =>
          h(
            'section',
            { class: 'compare-only', 'data-tool': t.tool.id },
            h('h3', { text: `Only ${t.tool.name} (${t.only.length} of its ${plural(t.practiceCount, 'practice')})` }),
            h('ul', {}, t.only.map((x) => h('li', { 'data-practice': x.practice.id }, link(x.practice), `: ${cellWords(x)}`))),
          ),
        ),
      );
    } catch (e) {
      fill(out, h('p', { class: 'error', role: 'alert', text: `Could not compare: ${(e as Error).message}` }));
    }
  }
}
