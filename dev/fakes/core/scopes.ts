import { permissionMessage, SCOPES, TRIGGER_METHODS } from './permissions';

/**
 * Google's granular consent: a user may grant only some of the manifest's scopes. Every call
 * that needs a scope the user did not grant is refused with Apps Script's permission error,
 * whatever the authorization mode.
 */

/** The add-on's scopes, as in appsscript.json (a test checks they agree). */
export const MANIFEST_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/gmail.compose',
];

/** The scopes this user granted the add-on. */
export class Grants {
  private readonly granted: Set<string>;

  constructor(scopes: readonly string[] = MANIFEST_SCOPES) {
    this.granted = new Set(scopes);
  }

  has(scope: string): boolean { return this.granted.has(scope); }
  /** Granted scopes in manifest order (others after). */
  list(): string[] {
    const inManifest = MANIFEST_SCOPES.filter((scope) => this.granted.has(scope));
    return [...inManifest, ...[...this.granted].filter((scope) => !MANIFEST_SCOPES.includes(scope))];
  }
  /** The scopes of `wanted` not granted, in the order given. */
  missing(wanted: readonly string[]): string[] { return wanted.filter((scope) => !this.granted.has(scope)); }
  grant(scopes: readonly string[]): void { for (const scope of scopes) this.granted.add(scope); }
  decline(scopes: readonly string[]): void { for (const scope of scopes) this.granted.delete(scope); }
  replace(scopes: readonly string[]): void { this.granted.clear(); this.grant(scopes); }
}

/** Classes reached from SpreadsheetApp that touch no document (builders, built rules, menus). */
const DOCUMENT_FREE = new Set(['ConditionalFormatRuleBuilder', 'ConditionalFormatRule', 'BooleanCondition',
  'DataValidationBuilder', 'DataValidation', 'FilterCriteriaBuilder', 'FilterCriteria', 'Menu']);
/** Ui methods that show something (the others build menus, which need no scope). */
const UI_SHOWING = new Set(['alert', 'prompt', 'showSidebar', 'showModalDialog', 'showModelessDialog']);

/** The scope a call needs and the name Apps Script's error gives it, or null when it needs none. */
export function scopeOf(apiName: string, method: string, service: string): { scope: string; name: string } | null {
  if (/^[A-Z]/.test(method)) return null; // enums
  const need = (scopeService: string, name = `${apiName}.${method}`) => ({ scope: SCOPES[scopeService], name });
  switch (service) {
    case 'SpreadsheetApp':
      if (apiName === 'Ui') return UI_SHOWING.has(method) ? need('Ui') : null;
      if (DOCUMENT_FREE.has(apiName)) return null;
      if (apiName === 'SpreadsheetApp' && (method === 'getUi' || method.startsWith('new'))) return null;
      return need('SpreadsheetApp');
    case 'GmailApp': return need('GmailApp');
    case 'MailApp': return need('MailApp');
    case 'ScriptApp':
      if (apiName === 'Trigger' || (apiName === 'ScriptApp' && TRIGGER_METHODS.has(method))) return need('ScriptApp');
      return null;
    case 'Session':
      return apiName === 'User' && method === 'getEmail' ? need('Session', 'Session.getActiveUser') : null;
    default:
      return null;
  }
}

/** The permission error for a call needing a scope not granted, else null. */
export function scopeRefusal(grants: Grants, apiName: string, method: string, service: string): string | null {
  const needed = scopeOf(apiName, method, service);
  if (!needed || grants.has(needed.scope)) return null;
  const dot = needed.name.lastIndexOf('.');
  return permissionMessage(needed.name.slice(0, dot), needed.name.slice(dot + 1), needed.scope);
}
