/** The counts and the profile signal (open vs really active, as a small bar). */
import type { AuditReport } from '../core/types';
import { h } from './dom';
import { activeShare, formatDay, plural } from './format';

/** The summary block of a report. */
export function renderSummary(report: AuditReport): HTMLElement {
  const c = report.counts;
  const tiles: [string, number, string][] = [
    ['Open', c.open, 'open'], ['Active', c.active, 'active'], ['Quiet', c.quiet, 'quiet'],
    ['Dormant', c.dormant, 'dormant'], ['Close out', c.closeOut, 'close-out'], ['Check data', c.checkData, 'check-data'],
  ];
  const counts = h('dl', { class: 'counts', 'aria-label': 'Contract counts' },
    ...tiles.map(([label, value, cls]) => h('div', { class: `count ${cls}` }, h('dt', null, label), h('dd', null, String(value)))));
  const extra = h('p', { class: 'subtle' },
    `${plural(c.followUpsDue, 'follow-up')} due · ${c.closed} closed · ${c.keepOpen} kept open`);
  return h('section', { class: 'summary', 'aria-label': 'Summary' },
    h('p', { class: 'subtle audited' }, `Last audit ${formatDay(report.today)}${report.sheetName ? ` · sheet “${report.sheetName}”` : ''}`),
    counts, extra, renderProfile(report));
}

/** The profile signal: how many jobs the profile shows open and how many are really active. */
export function renderProfile(report: AuditReport): HTMLElement {
  const { openJobs, activeJobs, message } = report.profile;
  const share = activeShare(openJobs, activeJobs);
  const label = `${activeJobs} of ${plural(openJobs, 'open job')} really active`;
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${share}%`;
  return h('div', { class: 'profile' },
    h('p', { class: 'profile-label' }, h('strong', null, 'Profile: '), label),
    h('div', { class: 'bar', role: 'img', 'aria-label': label }, fill),
    message ? h('p', { class: 'advice' }, message) : null);
}
