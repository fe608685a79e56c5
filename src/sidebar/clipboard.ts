/** Copying a message to the clipboard, with a visible fallback when the browser refuses. */
import { h, replaceChildren, uid } from './dom';

/** Tries the clipboard API, then execCommand('copy'). Resolves true when the text was copied. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (_error) {
    // Refused (no permission, not focused): fall through to the legacy path.
  }
  const area = h('textarea', { class: 'offscreen', 'aria-hidden': 'true', tabindex: '-1' });
  area.value = text;
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch (_error) {
    copied = false;
  }
  document.body.removeChild(area);
  return copied;
}

/** Shows `text` in a labelled, selected read-only textarea inside `container`, for copying by hand. */
export function showCopyFallback(container: HTMLElement, text: string): HTMLTextAreaElement {
  const id = uid('copy');
  const area = h('textarea', { id, class: 'copy-text', readonly: true, rows: 6 });
  area.value = text;
  replaceChildren(container,
    h('label', { for: id }, 'Copy this message (Ctrl+C / ⌘C), then paste it into the platform’s messages:'),
    area);
  container.hidden = false;
  area.focus();
  area.select();
  return area;
}
