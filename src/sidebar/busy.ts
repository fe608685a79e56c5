/** The busy state of the button in use while a server call runs. */

const BUSY_LABEL = 'Working…';

/**
 * Disables `button`, marks it aria-busy and labels it "Working…" until `work` settles, then
 * restores it (if it is still in the page). Returns `work`'s promise.
 */
export async function withBusy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  const label = button.textContent;
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = BUSY_LABEL;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
    // Disabling a focused button drops focus to <body>; give it back to keyboard users.
    const active = document.activeElement;
    if (hadFocus && button.isConnected && (!active || active === document.body)) button.focus();
  }
}
