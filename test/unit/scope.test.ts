// What the sources do not cover, for a typed text (src/analysis/scope.ts).
import { describe, expect, it } from 'vitest';
import { scopeNotes } from '../../src/analysis/scope.js';

describe('scopeNotes', () => {
  it('names each topic the sources do not treat, with the words that named it, and says the reviews predate it', () => {
    const notes = scopeNotes('RAG over a Vector-Database, with LLM prompts');
    expect(notes.map((n) => [n.topic, n.matched])).toEqual([
      ['large language models', ['llm']],
      ['prompts', ['prompts']],
      ['retrieval-augmented generation', ['rag']],
      ['vector stores', ['vector database']],
    ]);
    for (const n of notes) {
      expect(n.message).toContain(`predate ${n.topic}`);
      expect(n.message).toContain('source:awesome-llmops');
      expect(n.message).toMatch(/curator's inference/);
    }
  });

  it('says nothing for the topics the reviews treat, nor for words that only look alike', () => {
    for (const text of ['model registry', 'drift monitoring', 'support vector machine', 'dragons', 'prompted retraining', 'Kubernetes']) {
      expect(scopeNotes(text), text).toEqual([]);
    }
  });
});
