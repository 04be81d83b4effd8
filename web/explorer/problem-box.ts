// The problem box: a problem typed in words -> the challenges it names (`problems`), each with what
// matched, and a button that ranks the practices for it.
import { gql } from './api.js';
import { fill, h } from './dom.js';
import { MATCH_WORDS, words } from './words.js';

interface ProblemMatch {
  challenge: { id: string; name: string };
  score: number;
  matched: { field: string; text: string; words: string[]; related: { name: string } | null }[];
}

const PROBLEMS_QUERY = `query ExplorerProblems($text: String!) {
  problems(text: $text, first: 5) { challenge { id name } score matched { field text words related { name } } }
}`;

/** "drift, data in its summary; model in a related problem (Models decay)". */
function matchedLine(m: ProblemMatch): string {
  return m.matched
    .slice(0, 3)
    .map((e) => `${e.words.join(', ')} in ${words(MATCH_WORDS, e.field)}${e.related ? ` (“${e.related.name}”)` : ''}`)
    .join('; ');
}

export function problemBox(root: HTMLElement, pick: (challengeId: string) => void): void {
  const input = h('input', { id: 'problem-text', type: 'search', maxlength: 200, placeholder: 'e.g. our models get worse in production and nobody notices', 'aria-describedby': 'problem-hint' });
  const out = h('div', { id: 'problem-results', 'aria-live': 'polite' });
  const run = async () => {
    const text = input.value.trim();
    if (text === '') return fill(out);
    fill(out, h('p', { class: 'loading', text: 'Looking for the challenges you describe…' }));
    try {
      const { problems } = await gql<{ problems: ProblemMatch[] }>(PROBLEMS_QUERY, { text });
      if (problems.length === 0) return fill(out, h('p', { class: 'empty', id: 'problem-empty', text: 'No challenge in the graph uses these words. Try other words, or pick a challenge below.' }));
      fill(
        out,
        h(
          'ol',
          { id: 'problem-matches', class: 'problem-matches' },
          problems.map((m) =>
            h(
              'li',
              { 'data-challenge': m.challenge.id },
              h('button', { type: 'button', class: 'link-button', text: m.challenge.name, onclick: () => pick(m.challenge.id) }),
              h('span', { class: 'hint', text: ` — matched: ${matchedLine(m)}` }),
            ),
          ),
        ),
      );
    } catch (e) {
      fill(out, h('p', { class: 'error', role: 'alert', text: `Could not look up the problem: ${(e as Error).message}` }));
    }
  };
  fill(
    root,
    h(
      'form',
      {
        id: 'problem-form',
        class: 'controls',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void run();
        },
      },
      h('label', { for: 'problem-text' }, 'Describe your problem ', input),
      h('button', { type: 'submit', class: 'primary', id: 'problem-run', text: 'Find challenges' }),
    ),
    h('p', { id: 'problem-hint', class: 'hint', text: 'In your own words; the graph’s names, other names and the sources’ wording are matched, and you see which words matched where.' }),
    out,
  );
}
