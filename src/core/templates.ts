import type { Stage, Template, Templates } from './types';
import { normalizeName } from './normalize';

/** The follow-up stages, in the order they are sent. */
export const STAGES: readonly Stage[] = /* @__PURE__ */ Object.freeze(['first', 'second', 'final'] as const);

/** Placeholders every template may use, besides the contracts table's headers. */
export const STANDARD_PLACEHOLDERS: readonly string[] = /* @__PURE__ */ Object.freeze([
  'client', 'contact', 'job', 'idleDays', 'closeDate', 'senderName',
]);

/** The follow-ups a careful freelancer would send: short, friendly, no guilt. */
export const DEFAULT_TEMPLATES: Templates = /* @__PURE__ */ Object.freeze({
  first: /* @__PURE__ */ Object.freeze({
    subject: 'Checking in on {{job}}',
    body: [
      'Hi {{contact}},',
      '',
      'I hope all is well. It has been a little while since we last spoke about {{job}}, so I wanted to check in.',
      '',
      'Is there anything else you need from me on it? If so, just let me know and I will pick it up.',
      '',
      'Best,',
      '{{senderName}}',
    ].join('\n'),
  }),
  second: /* @__PURE__ */ Object.freeze({
    subject: 'Following up on {{job}}',
    body: [
      'Hi {{contact}},',
      '',
      'Just following up on my last message about {{job}}. Is there anything more you would like me to do on it?',
      '',
      'If the work is all done, a quick note saying so is enough. Thank you for working with me.',
      '',
      'Best,',
      '{{senderName}}',
    ].join('\n'),
  }),
  final: /* @__PURE__ */ Object.freeze({
    subject: 'Closing {{job}} on {{closeDate}}',
    body: [
      'Hi {{contact}},',
      '',
      'I have not heard back about {{job}}, so I plan to close our contract on {{closeDate}}. '
        + 'Closing finished work keeps my availability accurate for new clients; it is simply housekeeping.',
      '',
      'If you still need anything, just reply before then and I will be glad to help. '
        + 'And if something new comes up later, you are always welcome to reach out.',
      '',
      'Thank you for working with me.',
      '',
      'Best,',
      '{{senderName}}',
    ].join('\n'),
  }),
});

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The names written inside `{{ }}` in `text`, trimmed, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  String(text).replace(PLACEHOLDER, (_whole: string, name: string) => {
    names.push(name.trim());
    return '';
  });
  return names;
}

const FIELDS = ['subject', 'body'] as const;

/**
 * Braces that are not part of a `{{name}}`: `{{client}`, `{client}}`, `{{ {{job}} }}`. Such text
 * would reach the client as typed, so saving it is refused. Returns the first stray piece, or null.
 */
export function strayBraces(text: string): string | null {
  const rest = String(text).replace(PLACEHOLDER, ' ');
  const match = /[^{}\s]{0,12}[{}]+[^{}\s]{0,12}[{}]*/.exec(rest);
  return match ? match[0].trim() : null;
}

