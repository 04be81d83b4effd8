// (c) The stack recommender: choose challenges and a tool budget; `recommendStack` picks products
// (software a team can adopt) by greedy set cover of the practices that address them. Shows the tools
// in the order picked, what each newly covers, the coverage ratio (or why there is none) and what stays
// uncovered: what a tool could still cover, and organisational practices no tool covers.
import { gql } from './api.js';
import type { ChallengeOption } from './challenges.js';
import { byId, fill, h, plural } from './dom.js';
import { ticked, ToolPicker, toolTypeBoxes, toolTypes } from './tool-picker.js';
import { DERIVATION_WORDS, words } from './words.js';

interface Named {
  id: string;
  name: string;
}

interface StackData {
  recommendStack: {
    tools: Named[];
    coveredPractices: Named[];
    uncoveredPractices: Named[];
    coverableByTools: Named[];
    organisational: Named[];
    coverageRatio: number | null;
    reason: string | null;
    coveredOnlyThroughDerivation: Named[];
    practices: { practice: Named }[];
    steps: { tool: Named; alreadyRun: boolean; newlyCovered: Named[]; cells: { practice: { id: string }; level: string; direct: boolean; confidence: string; derivation: string }[] }[];
  };
}

const STACK_QUERY = `query ExplorerRecommendStack($challengeIds: [ID!]!, $maxTools: Int, $minConfidence: Confidence, $toolTypes: [ToolType!], $haveToolIds: [ID!], $includeDerived: Boolean) {
  recommendStack(challengeIds: $challengeIds, maxTools: $maxTools, minConfidence: $minConfidence, toolTypes: $toolTypes, haveToolIds: $haveToolIds, includeDerived: $includeDerived) {
    tools { id name }
    coveredPractices { id name }
    uncoveredPractices { id name }
    coverableByTools { id name }
    organisational { id name }
    coverageRatio
    reason
    coveredOnlyThroughDerivation { id name }
    practices { practice { id name } }
    steps { tool { id name } alreadyRun newlyCovered { id name } cells { practice { id } level direct confidence derivation } }
  }
}`;

export class StackRecommender {
  private request = 0;
  private readonly running = new ToolPicker('stack-have', 'Tools we already run');

