/**
 * Features the user's consent does not allow (README "Permissions"): each shown as off, with one
 * sentence on what it needs and how to allow it, and a button to check again once allowed.
 */
import { NOT_ALLOWED } from '../core/permissions';
import type { Permissions } from '../core/types';
import type { App } from './app';
import { h } from './dom';
import { server } from './server';

type Feature = keyof Permissions;

/** What still works while a feature is off, said after its sentence. */
const STILL_WORKS: Partial<Record<Feature, string>> = {
  drafts: 'Every follow-up still has Copy message: the text to paste into an email or the platform\'s messages.',
};

const TITLES: Readonly<Record<Feature, string>> = {
  audit: 'Audit', drafts: 'Gmail drafts', schedule: 'Automatic audit', digest: 'Digest email',
};

const ORDER: readonly Feature[] = ['audit', 'drafts', 'schedule', 'digest'];

/** The sentence for a feature that is not allowed. */
export function notAllowedSentence(feature: Feature): string {
  return NOT_ALLOWED[feature];
}

/** The features that are off, in display order. */
export function featuresOff(permissions: Permissions | null | undefined): Feature[] {
  return permissions ? ORDER.filter((f) => permissions[f] === false) : [];
}

/**
 * The "Turned off" notice (null when everything is allowed): one line per feature that is off,
 * and "Check again", which asks the server and, when something changed, calls `onChange`.
 */
export function renderPermissions(app: App, onChange: (permissions: Permissions) => void): HTMLElement | null {
  const off = featuresOff(app.permissions);
  if (!off.length) return null;
  const result = h('p', { class: 'subtle', role: 'status', 'aria-live': 'polite' });
  const check = h('button', { type: 'button', class: 'check-permissions' }, 'Check again');
  check.addEventListener('click', () => {
    result.textContent = '';
    void app.act(check, () => server.getPermissions(), (message) => { result.textContent = message; }).then((permissions) => {
      if (!permissions) return;
      const before = featuresOff(app.permissions).join();
      if (featuresOff(permissions).join() === before) {
        result.textContent = 'Still off. Allow it from the Extensions menu as described, then check again.';
        return;
      }
      onChange(permissions);
    });
  });
  return h('section', { class: 'permissions', id: 'permissions', 'aria-label': 'Features turned off' },
    h('h2', null, off.length === 1 ? `${TITLES[off[0]]}: off` : 'Some features are off'),
    h('ul', { class: 'permission-list' }, ...off.map((feature) => h('li', { 'data-feature': feature },
      off.length > 1 ? h('strong', null, `${TITLES[feature]}: `) : null,
      NOT_ALLOWED[feature], STILL_WORKS[feature] ? ` ${STILL_WORKS[feature]}` : null))),
    h('div', { class: 'actions' }, check), result);
}
