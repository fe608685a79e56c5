import type { AuthModeName } from './execution';

/**
 * What a script may call in each authorization mode. AuthMode.NONE (an add-on's onOpen in a
 * document where it was never used) may only build the add-on menu; LIMITED (simple triggers,
 * add-on onOpen once enabled) may use the document, properties, cache and locks, but no service
 * that needs the user's authorization (mail, drafts, triggers).
 * Returns the Apps Script error message when the call is refused, else null.
 */
export function refusal(authMode: AuthModeName, apiName: string, method: string): string | null {
  if (authMode === 'FULL') return null;
  const rule = authMode === 'NONE' ? deniedInNone(apiName, method) : deniedInLimited(apiName, method);
  if (!rule) return null;
  return permissionMessage(rule.service, rule.method, SCOPES[rule.service]);
}

/** Apps Script's refusal of a call the script lacks a scope for. */
export function permissionMessage(service: string, method: string, scope: string | undefined): string {
  const base = `You do not have permission to call ${service}.${method}.`;
  return scope ? `${base} Required permissions: ${scope}` : base;
}

interface DeniedCall { service: string; method: string }

/** The manifest scope each service needs (Ui: the sidebar and dialogs). */
export const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Ui: 'https://www.googleapis.com/auth/script.container.ui',
  GmailApp: 'https://www.googleapis.com/auth/gmail.compose',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Session: 'https://www.googleapis.com/auth/userinfo.email',
};

export const TRIGGER_METHODS = new Set(['newTrigger', 'getUserTriggers', 'getProjectTriggers', 'deleteTrigger',
  'getScriptTriggers']);
const UI_ALWAYS_ALLOWED = new Set(['createAddonMenu', 'createMenu', 'ButtonSet', 'Button']);

function deniedInNone(apiName: string, method: string): DeniedCall | null {
  switch (apiName) {
    case 'SpreadsheetApp':
      return method === 'getUi' || /^[A-Z]/.test(method) || method.startsWith('new')
        ? null : { service: 'SpreadsheetApp', method };
    case 'Ui':
      return UI_ALWAYS_ALLOWED.has(method) ? null : { service: 'Ui', method };
    case 'PropertiesService': case 'LockService': case 'CacheService':
    case 'GmailApp': case 'MailApp':
      return /^[A-Z]/.test(method) ? null : { service: apiName, method };
    case 'ScriptApp':
      return TRIGGER_METHODS.has(method) ? { service: 'ScriptApp', method } : null;
    case 'User':
      return method === 'getEmail' ? { service: 'Session', method: 'getActiveUser' } : null;
    default:
      return null;
  }
}

function deniedInLimited(apiName: string, method: string): DeniedCall | null {
  switch (apiName) {
    case 'GmailApp': case 'MailApp':
      return /^[A-Z]/.test(method) ? null : { service: apiName, method };
    case 'ScriptApp':
      return TRIGGER_METHODS.has(method) ? { service: 'ScriptApp', method } : null;
    default:
      return null;
  }
}
