/**
 * The message area: one message at a time (an error, role=alert, or a notice, role=status),
 * pinned to the bottom of the visible part of the sidebar so it shows where the user is, never
 * above the scroll position. Web addresses in a message become links (built as elements, text
 * only); ISO dates become dates people read.
 */
import { h, replaceChildren } from './dom';
import { formatDateTime, formatDay, safeUrl } from './format';

export interface Messages {
  element: HTMLElement;
  error(message: string): void;
  notice(message: string): void;
  clear(): void;
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const ISO_PATTERN = /\b(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;

/** ISO dates and date-times in `text` as people read them ("December 5, 2026", "December 1, 2026, 9:00"). */
export function humanizeDates(text: string): string {
  return text.replace(ISO_PATTERN, (all, day: string, time: string | undefined) => {
    const shown = time ? formatDateTime(`${day}${time}`) : formatDay(day);
    return shown || all;
  });
}

/** `text` as nodes: plain text, and http(s) addresses as links opening in a new tab. */
export function linkify(text: string): Node[] {
  const nodes: Node[] = [];
  let last = 0;
  URL_PATTERN.lastIndex = 0;
  for (let match = URL_PATTERN.exec(text); match; match = URL_PATTERN.exec(text)) {
    let address = match[0];
    const trailing = /[.,;:!?)\]]+$/.exec(address);
    if (trailing) address = address.slice(0, address.length - trailing[0].length);
    const href = safeUrl(address);
    if (!href) continue;
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, address));
    last = match.index + address.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** Creates the message area (main.ts places it; CSS pins it to the bottom of the view). */
export function createMessages(): Messages {
  const errorBox = h('div', { class: 'banner error', role: 'alert', hidden: true });
  const noticeBox = h('div', { class: 'banner notice', role: 'status', 'aria-live': 'polite', hidden: true });
  const element = h('div', { class: 'messages', id: 'messages' }, errorBox, noticeBox);
  const show = (box: HTMLElement, message: string) => {
    box.hidden = !message;
    const text = message ? humanizeDates(message) : '';
    const span = text ? h('span', null) : null;
    if (span) for (const node of linkify(text)) span.appendChild(node);
    replaceChildren(box, span,
      message ? h('button', { class: 'dismiss', type: 'button', 'aria-label': 'Dismiss message', onclick: () => show(box, '') }, '×') : null);
  };
  // One message per outcome: showing one kind clears the other.
  return {
    element,
    error: (message) => { if (message) show(noticeBox, ''); show(errorBox, message); },
    notice: (message) => { if (message) show(errorBox, ''); show(noticeBox, message); },
    clear: () => { show(errorBox, ''); show(noticeBox, ''); },
  };
}
