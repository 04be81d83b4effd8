// (b) The challenge picker: choose a challenge, see the practices that address it, ranked by the
// `practicesAddressing` query (direct before indirect, then by distinct sources and citations), each
// with its citations and the paths that link it to the challenge.
import { CITATION_FIELDS, gql, type Citation } from './api.js';
import { byId, fill, h, plural } from './dom.js';
import { citationList, pathLine, type PathView } from './evidence.js';

export interface ChallengeOption {
  id: string;
  name: string;
  summary: string | null;
  categories: { node: { id: string; name: string } }[];
}

interface RankedPractice {
  practice: { id: string; name: string; summary: string | null };
  score: number;
  direct: boolean;
  via: string[];
  sourceCount: number;
  citationCount: number;
  citations: Citation[];
  paths: PathView[];
}

const RANKED_QUERY = `query ExplorerPracticesAddressing($challengeId: ID!) {
  practicesAddressing(challengeId: $challengeId, first: 100) {
    practice { id name summary }
    score direct via sourceCount citationCount
    citations { ${CITATION_FIELDS} }
    paths { entities { id name kind } relations { type } }
  }
}`;

/** "VIA_CATEGORY+CHALLENGE" -> "via category, challenge". */
function viaLabel(via: string): string {
  if (via === 'DIRECT') return 'direct';
  return 'via ' + via.replace(/^VIA_/, '').split('+').map((k) => k.toLowerCase().replace(/_/g, ' ')).join(', ');
}

/** <select> options grouped by the challenges' first category (optgroups, A–Z; uncategorised last). */
export function challengeOptions(challenges: readonly ChallengeOption[]): HTMLOptGroupElement[] {
  const groups = new Map<string, ChallengeOption[]>();
  for (const c of challenges) {
    const g = c.categories.map((x) => x.node.name).sort()[0] ?? 'Other challenges';
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === 'Other challenges' ? 1 : b === 'Other challenges' ? -1 : a.localeCompare(b)))
    .map(([label, list]) => h('optgroup', { label }, list.map((c) => h('option', { value: c.id, text: c.name }))));
}

export class ChallengePicker {
  private request = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly challenges: readonly ChallengeOption[],
  ) {
    fill(
      root,
      h(
        'div',
        { class: 'controls' },
        h(
          'label',
          { for: 'challenge-select' },
          'Challenge ',
          h(
            'select',
            { id: 'challenge-select', onchange: () => void this.pick(byId<HTMLSelectElement>('challenge-select').value) },
            h('option', { value: '', text: `Choose one of ${plural(challenges.length, 'challenge')}…` }),
            challengeOptions(challenges),
          ),
        ),
      ),
      h('div', { id: 'challenge-summary', class: 'summary' }),
      h('div', { id: 'challenge-results', 'aria-live': 'polite' }),
    );
  }

  async pick(challengeId: string): Promise<void> {
    const results = byId('challenge-results');
    const summary = byId('challenge-summary');
    const challenge = this.challenges.find((c) => c.id === challengeId);
    if (!challenge) {
      fill(summary);
      fill(results);
      return;
    }
    const select = byId<HTMLSelectElement>('challenge-select');
    if (select.value !== challengeId) select.value = challengeId;
    fill(summary, challenge.summary ? h('p', { text: challenge.summary }) : null);
    fill(results, h('p', { class: 'loading', text: 'Ranking the practices…' }));
    const mine = ++this.request;
    let ranked: RankedPractice[];
    try {
      ranked = (await gql<{ practicesAddressing: RankedPractice[] }>(RANKED_QUERY, { challengeId })).practicesAddressing;
    } catch (e) {
      if (mine === this.request) fill(results, h('p', { class: 'error', role: 'alert', text: `Could not rank the practices: ${(e as Error).message}` }));
      return;
    }
    if (mine !== this.request) return;
    if (ranked.length === 0) {
      fill(results, h('p', { class: 'empty', id: 'ranked-empty', text: 'No practice in the graph addresses this challenge, directly or along a path the ontology justifies.' }));
      return;
    }
    const direct = ranked.filter((r) => r.direct).length;
    fill(
      results,
      h('p', { class: 'summary', text: `${plural(ranked.length, 'practice')} address “${challenge.name}”: ${direct} directly, ${ranked.length - direct} indirectly. Ranked by evidence.` }),
      h(
        'ol',
        { id: 'ranked-practices', class: 'ranked' },
        ranked.map((r, i) =>
          h(
            'li',
            { class: 'ranked-practice', 'data-practice': r.practice.id },
            h(
              'div',
              { class: 'ranked-head' },
              h('span', { class: 'rank', 'aria-hidden': 'true', text: String(i + 1) }),
              h('h3', { class: 'practice-name', text: r.practice.name }),
              h('span', { class: 'score', title: '100 × direct + 10 × sources + citations / (citations + 1)', text: `score ${r.score.toFixed(2)}` }),
            ),
            h(
              'p',
              { class: 'badges' },
              r.via.map((v) => h('span', { class: `badge ${v === 'DIRECT' ? 'direct' : 'derived'}`, text: viaLabel(v) })),
              h('span', { class: 'evidence', text: ` ${plural(r.sourceCount, 'source')} · ${plural(r.citationCount, 'citation')}` }),
            ),
            r.practice.summary ? h('p', { class: 'practice-summary', text: r.practice.summary }) : null,
            citationList(r.citations),
            h(
              'details',
              { class: 'why' },
              h('summary', { text: `Why: ${plural(r.paths.length, 'path')} to the challenge` }),
              h('ol', { class: 'paths' }, r.paths.map(pathLine)),
            ),
          ),
        ),
      ),
    );
  }
}
