/** The counts and the profile signal (open vs really active, as a small bar), labelled truthfully. */
import type { AuditReport, AuditStatus } from '../core/types';
import { h } from './dom';
import { activeShare, countOf, formatCount, formatDateTime, formatDay } from './format';

/**
 * What the first paint may say about the audit (README "The sidebar"): "Last audit: <date>" only
 * when that audit was written to the sheet with the current settings.
 */
export function auditStatusText(status: AuditStatus | null, report: AuditReport): string {
  const sheet = report.sheetName ? ` · sheet “${report.sheetName}”` : '';
  if (!status || status.kind === 'current') {
    const when = status && status.lastAudit ? formatDateTime(status.lastAudit) : formatDay(report.today);
    return `Last audit: ${when}${sheet}`;
  }
  if (status.kind === 'settingsChanged') {
    return `Settings changed since the last audit: Run audit writes these states to the sheet${sheet}`;
  }
  return `Not audited yet — Run audit writes these states to the sheet${report.sheetName ? ` “${report.sheetName}”` : ''}.`;
}

/** The summary block of a report. `status` null means the report was just written (an action's or Run audit's). */
export function renderSummary(report: AuditReport, status: AuditStatus | null = null): HTMLElement {
  const c = report.counts;
  const tiles: [string, number, string][] = [
    ['Open', c.open, 'open'], ['Active', c.active, 'active'], ['Quiet', c.quiet, 'quiet'],
    ['Dormant', c.dormant, 'dormant'], ['Close out', c.closeOut, 'close-out'], ['Check data', c.checkData, 'check-data'],
  ];
  const counts = h('dl', { class: 'counts', 'aria-label': 'Contract counts' },
    ...tiles.map(([label, value, cls]) => h('div', { class: `count ${cls}` }, h('dt', null, label), h('dd', null, formatCount(value)))));
  const extra = h('p', { class: 'subtle' },
    `${countOf(c.followUpsDue, 'follow-up')} due · ${formatCount(c.closed)} closed · ${formatCount(c.keepOpen)} kept open`);
  const current = !status || status.kind === 'current';
  return h('section', { class: 'summary', 'aria-label': 'Summary' },
    h('p', { class: `subtle audited${current ? '' : ' not-written'}`, id: 'audit-status' }, auditStatusText(status, report)),
    counts, extra, renderProfile(report));
}

/** The profile signal: how many jobs the profile shows open and how many are really active. */
export function renderProfile(report: AuditReport): HTMLElement {
  const { openJobs, activeJobs, message } = report.profile;
  const c = report.counts;
  const share = activeShare(openJobs, activeJobs);
  const label = `${formatCount(activeJobs)} of ${countOf(openJobs, 'open job')} really active`;
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${share}%`;
  // The Open tile counts open rows; the profile also shows the jobs kept open: say how they add up.
  const reconcile = `${formatCount(openJobs)} on your profile = ${formatCount(c.open)} open + ${formatCount(c.keepOpen)} kept open`;
  return h('div', { class: 'profile' },
    h('p', { class: 'profile-label' }, h('strong', null, 'Profile: '), label),
    h('div', { class: 'bar', role: 'img', 'aria-label': label }, fill),
    h('p', { class: 'subtle reconcile' }, reconcile),
    message ? h('p', { class: 'advice' }, profileMessage(message)) : null);
}

/** The server's profile sentence with thousands separators in its own counts (never inside a contract's name). */
export function profileMessage(message: string): string {
  const n = (digits: string) => formatCount(Number(digits));
  return message
    .replace(/^(Your profile shows )(\d+)/, (_all, lead: string, d: string) => `${lead}${n(d)}`)
    .replace(/(only )(\d+)( (?:is|are) really active)/, (_all, a: string, d: string, b: string) => `${a}${n(d)}${b}`)
    .replace(/( and )(\d+)( more\.)$/, (_all, a: string, d: string, b: string) => `${a}${n(d)}${b}`);
}
