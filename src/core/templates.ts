import type { Stage, Template, Templates } from './types';
import { normalizeName } from './normalize';

/** The follow-up stages, in the order they are sent. */
export const STAGES: readonly Stage[] = /* @__PURE__ */ Object.freeze(['first', 'second', 'final'] as const);

/** Placeholders every template may use, besides the contracts table's headers. */
export const STANDARD_PLACEHOLDERS: readonly string[] = /* @__PURE__ */ Object.freeze([
  'client', 'job', 'idleDays', 'closeDate', 'senderName',
]);

/** The follow-ups a careful freelancer would send: short, friendly, no guilt. */
export const DEFAULT_TEMPLATES: Templates = /* @__PURE__ */ Object.freeze({
  first: /* @__PURE__ */ Object.freeze({
    subject: 'Checking in on {{job}}',
    body: [
      'Hi {{client}},',
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
      'Hi {{client}},',
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
      'Hi {{client}},',
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
 * Checks every stage's subject and body: neither empty, the subject on one line, and every
 * placeholder a standard one or a header of the contracts table (`headerNames`). Throws an Error
 * naming the stage, the field and the unknown placeholder, listing the allowed ones.
 */
export function validateTemplates(templates: Templates, headerNames: readonly string[]): void {
  const allowed = new Set([...STANDARD_PLACEHOLDERS, ...headerNames].map(normalizeName));
  for (const stage of STAGES) {
    for (const field of FIELDS) {
      const where = `the ${stage} follow-up's ${field}`;
      const text: unknown = templates?.[stage]?.[field];
      if (typeof text !== 'string' || text.trim() === '') {
        throw new Error(`The ${stage} follow-up's ${field} is empty. Write a ${field} for it.`);
      }
      if (field === 'subject' && /[\r\n]/.test(text)) {
        throw new Error(`The ${stage} follow-up's subject must fit on one line.`);
      }
      for (const name of placeholdersIn(text)) {
        if (name !== '' && allowed.has(normalizeName(name))) continue;
        throw new Error(`Unknown placeholder {{${name}}} in ${where}. `
          + `Use one of: ${allowedList(headerNames)}.`);
      }
    }
  }
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
