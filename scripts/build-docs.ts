// Builds the API reference, docs/reference/index.html, from the SDL (schema/*.graphql) and the example
// queries of README.md. The server serves it at GET /docs (src/http/routes/docs.ts) with its stylesheet
// docs/reference/style.css (written by hand); the page loads nothing else, from anywhere.
//
//   tsx scripts/build-docs.ts            write docs/reference/index.html
//   tsx scripts/build-docs.ts --check    fail when it is not what the SDL and README.md give (npm test)
//
// The page is committed, so it can be read in the repository too; the check keeps it in step with the
// SDL the way `npm run codegen:check` keeps the generated types.
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  parse,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { loadTypeDefs } from '../src/graphql/schema.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const REFERENCE_FILE = path.join(ROOT, 'docs', 'reference', 'index.html');

/** One SDL file: its name (for grouping: analysis.graphql holds the analysis types) and text. */
export interface SdlFile {
  readonly name: string;
  readonly sdl: string;
}

/** A ```graphql block of README.md with the heading and lead it stands under. */
export interface ReadmeExample {
  readonly section: string;
  readonly title: string;
  readonly query: string;
}

// ---- the README's examples ----------------------------------------------------------------------

/**
 * Every ```graphql block of README.md, in order, with its section (the `## ` heading above it) and a
 * title: the bold lead of the paragraph before it (**Which practices address...?**), else the section.
 */
export function readmeGraphqlExamples(readme: string): ReadmeExample[] {
  const out: ReadmeExample[] = [];
  let section = '';
  let lead: string | null = null;
  const lines = readme.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      lead = null;
      continue;
    }
    const bold = /^\*\*(.+?)\*\*/.exec(line);
    if (bold) lead = bold[1]!.replace(/:$/, '').trim();
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    if (fence[1] === 'graphql') out.push({ section, title: lead ?? section, query: body.join('\n').trim() });
  }
  return out;
}

// ---- rendering ----------------------------------------------------------------------------------

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A description as HTML: paragraphs at blank lines, `code` spans kept; everything else is text. */
function prose(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.replace(/\s*\n\s*/g, ' ')).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('');
}

const anchor = (type: string, field?: string) => (field ? `${type}.${field}` : type);

/** A type reference with its named type linked to that type's entry: [Practice!]! */
function typeRef(type: GraphQLType): string {
  const named = getNamedType(type);
  const text = String(type);
  const at = text.indexOf(named.name);
  return `<code class="type">${escapeHtml(text.slice(0, at))}<a href="#${anchor(named.name)}">${named.name}</a>${escapeHtml(text.slice(at + named.name.length))}</code>`;
}

function defaultOf(arg: GraphQLArgument | GraphQLInputField): string {
  const node = arg.astNode?.defaultValue;
  return node ? ` = <code class="default">${escapeHtml(print(node))}</code>` : '';
}

function argumentList(args: readonly GraphQLArgument[]): string {
  if (args.length === 0) return '';
  const items = args.map((a) => `<li><code class="name">${a.name}</code>: ${typeRef(a.type)}${defaultOf(a)}${prose(a.description)}</li>`);
  return `<div class="args"><span class="label">Arguments</span><ul>${items.join('')}</ul></div>`;
}

function fieldEntry(type: string, f: GraphQLField<unknown, unknown>): string {
  return `<li class="field" id="${anchor(type, f.name)}"><div class="sig"><a class="self" href="#${anchor(type, f.name)}"><code class="name">${f.name}</code></a>: ${typeRef(f.type)}</div>${prose(f.description)}${argumentList(f.args)}</li>`;
}

