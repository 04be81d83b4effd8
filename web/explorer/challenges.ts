// (b) The challenge picker: choose a challenge, see the practices that address it, ranked by the
// `practicesAddressing` query (stated before inferred, then direct, sound and weak roads, then distinct
// sources and statements), each with its citations and the paths that link it to the challenge. A
// switch keeps only what sources state at every hop.
import { CITATION_FIELDS, gql, type Citation } from './api.js';
import { entityHref } from './entity-page.js';
import { byId, fill, h, plural } from './dom.js';
import { citationList, pathLine, type PathView } from './evidence.js';
import { problemBox } from './problem-box.js';
import { CONFIDENCE_WORDS, ROAD_WORDS, words } from './words.js';

export interface ChallengeOption {
  id: string;
  name: string;
  summary: string | null;
  categories: { node: { id: string; name: string } }[];
}

interface RankedPractice {
  practice: { id: string; name: string; summary: string | null };
  score: number;
  confidence: 'STATED' | 'INFERRED';
  strength: 'DIRECT' | 'SOUND' | 'WEAK';
  statementCount: number;
  direct: boolean;
  via: string[];
  sourceCount: number;
  citationCount: number;
  agreement: number;
  relevance: number;
  why: string;
  citations: Citation[];
  paths: PathView[];
}

const RANKED_QUERY = `query ExplorerPracticesAddressing($challengeId: ID!, $minConfidence: Confidence) {
  practicesAddressing(challengeId: $challengeId, minConfidence: $minConfidence, first: 100) {
    practice { id name summary }
    score confidence strength statementCount direct via sourceCount citationCount agreement relevance why
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
      h('div', { id: 'problem-box', class: 'problem-box' }),
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
        h(
          'label',
          { for: 'challenge-stated', class: 'check' },
          h('input', { id: 'challenge-stated', type: 'checkbox', onchange: () => void this.pick(byId<HTMLSelectElement>('challenge-select').value) }),
          ' Stated only (every hop stated by a source)',
        ),
      ),
      h('div', { id: 'challenge-summary', class: 'summary' }),
      h('div', { id: 'challenge-results', 'aria-live': 'polite' }),
    );
    problemBox(byId('problem-box'), (id) => void this.pick(id));
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
      const minConfidence = byId<HTMLInputElement>('challenge-stated').checked ? 'STATED' : 'INFERRED';
      ranked = (await gql<{ practicesAddressing: RankedPractice[] }>(RANKED_QUERY, { challengeId, minConfidence })).practicesAddressing;
    } catch (e) {
      if (mine === this.request) fill(results, h('p', { class: 'error', role: 'alert', text: `Could not rank the practices: ${(e as Error).message}` }));
      return;
    }
    if (mine !== this.request) return;
    if (ranked.length === 0) {
      const stated = byId<HTMLInputElement>('challenge-stated').checked;
      fill(
        results,
        h('p', {
          class: 'empty no-evidence',
          id: 'ranked-empty',
          text: stated
            ? 'No evidence stated at every hop: no source states a practice for this challenge along a road of the ontology. Untick “Stated only” to see inferred links.'
            : 'No evidence: no practice in the graph addresses this challenge, directly or along a path the ontology justifies.',
        }),
      );
      return;
    }
    const direct = ranked.filter((r) => r.direct).length;
    const statedCount = ranked.filter((r) => r.confidence === 'STATED').length;
    fill(
      results,
      h('p', { class: 'summary', text: `${plural(ranked.length, 'practice')} address “${challenge.name}”: ${direct} directly, ${ranked.length - direct} indirectly; ${statedCount} stated at every hop. Ranked by evidence.` }),
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
              h('h3', { class: 'practice-name' }, h('a', { href: entityHref(r.practice.id), text: r.practice.name })),
              h('span', { class: 'score', title: 'Evidence: 1000 × stated + 100 × road + 10 × sources that agree + 2 × the curators’ own reading + statements / (statements + 1)', text: `score ${r.score.toFixed(2)}` }),
            ),
            h('p', { class: 'why-sentence', text: r.why }),
            h(
              'p',
              { class: 'badges' },
              h('span', { class: `badge confidence-${r.confidence.toLowerCase()}`, 'data-confidence': r.confidence, text: words(CONFIDENCE_WORDS, r.confidence) }),
              h('span', { class: `badge strength-${r.strength.toLowerCase()}`, text: words(ROAD_WORDS, r.strength) }),
              r.via.map((v) => h('span', { class: `badge ${v === 'DIRECT' ? 'direct' : 'derived'}`, text: viaLabel(v) })),
              h('span', { class: 'evidence', text: ` ${plural(r.agreement, 'source')} making the link · ${plural(r.statementCount, 'statement')} · ${plural(r.citationCount, 'citation')} · wording shared with the challenge ${Math.round(r.relevance * 100)} % (text, not evidence)` }),
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
