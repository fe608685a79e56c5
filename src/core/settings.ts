import type { Settings, Stage, Template, Templates } from './types';
import { DEFAULT_TEMPLATES, STAGES, templateErrors } from './templates';

/** The defaults (README "Settings"): the thresholds of the state table, the default templates. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  sheetName: '',
  quietDays: 14,
  dormantDays: 30,
  followUpEveryDays: 7,
  maxFollowUps: 3,
  closeAfterDays: 7,
  senderName: '',
  autoDraft: false,
  digestEmail: true,
  templates: DEFAULT_TEMPLATES,
});

/** Longest template body accepted, so that all settings fit one property value. */
export const MAX_BODY_CHARS = 2500;
/** Longest template subject accepted. */
export const MAX_SUBJECT_CHARS = 200;
/** Longest sheet name / sender name accepted (also Google Sheets' limit for sheet names). */
export const MAX_NAME_CHARS = 100;
/** Room for the stored settings: a property value holds 9 KB; keep a margin. */
export const MAX_STORED_BYTES = 9000;

type NumberField = 'quietDays' | 'dormantDays' | 'followUpEveryDays' | 'maxFollowUps' | 'closeAfterDays';
type TextField = 'sheetName' | 'senderName';
type BooleanField = 'autoDraft' | 'digestEmail';

const NUMBER_FIELDS: readonly NumberField[] = ['quietDays', 'dormantDays', 'followUpEveryDays', 'maxFollowUps', 'closeAfterDays'];
const TEXT_FIELDS: readonly TextField[] = ['sheetName', 'senderName'];
const BOOLEAN_FIELDS: readonly BooleanField[] = ['autoDraft', 'digestEmail'];
const FIELD_NAMES: readonly string[] = [...TEXT_FIELDS, ...NUMBER_FIELDS, ...BOOLEAN_FIELDS, 'templates'];

/** Each number's own range; quietDays < dormantDays is checked on top. */
export const RANGES: Readonly<Record<NumberField, { min: number; max: number }>> = {
  quietDays: { min: 1, max: 364 },
  dormantDays: { min: 2, max: 365 },
  followUpEveryDays: { min: 1, max: 60 },
  maxFollowUps: { min: 1, max: 5 },
  closeAfterDays: { min: 0, max: 60 },
};

/** What each setting is called in the Settings panel: error messages use these words. */
export const SETTING_LABELS: Readonly<Record<NumberField | TextField | BooleanField, string>> = {
  quietDays: 'Quiet after (days idle)',
  dormantDays: 'Dormant after (days idle)',
  followUpEveryDays: 'Follow up every (days)',
  maxFollowUps: 'Follow-ups before closing',
  closeAfterDays: 'Close after the last follow-up (days)',
  sheetName: 'Contracts sheet',
  senderName: 'Your name',
  autoDraft: 'Draft due follow-ups on each automatic audit',
  digestEmail: 'Email me a digest',
};

/**
 * Validates a partial update (as sent by the Settings form) against the current settings and
 * returns the full new settings. Every invalid field is reported at once: the Error's message
 * has one line per field, `<setting>: <sentence>`, the sentence using the field's label, e.g.
 * 'quietDays: Quiet after (days idle) must be a whole number from 1 to 29.' (setting names like
 * `templates.first.body` for templates). Unknown fields are refused by name. Templates may be
 * given per stage and field; when given, they are checked against the table's `headerNames`.
 */
