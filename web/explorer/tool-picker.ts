// A picker of tools by name (a text box with the names as suggestions, and the picked tools as
// removable chips), and the tool-type checkboxes, shared by the stack form and the compare view.
import { allNodes } from './api.js';
import { fill, h } from './dom.js';
import { TOOL_TYPE_WORDS, words } from './words.js';

export interface ToolOption {
  id: string;
  name: string;
  toolType: string | null;
}

let toolsOnce: Promise<ToolOption[]> | null = null;

/** Every tool of the graph (read once per page). */
export function allTools(): Promise<ToolOption[]> {
  toolsOnce ??= allNodes<ToolOption>('tools', 'id name toolType');
  return toolsOnce;
}

export class ToolPicker {
  readonly element: HTMLElement;
  private readonly picked: ToolOption[] = [];
  private readonly chips: HTMLElement;
  private readonly input: HTMLInputElement;

  constructor(
    private readonly idPrefix: string,
    label: string,
    private readonly onChange: () => void = () => {},
  ) {
    const listId = `${idPrefix}-names`;
    this.input = h('input', { id: `${idPrefix}-input`, list: listId, placeholder: 'Type a tool name…', autocomplete: 'off' });
    this.chips = h('ul', { id: `${idPrefix}-chips`, class: 'chips' });
    const datalist = h('datalist', { id: listId });
    void allTools().then((tools) => fill(datalist, tools.map((t) => h('option', { value: t.name }))));
    const add = () => void this.add(this.input.value);
    this.element = h(
      'div',
      { class: 'tool-picker' },
      h('label', { for: `${idPrefix}-input` }, `${label} `, this.input),
      datalist,
      h('button', { type: 'button', id: `${idPrefix}-add`, text: 'Add', onclick: add }),
      this.chips,
    );
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        add();
      }
    });
  }

  /** Adds the tool of that name (case-insensitive) or id. */
  async add(text: string): Promise<void> {
    const wanted = text.trim().toLowerCase();
    if (wanted === '') return;
    const tool = (await allTools()).find((t) => t.name.toLowerCase() === wanted || t.id === wanted);
    if (!tool) {
      this.input.setCustomValidity('No tool of that name in the graph');
      this.input.reportValidity();
      return;
    }
    this.input.setCustomValidity('');
    this.input.value = '';
    if (!this.picked.some((t) => t.id === tool.id)) this.picked.push(tool);
    this.render();
    this.onChange();
  }

  ids(): string[] {
    return this.picked.map((t) => t.id);
  }

  private render(): void {
    fill(
      this.chips,
      this.picked.map((t, i) =>
        h(
          'li',
          { 'data-tool': t.id },
          t.name,
          h('button', {
            type: 'button',
            class: 'chip-remove',
            'aria-label': `Remove ${t.name}`,
            text: '×',
            onclick: () => {
              this.picked.splice(i, 1);
              this.render();
              this.onChange();
            },
          }),
        ),
      ),
    );
  }
}

/** Checkboxes of tool types in plain words; `checked` are ticked at first. */
export function toolTypeBoxes(name: string, types: readonly string[], checked: readonly string[]): HTMLElement {
  return h(
    'fieldset',
    { class: 'tool-types' },
    h('legend', { text: 'Tool types that count' }),
    types.map((t) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value: t, checked: checked.includes(t) }), ` ${words(TOOL_TYPE_WORDS, t)}`)),
  );
}

/** The ticked values of the checkboxes named `name` under `root`. */
export function ticked(root: ParentNode, name: string): string[] {
  return [...root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].filter((b) => b.checked).map((b) => b.value);
}

/** When introspection is off: the types every version of the API has. */
const KNOWN_TYPES = ['PRODUCT', 'TECHNIQUE', 'TECHNOLOGY_CLASS', 'GUIDANCE', 'RESEARCH_PROTOTYPE', 'FRAMEWORK'];

/** The tool types of the schema (read once): the explorer follows the API's enum. */
let typesOnce: Promise<string[]> | null = null;
export function toolTypes(): Promise<string[]> {
  typesOnce ??= fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __type(name: "ToolType") { enumValues { name } } }' }),
  })
    .then((r) => r.json() as Promise<{ data?: { __type: { enumValues: { name: string }[] } | null } }>)
    .then((b) => b.data?.__type?.enumValues.map((v) => v.name) ?? KNOWN_TYPES)
    .catch(() => KNOWN_TYPES);
  return typesOnce;
}
