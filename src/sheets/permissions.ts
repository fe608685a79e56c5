/**
 * Which features the user's consent allows (README "Permissions"). Since Google's granular consent
 * a user may untick some of the add-on's scopes; each feature needs its own, and one that is not
 * allowed is reported in words instead of Google's raw permission error.
 */
import { NOT_ALLOWED } from '../core/permissions';
import type { Permissions } from '../core/types';

export { NOT_ALLOWED } from '../core/permissions';

const SCOPE = 'https://www.googleapis.com/auth/';

/** The scopes each feature needs. */
export const FEATURE_SCOPES: Readonly<Record<keyof Permissions, readonly string[]>> = {
  audit: [`${SCOPE}spreadsheets.currentonly`, `${SCOPE}script.container.ui`],
  drafts: [`${SCOPE}gmail.compose`],
  schedule: [`${SCOPE}script.scriptapp`],
  digest: [`${SCOPE}script.send_mail`, `${SCOPE}userinfo.email`],
};

type InfoWithScopes = GoogleAppsScript.Script.AuthorizationInfo & { getAuthorizedScopes?: () => string[] };
type GetInfo = (mode: GoogleAppsScript.Script.AuthMode, scopes: string[]) => InfoWithScopes;

/** The granted subset of every scope the add-on uses (one ScriptApp call). */
function grantedScopes(): Set<string> {
  const all = ([] as string[]).concat(...Object.values(FEATURE_SCOPES));
  const info = (ScriptApp.getAuthorizationInfo as unknown as GetInfo)(ScriptApp.AuthMode.FULL, all);
  // Runtimes without granular consent lack getAuthorizedScopes: there, consent is all or nothing.
  if (typeof info.getAuthorizedScopes !== 'function') {
    const required = String(info.getAuthorizationStatus()) === String(ScriptApp.AuthorizationStatus.REQUIRED);
    return new Set(required ? [] : all);
  }
  return new Set(info.getAuthorizedScopes() || []);
}

export function getPermissions(): Permissions {
  const granted = grantedScopes();
  const allowed = (feature: keyof Permissions) => FEATURE_SCOPES[feature].every((s) => granted.has(s));
  return { audit: allowed('audit'), drafts: allowed('drafts'), schedule: allowed('schedule'), digest: allowed('digest') };
}

/** Throws the feature's sentence when the user's consent does not allow it. */
export function requireFeature(feature: keyof Permissions): void {
  if (!getPermissions()[feature]) throw new Error(NOT_ALLOWED[feature]);
}
