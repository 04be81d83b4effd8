// What the graph's sources do not cover, for a text a person typed (no I/O). The reviews the graph is
// built from describe no practice for large language models, prompts, retrieval-augmented generation
// or vector stores; only the catalogue Awesome LLMOps lists tools for them. A search or an answer on
// those topics says so (Query.scopeNotes), instead of letting a hit pass for a review's practice.

export interface ScopeNoteModel {
  /** The topic the text touches, in plain words. */
  readonly topic: string;
  /** The words or phrases of the text that name it, lower-cased, in the order of the topic's list. */
  readonly matched: readonly string[];
  /** What the sources say, and do not say, about the topic. */
  readonly message: string;
}

/** The note on a topic: the sources predate it or do not treat it; the catalogue's links are inferences. */
const note = (topic: string) =>
  `The reviews and studies this graph is built from predate ${topic} or do not treat them: none describes a practice for them (the latest, Eken et al. 2024, covers literature up to September 2023). ` +
  `Tools for ${topic} come only from the catalogue Awesome LLMOps (source:awesome-llmops); a link from such a tool to a practice or component is a curator's inference, not a review's statement.`;

/** Topics and the words or phrases (lower-case, words separated by one space) that name them. */
const TOPICS: readonly { topic: string; phrases: readonly string[] }[] = [
  {
    topic: 'large language models',
    phrases: ['llm', 'llms', 'llmops', 'large language model', 'large language models', 'language model', 'language models', 'foundation model', 'foundation models', 'gpt', 'genai', 'generative ai', 'fine tuning', 'fine tune'],
  },
  { topic: 'prompts', phrases: ['prompt', 'prompts', 'prompting', 'prompt engineering', 'promptops'] },
  { topic: 'retrieval-augmented generation', phrases: ['rag', 'retrieval augmented', 'retrieval augmented generation'] },
  {
    topic: 'vector stores',
    phrases: ['vector database', 'vector databases', 'vector db', 'vectordb', 'vector store', 'vector stores', 'vector search', 'vector index', 'embedding', 'embeddings'],
  },
  { topic: 'AI agents', phrases: ['ai agent', 'ai agents', 'llm agent', 'llm agents', 'agentic'] },
];

/** The words of a text as one lower-case string, one space apart, with a space at each end. */
function wordsOf(text: string): string {
  return ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
}

/** One note per topic the text names; none when it names none. */
export function scopeNotes(text: string): ScopeNoteModel[] {
  const words = wordsOf(text);
  return TOPICS.flatMap(({ topic, phrases }) => {
    const matched = phrases.filter((p) => words.includes(` ${p} `));
    return matched.length === 0 ? [] : [{ topic, matched, message: note(topic) }];
  });
}
