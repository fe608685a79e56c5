/** The banner area: one error (role=alert) and one notice (role=status) at a time. */
import { h, replaceChildren } from './dom';

export interface Messages {
  element: HTMLElement;
  error(message: string): void;
  notice(message: string): void;
  clear(): void;
}

/** Creates the message area shown under the toolbar. */
export function createMessages(): Messages {
  const errorBox = h('div', { class: 'banner error', role: 'alert', hidden: true });
  const noticeBox = h('div', { class: 'banner notice', role: 'status', 'aria-live': 'polite', hidden: true });
  const element = h('div', { class: 'messages' }, errorBox, noticeBox);
  const show = (box: HTMLElement, message: string) => {
    box.hidden = !message;
    replaceChildren(box, message ? h('span', null, message) : null,
      message ? h('button', { class: 'dismiss', type: 'button', 'aria-label': 'Dismiss message', onclick: () => show(box, '') }, '×') : null);
  };
  return {
    element,
    error: (message) => { show(errorBox, message); },
    notice: (message) => { show(noticeBox, message); },
    clear: () => { show(errorBox, ''); show(noticeBox, ''); },
  };
}
