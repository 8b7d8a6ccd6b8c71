type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children. Text children become text nodes, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

let nextId = 0;
/** A document-unique id with a readable prefix. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A box for a value a person types (a number, a quantity, a list): no autocomplete, no spell check. */
export function textInput(id: string, inputmode?: 'decimal' | 'numeric'): HTMLInputElement {
  return h('input', { type: 'text', id, inputmode, autocomplete: 'off', spellcheck: 'false' });
}
