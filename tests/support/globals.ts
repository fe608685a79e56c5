// Typed access to one simulated execution's globals without loading the bundle: what a script
// would see, typed with @types/google-apps-script (calls are counted and checked like a script's).
import type { ExecutionOptions, FakeAppsScript } from '../../dev/fakes';

export interface ScriptGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  GmailApp: GoogleAppsScript.Gmail.GmailApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
  Date: DateConstructor;
}

/** The globals of a new execution, typed as Apps Script's. */
export function scriptGlobals(env: FakeAppsScript, options?: ExecutionOptions): ScriptGlobals {
  return env.globals(options) as unknown as ScriptGlobals;
}