function typeEntry(schema: GraphQLSchema, t: GraphQLNamedType): string {
  let kind = 'scalar';
  let body = '';
  let extra = '';
  if (isObjectType(t) || isInterfaceType(t)) {
    kind = isObjectType(t) ? 'type' : 'interface';
    const ifaces = t.getInterfaces();
    if (ifaces.length > 0) extra = ` <span class="implements">implements ${ifaces.map((i) => `<a href="#${i.name}">${i.name}</a>`).join(', ')}</span>`;
    if (isInterfaceType(t)) {
      const impls = schema.getPossibleTypes(t);
      body += `<p class="impls">Implemented by ${impls.map((i) => `<a href="#${i.name}">${i.name}</a>`).join(', ')}.</p>`;
    }
    body += `<ul class="fields">${Object.values(t.getFields()).map((f) => fieldEntry(t.name, f)).join('\n')}</ul>`;
  } else if (isInputObjectType(t)) {
    kind = 'input';
    const items = Object.values(t.getFields()).map(
      (f) => `<li class="field" id="${anchor(t.name, f.name)}"><div class="sig"><code class="name">${f.name}</code>: ${typeRef(f.type)}${defaultOf(f)}</div>${prose(f.description)}</li>`,
    );
    body = `<ul class="fields">${items.join('\n')}</ul>`;
  } else if (isEnumType(t)) {
    kind = 'enum';
    const items = t.getValues().map((v) => `<li class="field" id="${anchor(t.name, v.name)}"><div class="sig"><code class="name">${v.name}</code></div>${prose(v.description)}</li>`);
    body = `<ul class="fields">${items.join('\n')}</ul>`;
  }
  return `<section class="entry" id="${anchor(t.name)}"><h3><span class="kind">${kind}</span> <a class="self" href="#${anchor(t.name)}">${t.name}</a>${extra}</h3>${prose(t.description)}${body}</section>`;
}

interface Group {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly types: GraphQLNamedType[];
}

/** The schema's types in groups: entities, links and pages, analysis answers, inputs, enums, scalars. */
function groups(schema: GraphQLSchema, files: readonly SdlFile[]): Group[] {
  // Definition order across the files, and which file defines each type.
  const order: string[] = [];
  const fileOf = new Map<string, string>();
  for (const f of files) {
    for (const d of parse(f.sdl).definitions) {
      if ('name' in d && d.name && d.kind !== Kind.OBJECT_TYPE_EXTENSION && !fileOf.has(d.name.value)) {
        order.push(d.name.value);
        fileOf.set(d.name.value, f.name);
      }
    }
  }
  const query = schema.getQueryType()?.name;
  const entity = schema.getType('Entity');
  const implementers = new Set(entity && isInterfaceType(entity) ? schema.getPossibleTypes(entity).map((t) => t.name) : []);
  const named = order.map((n) => schema.getType(n)).filter((t): t is GraphQLNamedType => t !== undefined && t.name !== query);
  const taken = new Set<string>();
  const take = (pred: (t: GraphQLNamedType) => boolean) => {
    const out = named.filter((t) => !taken.has(t.name) && pred(t));
    for (const t of out) taken.add(t.name);
    return out;
  };
  const entityTypes = [...take((t) => t.name === 'Entity'), ...take((t) => implementers.has(t.name)), ...take((t) => (isObjectType(t) || isInterfaceType(t)) && ['Relation', 'Link', 'Citation', 'SourceDescription'].includes(t.name))];
  const pages = take((t) => isObjectType(t) && (/(Link|Connection|Edge)$/.test(t.name) || t.name === 'PageInfo'));
  const analysis = take((t) => isObjectType(t) && fileOf.get(t.name) === 'analysis.graphql');
  const otherObjects = take((t) => isObjectType(t) || isInterfaceType(t));
  const inputs = take(isInputObjectType);
  const enums = take(isEnumType);
  const used = new Set<string>();
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__')) continue;
    if (isObjectType(t) || isInterfaceType(t)) {
      for (const f of Object.values(t.getFields())) {
        used.add(getNamedType(f.type).name);
        for (const a of f.args) used.add(getNamedType(a.type).name);
      }
    }
    if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) used.add(getNamedType(f.type).name);
  }
  const scalars = [
    ...take(isScalarType),
    ...Object.values(schema.getTypeMap()).filter((t) => isScalarType(t) && isSpecifiedScalarType(t) && used.has(t.name)).sort((a, b) => a.name.localeCompare(b.name)),
  ];
  return [
    { id: 'entities', title: 'Entities', intro: 'The Entity interface, one type per entity kind, and the relations, links and citations that connect them.', types: entityTypes },
    { id: 'links-and-pages', title: 'Links and pages', intro: 'A typed relation field returns links (the entity at the other end with the relation); a list returns a connection, a page of edges.', types: pages },
    { id: 'analysis', title: 'Analysis answers', intro: 'What search, practicesAddressing, coverage, recommendStack, paths and stats return.', types: [...analysis, ...otherObjects] },
    { id: 'inputs', title: 'Inputs', intro: 'Argument objects.', types: inputs },
    { id: 'enums', title: 'Enums', intro: 'Fixed sets of values.', types: enums },
    { id: 'scalars', title: 'Scalars', intro: 'Leaf values: the JSON scalar and the GraphQL built-ins the schema uses.', types: scalars },
  ].filter((g) => g.types.length > 0);
}

