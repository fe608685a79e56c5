/**
 * Building DOM safely: elements from createElement, text from textContent. Nothing here ever
 * parses a string as HTML, so a sheet value can never become markup.
 */

type Child = Node | string | null | undefined | false;
type Props = { [name: string]: string | number | boolean | null | undefined | EventListener };

/**
 * `h('button', { class: 'primary', onclick: run }, 'Run audit')`. Props starting with `on` are
 * listeners; `true` sets an empty attribute, `false`/null/undefined leaves it out; strings
 * among the children become text nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props) {
    for (const name of Object.keys(props)) {
      const value = props[name];
      if (typeof value === 'function') {
        element.addEventListener(name.slice(2), value);
      } else if (value === true) {
        element.setAttribute(name, '');
      } else if (value !== false && value !== null && value !== undefined) {
        element.setAttribute(name, String(value));
      }
    }
  }
  append(element, children);
  return element;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