  constructor(
    private readonly root: HTMLElement,
    challenges: readonly ChallengeOption[],
    private readonly showInHeatmap: (toolIds: string[], label: string) => void,
  ) {
    const groups = new Map<string, ChallengeOption[]>();
    for (const c of challenges) {
      const g = c.categories.map((x) => x.node.name).sort()[0] ?? 'Other challenges';
      groups.set(g, [...(groups.get(g) ?? []), c]);
    }
    const fieldsets = [...groups.entries()]
      .sort(([a], [b]) => (a === 'Other challenges' ? 1 : b === 'Other challenges' ? -1 : a.localeCompare(b)))
      .map(([label, list]) =>
        h(
          'fieldset',
          { class: 'challenge-group' },
          h('legend', { text: label }),
          list.map((c) =>
            h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'stack-challenge', value: c.id, onchange: () => this.updateButton() }), ` ${c.name}`),
          ),
        ),
      );
    fill(
      root,
      h(
        'form',
        {
          id: 'stack-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void this.run();
          },
        },
        h('p', { class: 'hint', text: 'Tick the challenges you face; the recommender picks, one at a time, the tool that supports the most practices not yet covered.' }),
        h('div', { class: 'challenge-groups' }, fieldsets),
        this.running.element,
        h('div', { id: 'stack-types' }),
        h(
          'div',
          { class: 'controls' },
          h('label', { for: 'stack-max' }, 'At most ', h('input', { id: 'stack-max', type: 'number', min: 1, max: 50, value: '5', required: true }), ' tools'),
          h('label', { for: 'stack-stated', class: 'check' }, h('input', { id: 'stack-stated', type: 'checkbox' }), ' Stated only'),
          h('label', { for: 'stack-derived', class: 'check' }, h('input', { id: 'stack-derived', type: 'checkbox' }), ' Count derived support too'),
          h('button', { id: 'stack-run', type: 'submit', class: 'primary', disabled: true, text: 'Recommend a stack' }),
          h('button', {
            id: 'stack-clear',
            type: 'button',
            text: 'Clear',
            onclick: () => {
              for (const b of this.boxes()) b.checked = false;
              this.updateButton();
              fill(byId('stack-results'));
            },
          }),
        ),
      ),
      h('div', { id: 'stack-results', 'aria-live': 'polite' }),
    );
    void toolTypes().then((types) => fill(byId('stack-types'), toolTypeBoxes('stack-type', types, ['PRODUCT'])));
  }

  private boxes(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('input[name="stack-challenge"]')];
  }

  private updateButton(): void {
    const n = this.boxes().filter((b) => b.checked).length;
    const button = byId<HTMLButtonElement>('stack-run');
    button.disabled = n === 0;
    button.textContent = n === 0 ? 'Recommend a stack' : `Recommend a stack for ${plural(n, 'challenge')}`;
  }

  async run(): Promise<void> {
    const challengeIds = this.boxes()
      .filter((b) => b.checked)
      .map((b) => b.value);
    const out = byId('stack-results');
    if (challengeIds.length === 0) return;
    const maxTools = Math.min(50, Math.max(1, Math.round(Number(byId<HTMLInputElement>('stack-max').value) || 5)));
    byId<HTMLInputElement>('stack-max').value = String(maxTools);
    fill(out, h('p', { class: 'loading', text: 'Picking tools…' }));
    const mine = ++this.request;
    let r: StackData['recommendStack'];
    try {
      const minConfidence = byId<HTMLInputElement>('stack-stated').checked ? 'STATED' : 'INFERRED';
      const types = ticked(this.root, 'stack-type');
      r = (
        await gql<StackData>(STACK_QUERY, {
          challengeIds,
          maxTools,
          minConfidence,
          toolTypes: types.length > 0 ? types : ['PRODUCT'],
          haveToolIds: this.running.ids(),
          includeDerived: byId<HTMLInputElement>('stack-derived').checked,
        })
      ).recommendStack;
    } catch (e) {
      if (mine === this.request) fill(out, h('p', { class: 'error', role: 'alert', text: `Could not recommend a stack: ${(e as Error).message}` }));
      return;
    }
    if (mine !== this.request) return;
    const total = r.practices.length;
    if (r.coverageRatio === null) {
      // No evidence is not full coverage: say so, never 100 %.
      fill(out, h('p', { id: 'stack-ratio', class: 'empty no-evidence', text: `No evidence: ${r.reason ?? 'no practice addresses these challenges.'}` }));
      return;
    }
    const pct = Math.round(r.coverageRatio * 100);
    fill(
      out,
      h(
        'div',
        { class: 'ratio' },
        h('div', { class: 'ratio-bar', role: 'img', 'aria-label': `${pct}% covered` }, h('div', { class: 'ratio-fill', style: `width: ${pct}%` })),
        h(
          'p',
          { id: 'stack-ratio' },
          h('strong', { text: `${pct}%` }),
          ` of the ${plural(total, 'practice')} that address ${challengeIds.length === 1 ? 'this challenge' : 'these challenges'} are supported by ${plural(r.tools.length, 'chosen tool')}.`,
        ),
        // The API's reason names its fields; the page says the same in words.
        r.uncoveredPractices.length > 0
          ? h('p', {
              id: 'stack-reason',
              class: 'hint',
              text: `${r.uncoveredPractices.length} of ${plural(total, 'practice')} stay uncovered: ${r.coverableByTools.length} a tool could cover (with more tools, other tool types, derived support, or a tool the sources do not name), ${r.organisational.length} about how teams work.`,
            })
          : null,
      ),
      h(
        'div',
        { class: 'stack-columns' },
        h(
          'section',
          { 'aria-labelledby': 'stack-tools-title' },
          h('h3', { id: 'stack-tools-title', text: 'Chosen tools, in the order picked' }),
          r.steps.length === 0
            ? h('p', { class: 'empty', text: 'No tool supports any of these practices.' })
            : h(
                'ol',
                { id: 'stack-tools', class: 'stack-tools' },
                r.steps.map((s) =>
                  h(
                    'li',
                    { 'data-tool': s.tool.id, 'data-already-run': s.alreadyRun ? 'true' : null },
                    h('strong', { class: 'tool-name', text: s.tool.name }),
                    s.alreadyRun ? h('span', { class: 'badge', text: 'already run' }) : null,
                    ` ${s.alreadyRun ? 'covers' : 'newly covers'} ${plural(s.newlyCovered.length, 'practice')}: `,
                    h(
                      'ul',
                      { class: 'inline-list' },
                      s.newlyCovered.map((p) => {
                        const cell = s.cells.find((c) => c.practice.id === p.id);
                        const how = cell ? `${words(DERIVATION_WORDS, cell.derivation)}${cell.confidence === 'STATED' ? ', stated' : ', inferred'}` : null;
                        return h('li', {}, p.name, cell && how ? h('span', { class: `badge ${cell.direct ? 'direct' : 'derived'}`, title: cell.level, text: how }) : null);
                      }),
                    ),
                  ),
                ),
              ),
          r.tools.length > 0
            ? h('button', {
                type: 'button',
                id: 'stack-to-heatmap',
                text: 'Show these tools in the heatmap',
                onclick: () => this.showInHeatmap(
                  r.tools.map((t) => t.id),
                  'the recommended stack',
                ),
              })
            : null,
        ),
        h(
          'section',
          { 'aria-labelledby': 'stack-uncovered-title' },
          h('h3', { id: 'stack-uncovered-title', text: `Still uncovered (${r.uncoveredPractices.length})` }),
          r.uncoveredPractices.length === 0
            ? h('p', { id: 'stack-all-covered', text: 'Nothing: every practice is supported by a chosen tool.' })
            : [
                h('h4', { text: `A tool could cover (${r.coverableByTools.length})` }),
                h('ul', { id: 'stack-uncovered' }, r.coverableByTools.map((p) => h('li', { 'data-practice': p.id, text: p.name }))),
                h('h4', { text: `Organisational: no tool covers them (${r.organisational.length})` }),
                h('ul', { id: 'stack-organisational' }, r.organisational.map((p) => h('li', { 'data-practice': p.id, text: p.name }))),
              ],
          h('h3', { text: `Reached only through a derivation (${r.coveredOnlyThroughDerivation.length})` }),
          h('p', { class: 'hint', text: 'A component, principle or catalogue section links the tool to these practices; no source names the tool for them.' }),
          h('ul', { id: 'stack-derived-only' }, r.coveredOnlyThroughDerivation.map((p) => h('li', { 'data-practice': p.id, text: p.name }))),
          h('h3', { text: `Covered (${r.coveredPractices.length})` }),
          h('ul', { id: 'stack-covered' }, r.coveredPractices.map((p) => h('li', { 'data-practice': p.id, text: p.name }))),
        ),
      ),
    );
    out.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
}
