/**
 * The follow-up message for one contract (SPEC.md "Follow-ups and closing"): the stage's
 * template filled with the row's values; dates written for people ("December 5, 2026").
 */
import type { AuditedRow } from './audit';
import { addDays, humanDate, type Day } from './days';
import type { TableLayout } from './headers';
import { renderMessage } from './templates';
import type { Settings, Stage, Template } from './types';

function cellForPeople(value: unknown, dayOfDate: (d: Date) => Day): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return isNaN(d.getTime()) ? '' : humanDate(dayOfDate(d));
  }
  return String(value).trim();
}

export function followUpMessage(args: {
  row: AuditedRow; values: readonly unknown[]; layout: TableLayout; settings: Settings;
  today: Day; dayOfDate: (d: Date) => Day;
}): { stage: Stage; message: Template } {
  const { row, values, layout, settings, today, dayOfDate } = args;
  const stage = row.evaluation.stage || 'first';
  const cells: Record<string, string> = {};
  layout.headers.forEach((header, i) => {
    if (header !== '' && !(header in cells)) cells[header] = cellForPeople(values[i], dayOfDate);
  });
  const message = renderMessage(settings.templates[stage], {
    client: row.contract.client, job: row.contract.job, idleDays: row.contract.idleDays,
    closeDate: humanDate(addDays(today, settings.closeAfterDays)), senderName: settings.senderName, row: cells,
  });
  return { stage, message };
}