/** The whole reference page, from the SDL files and README.md's text. Deterministic: same input, same bytes. */
export function renderReference(files: readonly SdlFile[], readme: string): string {
  const schema = buildASTSchema(parse(files.map((f) => f.sdl).join('\n')));
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  const gs = groups(schema, files);
  const examples = readmeGraphqlExamples(readme);

  const toc = [
    `<li><a href="#Query">Query</a><ul>${Object.keys(query.getFields()).map((f) => `<li><a href="#Query.${f}">${f}</a></li>`).join('')}</ul></li>`,
    ...gs.map((g) => `<li><a href="#${g.id}">${g.title}</a><ul>${g.types.map((t) => `<li><a href="#${t.name}">${t.name}</a></li>`).join('')}</ul></li>`),
    examples.length > 0 ? '<li><a href="#examples">Examples</a></li>' : '',
  ].join('');

  const exampleHtml = examples
    .map((e, i) => `<section class="example" id="example-${i + 1}"><h3>${escapeHtml(e.title)}</h3>${e.title === e.section ? '' : `<p class="from">README.md, “${escapeHtml(e.section)}”</p>`}<pre><code>${escapeHtml(e.query)}</code></pre></section>`)
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlops-kg GraphQL API reference</title>
<link rel="stylesheet" href="/docs/style.css">
</head>
<body>
<nav class="toc"><p class="home"><a href="/docs">API reference</a></p><ul>${toc}</ul></nav>
<main>
<header>
<h1>mlops-kg GraphQL API reference</h1>
<p>Every query, type, field, argument and enum value of the API, generated from the SDL (<code>schema/*.graphql</code>) by <code>scripts/build-docs.ts</code>. Send queries to <code>POST /graphql</code>; try them in GraphiQL at <a href="/graphql">/graphql</a>. Lists page with <code>first</code> and <code>after</code>; every answer carries its evidence (relations and citations).</p>
</header>
<section class="group" id="queries"><h2>Queries</h2>${typeEntry(schema, query)}</section>
${gs.map((g) => `<section class="group" id="${g.id}"><h2>${g.title}</h2><p>${escapeHtml(g.intro)}</p>${g.types.map((t) => typeEntry(schema, t)).join('\n')}</section>`).join('\n')}
${examples.length > 0 ? `<section class="group" id="examples"><h2>Examples</h2><p>The example queries of README.md.</p>${exampleHtml}</section>` : ''}
</main>
</body>
</html>
`;
}

// ---- the files ----------------------------------------------------------------------------------

/** The SDL files the server loads (src/graphql/schema.ts), with their names. */
export async function currentInputs(): Promise<{ files: SdlFile[]; readme: string }> {
  const dir = path.join(ROOT, 'schema');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const sdl = loadTypeDefs();
  if (sdl.length !== names.length) throw new Error('schema/ changed while it was read');
  return { files: names.map((name, i) => ({ name, sdl: sdl[i]! })), readme: await readFile(path.join(ROOT, 'README.md'), 'utf8') };
}

/** Null when `written` is the page the inputs give; else what to run. */
export function staleness(files: readonly SdlFile[], readme: string, written: string | null): string | null {
  if (written === null) return 'docs/reference/index.html is missing: run `npm run docs`';
  if (written !== renderReference(files, readme)) return 'docs/reference/index.html is stale (the SDL or README.md changed): run `npm run docs`';
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { files, readme } = await currentInputs();
    if (process.argv.includes('--check')) {
      const written = await readFile(REFERENCE_FILE, 'utf8').catch(() => null);
      const problem = staleness(files, readme, written);
      if (problem) throw new Error(problem);
      console.error('docs: docs/reference/index.html is up to date');
    } else {
      await writeFile(REFERENCE_FILE, renderReference(files, readme));
      console.error(`docs: wrote ${path.relative(ROOT, REFERENCE_FILE)}`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
