/**
 * What the sidebar's first paint needs to be truthful (README "The sidebar"): which sheet the last
 * audit wrote, and for each sheet when it was last audited and with which thresholds.
 */
import { isoDateTime } from '../core/schedule';
import type { AuditStatus, Settings } from '../core/types';
import { LAST_SHEET_KEY, type ContractsTable } from './contractsTable';
import { offsetMinutesIn } from './timeZone';

const AUDITS_KEY = 'contractAudit.audits';
/** Sheets remembered at most (a property value holds 9 KB). */
const MAX_SHEETS = 20;

interface AuditMark { at: string; thresholds: string }

/** The settings the states depend on; templates, names and automation do not change a state. */
export function thresholdsFingerprint(settings: Settings): string {
  const { quietDays, dormantDays, followUpEveryDays, maxFollowUps, closeAfterDays } = settings;
  return [quietDays, dormantDays, followUpEveryDays, maxFollowUps, closeAfterDays].join('/');
}

function readMarks(stored: string | null): Record<string, AuditMark> {
  if (!stored) return {};
  try {
    const parsed = JSON.parse(stored) as unknown;
    return parsed && typeof parsed === 'object' ? parsed as Record<string, AuditMark> : {};
  } catch (_e) {
    return {};
  }
}

/** Remembers, in one property write, that this sheet was audited now with these settings, and that it is the sheet in use. */
export function recordAudit(table: ContractsTable, settings: Settings): void {
  const props = PropertiesService.getDocumentProperties();
  const marks = readMarks(props.getProperty(AUDITS_KEY));
  const now = Date.now();
  delete marks[String(table.sheetId)];
  marks[String(table.sheetId)] = { at: isoDateTime(now, offsetMinutesIn(table.timeZone)(now)), thresholds: thresholdsFingerprint(settings) };
  const ids = Object.keys(marks);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_SHEETS))) delete marks[id];
  props.setProperties({
    [AUDITS_KEY]: JSON.stringify(marks),
    [LAST_SHEET_KEY]: JSON.stringify({ sheetId: table.sheetId, name: table.sheetName }),
  });
}

/** Whether the states shown for `sheetId` were written to it with the current settings. */
export function auditStatusOf(sheetId: number, settings: Settings): AuditStatus {
  const mark = readMarks(PropertiesService.getDocumentProperties().getProperty(AUDITS_KEY))[String(sheetId)];
  if (!mark || typeof mark.at !== 'string') return { kind: 'never', lastAudit: null };
  return { kind: mark.thresholds === thresholdsFingerprint(settings) ? 'current' : 'settingsChanged', lastAudit: mark.at };
}
