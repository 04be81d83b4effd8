// Prompts for work that takes several tool calls. "roadmap": from a problem in the user's words to
// the challenges it is, the practices that address them, the tools that support those, and the gaps;
// it names the tools to call (only those this server has), and asks for citations at every step.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';
import type { McpCatalogue } from './catalogue.js';

/** The steps of the roadmap, each naming the tool it uses; a step whose tool is missing is left out. */
const STEPS: readonly { tool: string; text: string }[] = [
  { tool: 'find_problems', text: 'Challenges: call find_problems with the problem in the user\'s words; keep the one to three challenges that match it (its `matched` says why).' },
  { tool: 'find_entities', text: 'If find_problems finds nothing fitting, call find_entities with the key words of the problem and kinds ["CHALLENGE"] (try two or three phrasings).' },
  { tool: 'get_entity', text: 'For each challenge kept, call get_entity to read what it means and which sources name it.' },
  { tool: 'practices_addressing', text: 'Practices: for each challenge, call practices_addressing with its challengeId; prefer practices whose confidence is STATED, and note the road (strength) each takes.' },
  { tool: 'recommend_stack', text: 'Tools: call recommend_stack with all the challengeIds (and haveToolIds for tools the team already runs); use its steps to say what each tool covers.' },
  { tool: 'coverage', text: 'Gaps: the stack\'s coverableByTools and organisational practices are the gaps; call coverage with those practiceIds to see whether any tool supports them at all.' },
  { tool: 'compare_tools', text: 'Choices: where two tools compete for the same practices, call compare_tools with their ids to show what each adds.' },
  { tool: 'gaps', text: 'Open questions: call gaps once to see which challenges no practice addresses and which practices no product supports, and name those that touch this problem.' },
  { tool: 'explain_path', text: 'Why: where the link between a recommended tool and a challenge is not obvious, call explain_path from the tool to the challenge.' },
];

export function roadmapText(problem: string, cat: McpCatalogue): string {
  const steps = STEPS.filter((s) => cat.tool(s.tool)).map((s, i) => `${i + 1}. ${s.text}`);
  return [
    `Build a roadmap for this problem, using the mlops-kg tools: "${problem}"`,
    '',
    ...steps,
    '',
    'Write the roadmap as: problem -> challenges -> practices -> tools -> gaps. Back every claim with the citations the tools return (source, locator, url) and say whether it is STATED (the source says it) or INFERRED (the curators reconstructed it). Where the graph has no answer, say so rather than guess.',
  ].join('\n');
}

export function registerPrompts(server: McpServer, cat: McpCatalogue): void {
  server.registerPrompt(
    'roadmap',
    {
      title: 'A roadmap for this problem',
      description: 'From a problem in your words to the challenges it is, the practices that address them, the tools that support those practices, and what stays uncovered, with citations.',
      argsSchema: z.object({ problem: z.string().min(1).max(500).describe('The problem in your own words, e.g. "our models degrade silently in production".') }),
    },
    ({ problem }) => ({
      description: `A roadmap for: ${problem}`,
      messages: [{ role: 'user', content: { type: 'text', text: roadmapText(problem, cat) } }],
    }),
  );
}