export function mergeSettings(current: Settings, partial: unknown, headerNames: readonly string[]): Settings {
  if (!isPlainObject(partial)) {
    throw new Error('Settings must be given as fields to change, e.g. { quietDays: 14 }.');
  }
  const given = Object.keys(partial).filter((key) => partial[key] !== undefined);
  const unknown = given.find((key) => !FIELD_NAMES.includes(key));
  if (unknown !== undefined) {
    throw new Error(`Unknown setting "${unknown}". Settings are: ${FIELD_NAMES.join(', ')}.`);
  }
  const errors: [string, string][] = [];
  const next: Settings = copySettings(current);
  for (const field of TEXT_FIELDS) {
    if (!given.includes(field)) continue;
    try { next[field] = parseText(field, partial[field]); } catch (e) { errors.push([field, (e as Error).message]); }
  }
  for (const field of BOOLEAN_FIELDS) {
    if (!given.includes(field)) continue;
    const value = partial[field];
    if (typeof value === 'boolean') next[field] = value;
    else errors.push([field, `${SETTING_LABELS[field]} must be on or off (true or false).`]);
  }
  Object.assign(next, parseNumbers(partial, given, next, errors));
  if (given.includes('templates')) {
    try {
      next.templates = mergeTemplates(next.templates, partial.templates);
      for (const e of templateErrors(next.templates, headerNames)) errors.push([e.field, e.message]);
    } catch (e) {
      errors.push(['templates', (e as Error).message]);
    }
  }
  if (errors.length > 0) throw new Error(errors.map(([field, message]) => `${field}: ${message}`).join('\n'));
  const bytes = utf8Length(serializeSettings(next));
  if (bytes > MAX_STORED_BYTES) {
    throw new Error(`templates: Your templates are too long to save together (${bytes} bytes; the limit is about `
      + `${MAX_STORED_BYTES}). Shorten a template body.`);
  }
  return next;
}

/** The text stored for `settings` (JSON). */
export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}

/**
 * Reads what is stored (JSON text, or null when nothing is). Missing fields take their default.
 * Damaged fields (wrong type, out of range) or damaged text take their default too, and
 * `problem` says in one sentence which settings were reset; otherwise `problem` is null.
 */
export function readStoredSettings(stored: string | null): { settings: Settings; problem: string | null } {
  if (stored === null || stored.trim() === '') return { settings: copySettings(DEFAULT_SETTINGS), problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    parsed = undefined;
  }
  if (!isPlainObject(parsed)) {
    return {
      settings: copySettings(DEFAULT_SETTINGS),
      problem: 'The saved settings could not be read, so all settings were reset to their defaults.',
    };
  }
  const settings = copySettings(DEFAULT_SETTINGS);
  const damaged: string[] = [];
  for (const field of TEXT_FIELDS) {
    if (parsed[field] === undefined) continue;
    try { settings[field] = parseText(field, parsed[field]); } catch { damaged.push(field); }
  }
  for (const field of BOOLEAN_FIELDS) {
    if (parsed[field] === undefined) continue;
    if (typeof parsed[field] === 'boolean') settings[field] = parsed[field] as boolean;
    else damaged.push(field);
  }
  for (const field of NUMBER_FIELDS) {
    if (parsed[field] === undefined) continue;
    const value = wholeNumber(parsed[field]);
    if (value !== null && value >= RANGES[field].min && value <= RANGES[field].max) settings[field] = value;
    else damaged.push(field);
  }
  if (settings.quietDays >= settings.dormantDays) {
    settings.quietDays = DEFAULT_SETTINGS.quietDays;
    settings.dormantDays = DEFAULT_SETTINGS.dormantDays;
    damaged.push(...(['quietDays', 'dormantDays'] as const).filter((f) => !damaged.includes(f)));
  }
  if (parsed.templates !== undefined) readStoredTemplates(parsed.templates, settings.templates, damaged);
  const problem = damaged.length === 0 ? null
    : `Some saved settings were damaged and were reset to their defaults: ${damaged.join(', ')}.`;
  return { settings, problem };
}

function readStoredTemplates(stored: unknown, into: Templates, damaged: string[]): void {
  if (!isPlainObject(stored)) {
    damaged.push('templates');
    return;
  }
  for (const stage of STAGES) {
    const template = stored[stage];
    if (template === undefined) continue;
    for (const field of ['subject', 'body'] as const) {
      const text = isPlainObject(template) ? template[field] : undefined;
      if (isPlainObject(template) && text === undefined) continue;
      if (typeof text === 'string' && text.trim() !== '') into[stage][field] = text;
      else damaged.push(`templates.${stage}.${field}`);
    }
  }
}

