import type { AuditContract, AuditReport, State } from './types';
import { dayFromIso, humanDate } from './days';
import { plural } from './plural';

/**
 * What the digest says about Upwork, and only what Upwork's help center says (the README's
 * first paragraph): a contract counts in the Job Success Score once it is closed or once
 * several months pass without a payment; close promptly when the client is unresponsive.
 */
export const UPWORK_NOTE = 'On Upwork, a contract counts toward your Job Success Score once it is closed or once several '
  + 'months pass without a payment, so leaving a quiet contract open does not keep it out of the score. '
  + 'Upwork advises closing a contract when the client is unresponsive.';

/** Most contracts listed per group; the rest are counted. */
export const DIGEST_LIST_LIMIT = 10;

/** The groups the digest lists, most urgent first. */
const GROUPS: readonly { state: State; title: string }[] = [
  { state: 'Close out', title: 'Close out' },
  { state: 'Dormant', title: 'Dormant' },
  { state: 'Quiet', title: 'Quiet' },
  { state: 'Check data', title: 'Check data' },
];

/** True when a contract needs the user: anything Quiet, Dormant, Close out, Check data or a follow-up due. */
export function needsAttention(report: AuditReport): boolean {
  const { quiet, dormant, closeOut, checkData, followUpsDue } = report.counts;
  return quiet + dormant + closeOut + checkData > 0 || followUpsDue > 0;
}

/**
 * The digest email after an automatic audit (plain text), or null when nothing needs attention.
 * `drafted` is how many follow-up drafts the run created in Gmail.
 */
export function digestEmail(report: AuditReport, sheetUrl: string, drafted: number): { subject: string; body: string } | null {
  if (!needsAttention(report)) return null;
  const paragraphs: string[] = [
    `Contract audit of "${report.sheetName}" on ${readableDate(report.today)}.`,
    countsLines(report),
  ];
  if (report.profile.message) paragraphs.push(report.profile.message);
  for (const group of GROUPS) {
    const contracts = report.contracts.filter((c) => c.state === group.state);
    if (contracts.length > 0) paragraphs.push(groupList(group.title, contracts, report));
  }
  if (mentionsUpwork(report)) {
    paragraphs.push(UPWORK_NOTE);
  }
  const followUps = followUpLines(report, drafted);
  if (followUps) paragraphs.push(followUps);
  paragraphs.push(`Open the sheet: ${sheetUrl}`);
  paragraphs.push('You get this email because the automatic audit has the digest turned on. '
    + 'You can turn it off in the add-on\'s sidebar, under Settings.');
  return { subject: subjectLine(report), body: paragraphs.join('\n\n') + '\n' };
}

function subjectLine(report: AuditReport): string {
  const { closeOut, dormant, quiet, checkData, followUpsDue } = report.counts;
  const parts: string[] = [];
  if (closeOut > 0) parts.push(`${closeOut} to close`);
  if (dormant > 0) parts.push(`${dormant} dormant`);
  if (quiet > 0) parts.push(`${quiet} quiet`);
  if (checkData > 0) parts.push(`${checkData} to check`);
  if (parts.length === 0) parts.push(`${plural(followUpsDue, 'follow-up')} due`);
  return `Contract audit: ${parts.join(', ')} (${oneLine(report.sheetName)})`;
}

function countsLines(report: AuditReport): string {
  const c = report.counts;
  const parts = [
    [c.active, 'active'], [c.quiet, 'quiet'], [c.dormant, 'dormant'],
    [c.closeOut, 'to close out'], [c.checkData, 'with data to check'],
  ].filter(([n]) => (n as number) > 0).map(([n, label]) => `${n} ${label}`);
  const kept = c.keepOpen > 0 ? ` ${c.keepOpen} more kept open on purpose.` : '';
  return `${plural(c.open, 'open job')}: ${parts.join(', ')}.${kept}`;
}

function groupList(title: string, contracts: AuditContract[], report: AuditReport): string {
  const shown = contracts.slice(0, DIGEST_LIST_LIMIT).map((c) => `- ${contractLine(c, report)}`);
  const hidden = contracts.length - shown.length;
  if (hidden > 0) shown.push(`- and ${hidden} more in the sheet`);
  return [`${title} (${contracts.length}):`, ...shown].join('\n');
}

function contractLine(contract: AuditContract, report: AuditReport): string {
  const facts: string[] = [];
  if (contract.idleDays !== null) facts.push(`${plural(contract.idleDays, 'day')} idle`);
  if (contract.followUps > 0) facts.push(`${plural(contract.followUps, 'follow-up')} sent`);
  const next = contract.nextStep
    || report.problems.find((p) => p.row === contract.row)?.message
    || '';
  const name = `${oneLine(contract.client) || '(no client)'}: ${oneLine(contract.job) || '(no job)'}`;
  const factText = facts.length > 0 ? ` (${facts.join(', ')})` : '';
  return `${name}${factText}${next ? `. ${oneLine(next)}` : ''}`;
}

function followUpLines(report: AuditReport, drafted: number): string {
  const lines: string[] = [];
  if (drafted > 0) {
    lines.push(`${plural(drafted, 'follow-up draft')} ${isAre(drafted)} waiting in Gmail Drafts: `
      + `review and send ${drafted === 1 ? 'it' : 'them'} yourself.`);
  }
  const due = report.counts.followUpsDue;
  if (due > 0) {
    lines.push(`${drafted > 0 ? `${due} more` : due} ${due === 1 ? 'follow-up' : 'follow-ups'} ${isAre(due)} due: `
      + `open the add-on's sidebar in the sheet to draft or copy ${due === 1 ? 'it' : 'them'}.`);
  }
  return lines.join('\n');
}

function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}

function mentionsUpwork(report: AuditReport): boolean {
  return report.contracts.some((c) => (c.state === 'Close out' || c.state === 'Dormant')
    && /upwork/i.test(c.platform));
}

function readableDate(iso: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : humanDate(day);
}

/** Line breaks in a cell would break the list; they become spaces. Nothing else changes. */
function oneLine(text: string): string {
  return String(text ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

