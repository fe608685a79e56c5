/**
 * The follow-up message for one contract (README "Follow-ups and closing"): the stage's
 * template filled with the row's values as the sheet shows them ("$1,234.50", not 1234.5),
 * dates written for people ("December 5, 2026"), the contact's first name for {{contact}}.
 */
import type { AuditedRow } from './audit';
import { addDays, humanDate, type Day } from './days';
import type { TableLayout } from './headers';
import { renderMessage, unresolvedPlaceholders } from './templates';
import type { Settings, Stage, Template } from './types';

const TITLES = /^(mr|mrs|ms|miss|mx|dr|prof|sir|madam)\.?$/i;

/** The first name of a contact cell: "Jane Doe" → "Jane", "Dr. Jane Doe" → "Jane"; '' when empty. */
export function firstName(contact: string): string {
  const words = String(contact || '').trim().split(/\s+/).filter((w) => w !== '');
  const name = words.find((w) => !TITLES.test(w)) || '';
  return name.replace(/[,;]+$/, '');
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell as people read it: dates for people, else what the sheet displays (or the value's text). */
function cellForPeople(value: unknown, displayed: string | undefined, dayOfDate: (d: Date) => Day): string {
  if (isDate(value)) return isNaN(value.getTime()) ? '' : humanDate(dayOfDate(value));
  if (displayed !== undefined) return displayed.trim();
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

export interface FollowUpMessage {
  stage: Stage;
  message: Template;
  /** Placeholders of the template that name no column of the sheet any more: the message must not be sent. */
  unresolved: string[];
}

export function followUpMessage(args: {
  row: AuditedRow; values: readonly unknown[]; layout: TableLayout; settings: Settings;
  today: Day; dayOfDate: (d: Date) => Day;
  /** The row's display values (getDisplayValues), when the template uses column placeholders. */
  displayed?: readonly string[];
}): FollowUpMessage {
  const { row, values, layout, settings, today, dayOfDate, displayed } = args;
  const stage = row.evaluation.stage || 'first';
  const template = settings.templates[stage];
  const cells: Record<string, string> = {};
  layout.headers.forEach((header, i) => {
    if (header !== '' && !(header in cells)) cells[header] = cellForPeople(values[i], displayed ? displayed[i] : undefined, dayOfDate);
  });
  const contactColumn = layout.columns.contact;
  const contact = contactColumn === undefined ? '' : firstName(cellForPeople(values[contactColumn], undefined, dayOfDate));
  const message = renderMessage(template, {
    client: row.contract.client, contact, job: row.contract.job, idleDays: row.contract.idleDays,
    closeDate: humanDate(addDays(today, settings.closeAfterDays)), senderName: settings.senderName, row: cells,
  });
  return { stage, message, unresolved: unresolvedPlaceholders(template, layout.headers.filter((h) => h !== '')) };
}

/** True when the stage's template names a column of the row (so display values are worth reading). */
export function usesColumnPlaceholders(template: Template): boolean {
  return unresolvedPlaceholders(template, []).length > 0;
}