function parseNumbers(partial: Record<string, unknown>, given: string[], next: Settings,
  errors: [string, string][]): Pick<Settings, NumberField> {
  const numbers: Pick<Settings, NumberField> = {
    quietDays: next.quietDays, dormantDays: next.dormantDays, followUpEveryDays: next.followUpEveryDays,
    maxFollowUps: next.maxFollowUps, closeAfterDays: next.closeAfterDays,
  };
  const bad = new Set<NumberField>();
  for (const field of NUMBER_FIELDS) {
    if (!given.includes(field)) continue;
    const value = wholeNumber(partial[field]);
    if (value === null || value < RANGES[field].min || value > RANGES[field].max) bad.add(field);
    else numbers[field] = value;
  }
  // Quiet must come before Dormant: blame the one the user changed (quietDays when both were).
  if (!bad.has('quietDays') && !bad.has('dormantDays') && numbers.quietDays >= numbers.dormantDays) {
    bad.add(given.includes('quietDays') ? 'quietDays' : 'dormantDays');
  }
  for (const field of NUMBER_FIELDS) if (bad.has(field)) errors.push([field, numberRule(field, numbers)]);
  return numbers;
}

/** "Quiet after (days idle) must be a whole number from 1 to 29." with the range that fits the other threshold. */
function numberRule(field: NumberField, numbers: Pick<Settings, NumberField>): string {
  let { min, max } = RANGES[field];
  if (field === 'quietDays') max = Math.min(max, numbers.dormantDays - 1);
  if (field === 'dormantDays') min = Math.max(min, numbers.quietDays + 1);
  return `${SETTING_LABELS[field]} must be a whole number from ${min} to ${max}.`;
}

/** A whole number given as a number or as whole-number text ("20"); null for anything else. */
function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*[+-]?\d{1,6}\s*$/.test(value)) return Number(value.trim());
  return null;
}

function parseText(field: TextField, value: unknown): string {
  if (typeof value !== 'string' || value.trim().length > MAX_NAME_CHARS) {
    throw new Error(`${SETTING_LABELS[field]} must be text of at most ${MAX_NAME_CHARS} characters.`);
  }
  return value.trim();
}

function mergeTemplates(current: Templates, update: unknown): Templates {
  if (!isPlainObject(update)) {
    throw new Error('templates must be given per stage, e.g. { first: { subject: "…", body: "…" } }.');
  }
  const merged = copyTemplates(current);
  for (const key of Object.keys(update)) {
    if (update[key] === undefined) continue;
    if (!(STAGES as readonly string[]).includes(key)) {
      throw new Error(`Unknown template "${key}". Templates are: ${STAGES.join(', ')}.`);
    }
    merged[key as Stage] = mergeTemplate(key as Stage, merged[key as Stage], update[key]);
  }
  return merged;
}

function mergeTemplate(stage: Stage, current: Template, update: unknown): Template {
  if (!isPlainObject(update)) throw new Error(`The ${stage} template must have a subject and a body.`);
  const merged = { ...current };
  for (const key of Object.keys(update)) {
    const value = update[key];
    if (value === undefined) continue;
    if (key !== 'subject' && key !== 'body') {
      throw new Error(`Unknown template field "${key}" in the ${stage} template. Fields are: subject, body.`);
    }
    if (typeof value !== 'string') throw new Error(`The ${stage} follow-up's ${key} must be text.`);
    const limit = key === 'body' ? MAX_BODY_CHARS : MAX_SUBJECT_CHARS;
    if (value.length > limit) {
      throw new Error(`The ${stage} follow-up's ${key} is ${value.length} characters long; `
        + `keep it to ${limit} or fewer so your settings can be saved.`);
    }
    merged[key] = value;
  }
  return merged;
}

function copySettings(settings: Settings): Settings {
  return { ...settings, templates: copyTemplates(settings.templates) };
}

function copyTemplates(templates: Templates): Templates {
  return { first: { ...templates.first }, second: { ...templates.second }, final: { ...templates.final } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bytes `text` takes in UTF-8 (what the property store counts). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
