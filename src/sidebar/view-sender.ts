/**
 * Messages are signed with "Your name". When it is empty, the first Draft / Copy asks for it in a
 * small inline field next to the button (saved with saveSettings) instead of signing with nothing.
 */
import type { App } from './app';
import { h, uid } from './dom';
import { server } from './server';

/**
 * Resolves true when the messages can be signed (the name is set, or the user just gave it),
 * false when the user cancelled. `anchor` is the button pressed: the question appears after its
 * row of actions.
 */
export async function ensureSenderName(app: App, anchor: HTMLElement): Promise<boolean> {
  if (!app.settings) {
    try {
      app.settings = await server.getSettings();
    } catch (_error) {
      return true; // Cannot tell: let the action itself report any problem.
    }
  }
  if (app.settings.senderName.trim()) return true;
  return askName(app, anchor);
}

function askName(app: App, anchor: HTMLElement): Promise<boolean> {
  const host = (anchor.closest('.actions') || anchor).parentElement || document.body;
  const previous = host.querySelector('.sender-name');
  if (previous) previous.remove();
  const id = uid('sender-name');
  const input = h('input', { type: 'text', id, autocomplete: 'name', 'aria-describedby': `${id}-hint` });
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save and continue');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const form = h('form', { class: 'sender-name', novalidate: true, 'aria-label': 'Your name' },
    h('label', { for: id }, 'Your name, to sign your messages'),
    input,
    h('p', { class: 'hint', id: `${id}-hint` }, 'Saved in Settings; asked only once.'),
    error, h('div', { class: 'actions' }, save, cancel));
  const after = anchor.closest('.actions');
  if (after && after.parentElement) after.parentElement.insertBefore(form, after.nextSibling);
  else host.appendChild(form);
  input.focus();
  return new Promise<boolean>((resolve) => {
    cancel.addEventListener('click', () => {
      form.remove();
      anchor.focus();
      resolve(false);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) {
        error.textContent = 'Write the name your clients know you by.';
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      void app.act(save, () => server.saveSettings({ senderName: name }), (message) => {
        error.textContent = message.replace(/^senderName:\s*/, '');
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }).then((settings) => {
        if (!settings) return;
        form.remove();
        app.showSettings(settings);
        if (anchor.isConnected) anchor.focus();
        resolve(true);
      });
    });
  });
}
