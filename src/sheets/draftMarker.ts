/**
 * Never two drafts (README "Follow-ups and closing"): a marker, set before a run drafts and cleared once
 * its drafts are recorded in the sheet. A marker still set at the start of a run means an earlier
 * run stopped between drafting and recording (a timeout, Apps Script's 6-minute stop, a sheet that
 * kept moving); only then does the run read Gmail's Drafts, to record an earlier draft of a
 * contract's stage instead of drafting it again. A normal run reads no drafts.
 */
import { recipientKey } from '../core/email';

const MARKER_KEY = 'contractAudit.drafting';
/** Days kept in the marker (a final follow-up's subject names a date that depends on the day it was drafted). */
const MAX_DAYS = 14;

/** The ISO days of runs that may have stopped between drafting and recording; null when none did. */
export function readMarker(): string[] | null {
  const stored = PropertiesService.getDocumentProperties().getProperty(MARKER_KEY);
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as { days?: unknown };
    return Array.isArray(parsed.days) ? parsed.days.filter((d): d is string => typeof d === 'string') : [];
  } catch (_e) {
    return [];
  }
}

/** Marks drafting in progress on `today` (kept with the days of earlier unfinished runs). */
export function setMarker(earlier: string[] | null, today: string): void {
  const days = (earlier || []).filter((d) => d !== today).concat(today).slice(-MAX_DAYS);
  PropertiesService.getDocumentProperties().setProperty(MARKER_KEY, JSON.stringify({ days }));
}

export function clearMarker(): void {
  PropertiesService.getDocumentProperties().deleteProperty(MARKER_KEY);
}

/** One key per (recipients, subject): what identifies a follow-up draft in Gmail. */
export function draftKey(recipients: string, subject: string): string {
  return `${recipientKey(recipients)}\u001f${subject.trim()}`;
}

/** The drafts now in Gmail, by draftKey (one Gmail read per draft: only after an unfinished run). */
export function draftsInGmail(): Set<string> {
  const keys = new Set<string>();
  for (const draft of GmailApp.getDrafts()) {
    const message = draft.getMessage();
    keys.add(draftKey(message.getTo(), message.getSubject()));
  }
  return keys;
}
