// Small, hand-made entities, relations and paths for the pure tests: no database, no seed.
import type { Citation, Confidence } from '../../../src/domain/citation.js';
import type { EntityModel, RelationModel } from '../../../src/domain/model.js';
import { kindOfId } from '../../../src/domain/ontology.js';
import type { PathModel } from '../../../src/analysis/models.js';

export function entity(id: string, name = id.slice(id.indexOf(':') + 1)): EntityModel {
  const kind = kindOfId(id);
  if (!kind) throw new Error(`no kind for ${id}`);
  return { id, kind, name, summary: null, descriptions: [], toolType: null, aliases: [], attributes: {}, confidence: 'STATED', citations: [] };
}

export function cite(source: string, digestId: string, confidence: Confidence = 'STATED', locator = '§1'): Citation {
  return { source, locator, digestId, confidence };
}

export function relation(type: string, from: string, to: string, citations: Citation[] = [cite('source:a', `${from}>${to}`)], level: string | null = null): RelationModel {
  return {
    id: `${from}-[${type}]->${to}`,
    type,
    from,
    to,
    level,
    note: null,
    confidence: citations.some((c) => c.confidence === 'STATED') ? 'STATED' : 'INFERRED',
    citations,
  };
}

/**
 * A path through `ids`, joined by `types` (one per hop; each hop's relation is stored from the
 * earlier id to the later one unless the type is written `<TYPE`), each hop cited by `citations[i]`.
 */
export function path(ids: string[], types: string[], citations?: Citation[][]): PathModel {
  const entities = ids.map((id) => entity(id));
  const relations = types.map((t, i) => {
    const back = t.startsWith('<');
    const type = back ? t.slice(1) : t;
    const [from, to] = back ? [ids[i + 1]!, ids[i]!] : [ids[i]!, ids[i + 1]!];
    return relation(type, from, to, citations?.[i]);
  });
  return { entities, relations, length: relations.length };
}
