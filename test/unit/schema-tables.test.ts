// The tables of src/domain that repeat what the SDL says (which relation field follows which
// relations; which Query field lists which kind), held against the SDL both ways.
import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LINK_FIELDS, linkFieldsOf } from '../../src/domain/link-fields.js';
import { LIST_FIELD } from '../../src/domain/list-fields.js';
import { REFERENCE_FIELDS } from '../../src/domain/reference-fields.js';
import { ENTITY_KINDS, LABEL } from '../../src/domain/ontology.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const objectType = (name: string): GraphQLObjectType => {
  const t = schema.getType(name);
  if (!isObjectType(t)) throw new Error(`${name} is not an object type of the SDL`);
  return t;
};

/** Fields of an entity type that return links, other than the generic `links`. */
function typedLinkFieldsInSdl(typeName: string): string[] {
  return Object.values(objectType(typeName).getFields())
    .filter((f) => f.name !== 'links' && getNamedType(f.type).name.endsWith('Link'))
    .map((f) => f.name)
    .sort();
}

describe('the link-field table and the SDL', () => {
  it('has an entry for every typed relation field of every entity type, and no other', () => {
    for (const kind of ENTITY_KINDS) {
      const typeName = LABEL[kind];
      expect(Object.keys(linkFieldsOf(typeName)).sort(), typeName).toEqual(typedLinkFieldsInSdl(typeName));
    }
    expect(Object.keys(LINK_FIELDS).every((t) => ENTITY_KINDS.some((k) => LABEL[k] === t))).toBe(true);
  });

  it('returns links of the kind the entry names (Link when any kind)', () => {
    for (const typeName of Object.keys(LINK_FIELDS)) {
      for (const [field, spec] of Object.entries(linkFieldsOf(typeName))) {
        const returned = getNamedType(objectType(typeName).getFields()[field]!.type).name;
        expect(returned, `${typeName}.${field}`).toBe(spec.kind ? `${LABEL[spec.kind]}Link` : 'Link');
      }
    }
  });
});

describe('the list-field table and the SDL', () => {
  it('names a Query field for every kind, returning that kind\'s connection, and no list is left out', () => {
    const query = schema.getQueryType()!.getFields();
    for (const kind of ENTITY_KINDS) {
      const field = query[LIST_FIELD[kind]];
      expect(field, LIST_FIELD[kind]).toBeDefined();
      expect(getNamedType(field!.type).name).toBe(`${LABEL[kind]}Connection`);
    }
    const connections = Object.values(query).filter((f) => getNamedType(f.type).name.endsWith('Connection'));
    expect(connections.map((f) => f.name).sort()).toEqual(Object.values(LIST_FIELD).sort());
  });
});

describe('the reference-field table and the SDL', () => {
  it('names fields that exist and return an entity (the Entity interface or an entity type)', () => {
    const entityTypes = new Set(['Entity', ...ENTITY_KINDS.map((k) => LABEL[k])]);
    for (const ref of REFERENCE_FIELDS) {
      const [typeName, field] = ref.split('.') as [string, string];
      const def = objectType(typeName).getFields()[field];
      expect(def, ref).toBeDefined();
      expect(entityTypes.has(getNamedType(def!.type).name), ref).toBe(true);
    }
  });
});
