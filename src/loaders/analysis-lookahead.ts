// Look-ahead for the analysis queries (schema/analysis.graphql): which stored properties the
// selection asks of the entities the analysis read itself returns (the ranked practices, a coverage's
// tools and practices, the entities along paths, a stack's tools...). A dashboard that asks for ids
// and names then reads ids and names, not every entity's descriptions, attributes and citations:
// those were most of the bytes Neo4j sent and the driver decoded per uncached request.
//
// The walk follows the selection from the root field through every composite field, into fragments,
// and stops at the typed relation fields and `links` of an entity (their entities come from the
// links loader or a list's look-ahead, read apart). A reference by id (a relation's ends, a
// citation's source) asking more than its id, or a field the walk does not know, answers "all":
// the full projection, primed into the entity loader as before, so such a reference costs no
// round trip more than it did. Entities read with fewer properties are never primed into the
// request's entity loader (see src/resolvers/analysis.ts), so no other field can meet one.
import { getNamedType, isAbstractType, isCompositeType, isObjectType, type GraphQLNamedType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { linkFieldsOf } from '../domain/link-fields.js';
import { FROM_THE_ID, REFERENCE_FIELDS } from '../domain/reference-fields.js';
import { ENTITY_FIELD_PROPS, fieldsOn } from './prefetch.js';

/**
 * The stored properties the selection under the resolving field asks of the read's entities, with
 * `needed` (what the analysis itself reads), sorted; null when it may ask for any of them.
 */
export function analysisEntityProps(info: GraphQLResolveInfo, needed: readonly string[]): string[] | null {
  const props = new Set<string>(needed);
  const type = getNamedType(info.returnType);
  for (const node of info.fieldNodes) {
    if (!collect(node.selectionSet, type, info, props)) return null;
  }
  return [...props].sort();
}

/** Adds the properties asked under `selectionSet` (on `type`) to `props`; false: not known here. */
function collect(selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, info: GraphQLResolveInfo, props: Set<string>): boolean {
  if (!selectionSet) return true;
  const objects = isAbstractType(type) ? info.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  for (const object of objects) {
    const fields = fieldsOn(selectionSet, object.name, info);
    if (object.getInterfaces().some((i) => i.name === 'Entity')) {
      const links = linkFieldsOf(object.name);
      for (const f of fields) {
        const name = f.name.value;
        if (name === 'links' || name in links) continue;
        const needs = ENTITY_FIELD_PROPS[name];
        if (!needs) return false;
        for (const p of needs) props.add(p);
      }
      continue;
    }
    for (const f of fields) {
      const def = object.getFields()[f.name.value];
      if (!def) continue; // __typename
      const named = getNamedType(def.type);
      if (REFERENCE_FIELDS.has(`${object.name}.${f.name.value}`)) {
        if (!isObjectType(named) && !isAbstractType(named)) return false;
        const types = isAbstractType(named) ? info.schema.getPossibleTypes(named) : [named];
        if (types.some((t) => fieldsOn(f.selectionSet, t.name, info).some((x) => !FROM_THE_ID.has(x.name.value)))) return false;
        continue;
      }
      if (isCompositeType(named) && !collect(f.selectionSet, named, info, props)) return false;
    }
  }
  return true;
}