/** The allowed placeholder closest to `name` (by edit distance), for "did you mean" hints. */
export function nearestPlaceholder(name: string, allowed: readonly string[]): string | null {
  const target = normalizeName(name);
  let best: { name: string; distance: number } | null = null;
  for (const candidate of allowed) {
    const distance = editDistance(target, normalizeName(candidate));
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(target.length / 2)) ? best.name : null;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * Placeholders of the saved templates that no longer resolve (their column was renamed or
 * deleted since they were saved): one sentence each, for the report's problems. Such a
 * follow-up is never sent with the placeholder as literal text: its row fails instead.
 */
export function templateProblems(templates: Templates, headerNames: readonly string[]): string[] {
  const allowed = new Set([...STANDARD_PLACEHOLDERS, ...headerNames].map(normalizeName));
  const problems: string[] = [];
  for (const stage of STAGES) {
    for (const field of FIELDS) {
      for (const name of placeholdersIn(templates[stage][field])) {
        if (allowed.has(normalizeName(name))) continue;
        problems.push(`The ${stage} follow-up's ${field} uses {{${name}}}, which is not a column of this sheet `
          + '(renamed or deleted?): follow-ups at that stage are not drafted until you fix the template in Settings.');
      }
    }
  }
  return problems;
}

/** Placeholders in `template` that `headerNames` and the standard ones do not resolve. */
export function unresolvedPlaceholders(template: Template, headerNames: readonly string[]): string[] {
  const allowed = new Set([...STANDARD_PLACEHOLDERS, ...headerNames].map(normalizeName));
  return [...placeholdersIn(template.subject), ...placeholdersIn(template.body)].filter((n) => !allowed.has(normalizeName(n)));
}

/** One template field that cannot be saved: `field` is 'templates.<stage>.<subject|body>'. */
export interface TemplateError { field: string; message: string }

/**
 * Checks every stage's subject and body: neither empty, the subject on one line, every
 * placeholder a standard one or a header of the contracts table (`headerNames`), no stray
 * braces. Returns one error per field that fails, naming the stage and the field.
 */
export function templateErrors(templates: Templates, headerNames: readonly string[]): TemplateError[] {
  const allowed = new Set([...STANDARD_PLACEHOLDERS, ...headerNames].map(normalizeName));
  const errors: TemplateError[] = [];
  for (const stage of STAGES) {
    for (const field of FIELDS) {
      const message = fieldError(stage, field, templates?.[stage]?.[field], allowed, headerNames);
      if (message) errors.push({ field: `templates.${stage}.${field}`, message });
    }
  }
  return errors;
}

function fieldError(stage: Stage, field: 'subject' | 'body', text: unknown, allowed: Set<string>,
  headerNames: readonly string[]): string | null {
  const where = `the ${stage} follow-up's ${field}`;
  if (typeof text !== 'string' || text.trim() === '') return `The ${stage} follow-up's ${field} is empty. Write a ${field} for it.`;
  if (field === 'subject' && /[\r\n]/.test(text)) return `The ${stage} follow-up's subject must fit on one line.`;
  for (const name of placeholdersIn(text)) {
    if (name !== '' && allowed.has(normalizeName(name))) continue;
    const nearest = name === '' ? null : nearestPlaceholder(name, [...STANDARD_PLACEHOLDERS, ...headerNames]);
    return `Unknown placeholder {{${name}}} in ${where}.`
      + (nearest ? ` Did you mean {{${nearest}}}?` : ` Use one of: ${allowedList(headerNames)}.`);
  }
  const stray = strayBraces(text);
  if (stray !== null) return `Unbalanced braces "${stray}" in ${where}: write placeholders as {{name}}, two braces on each side.`;
  return null;
}

/** Throws the first of templateErrors, if any. */
export function validateTemplates(templates: Templates, headerNames: readonly string[]): void {
  const errors = templateErrors(templates, headerNames);
  if (errors.length > 0) throw new Error(errors[0].message);
}

function allowedList(headerNames: readonly string[]): string {
  const standard = STANDARD_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ');
  const headers = headerNames.map((h) => String(h).trim()).filter((h) => normalizeName(h) !== '');
  return headers.length === 0
    ? standard
    : `${standard}, or a column header of your contracts table: ${headers.map((h) => `{{${h}}}`).join(', ')}`;
}

/** What a message's placeholders are filled with. */
export interface MessageValues {
  client: string;
  /** The contact's first name ('' when the sheet has none: the client is used). */
  contact?: string;
  job: string;
  idleDays: number | null;
  /** Written for people: 'December 5, 2026'. */
  closeDate: string;
  senderName: string;
  /** Header text → cell text as people read it. */
  row: Record<string, string>;
}

/**
 * Fills a template's placeholders (matched ignoring case, spaces and punctuation; standard ones
 * first, then the row's headers) with the values as plain text, exactly. A line holding only
 * placeholders that all came out empty (e.g. a blank `{{senderName}}`) is dropped; unknown
 * placeholders stay as typed; line breaks in a value become spaces in the subject.
 */
export function renderMessage(template: Template, values: MessageValues): Template {
  const lookup = valueLookup(values);
  const subject = fill(template.subject, lookup).replace(/\s*[\r\n]+\s*/g, ' ');
  const body = template.body.split('\n').flatMap((line) => {
    if (placeholdersIn(line).length === 0) return [line];
    const filled = fill(line, lookup);
    const onlyPlaceholders = line.replace(PLACEHOLDER, '').trim() === '';
    return onlyPlaceholders && filled.trim() === '' ? [] : [filled];
  }).join('\n');
  return { subject, body };
}

function valueLookup(values: MessageValues): Map<string, string> {
  const lookup = new Map<string, string>();
  const standard: Record<string, string> = {
    client: values.client,
    contact: values.contact || values.client,
    job: values.job,
    idleDays: values.idleDays === null ? '' : String(values.idleDays),
    closeDate: values.closeDate,
    senderName: values.senderName,
  };
  for (const [name, value] of Object.entries(standard)) lookup.set(normalizeName(name), value ?? '');
  for (const [header, value] of Object.entries(values.row ?? {})) {
    const key = normalizeName(header);
    if (key !== '' && !lookup.has(key)) lookup.set(key, value == null ? '' : String(value));
  }
  return lookup;
}

function fill(text: string, lookup: Map<string, string>): string {
  return text.replace(PLACEHOLDER, (whole: string, name: string) => {
    const value = lookup.get(normalizeName(name.trim()));
    return value === undefined || name.trim() === '' ? whole : value;
  });
}
