/** Labelled form fields with an error line next to each, for server validation messages. */
import { h, uid } from './dom';

export interface Field {
  name: string;
  element: HTMLElement;
  input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  setError(message: string): void;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Wraps `input` with its label, an optional hint and an (initially hidden) error line. */
export function field(name: string, label: string, input: Control, hint?: string): Field {
  const id = uid('field');
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : '';
  input.id = id;
  input.setAttribute('name', name);
  if (hintId) input.setAttribute('aria-describedby', hintId);
  const error = h('p', { class: 'field-error', id: errorId, hidden: true, 'data-error-for': name });
  const isCheckbox = input instanceof HTMLInputElement && input.type === 'checkbox';
  const element = isCheckbox
    ? h('div', { class: 'field checkbox' }, input, h('label', { for: id }, label),
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null, error)
    : h('div', { class: 'field' }, h('label', { for: id }, label), input,
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null, error);
  const setError = (message: string) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
    } else {
      input.removeAttribute('aria-invalid');
      if (hintId) input.setAttribute('aria-describedby', hintId);
      else input.removeAttribute('aria-describedby');
    }
  };
  return { name, element, input, setError };
}

/** A number input with bounds. */
export function numberInput(value: number, min: number, max: number): HTMLInputElement {
  const input = h('input', { type: 'number', min, max, step: 1, inputmode: 'numeric' });
  input.value = String(value);
  return input;
}

/** A text input. */
export function textInput(value: string): HTMLInputElement {
  const input = h('input', { type: 'text', autocomplete: 'off' });
  input.value = value;
  return input;
}

/** A checkbox. */
export function checkbox(checked: boolean): HTMLInputElement {
  const input = h('input', { type: 'checkbox' });
  input.checked = checked;
  return input;
}

/** A select of `[value, label]` options. */
export function selectInput(options: [string, string][], value: string): HTMLSelectElement {
  const select = h('select', null, ...options.map(([v, l]) => h('option', { value: v }, l)));
  select.value = value;
  return select;
}

/** The number in an input, or NaN when it is not a whole number (the server then names the field). */
export function readNumber(input: { value: string }): number {
  const text = input.value.trim();
  return /^-?\d+$/.test(text) ? Number(text) : NaN;
}
