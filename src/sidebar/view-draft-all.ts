/**
 * "Draft 378 follow-ups": drafts every due follow-up in chunks the server finishes well inside its
 * time limit, with a progress bar and count ("120 of 378"), a Stop button, and a summary at the
 * end (drafted; to send through the platform, with the text to copy; failed, with reasons).
 * Each chunk is recorded in the sheet as it finishes, so closing the sidebar mid-way loses
 * nothing and the next press carries on.
 */
import type { AuditReport, DraftResult, Outcome } from '../core/types';
import type { App } from './app';
import { copyText, showCopyFallback } from './clipboard';
import { h, replaceChildren } from './dom';
import { countOf, formatCount, pasteText } from './format';
import { server } from './server';
import { ensureSenderName } from './view-sender';

/** Due contracts one server call handles: a few seconds of Gmail calls, far inside 6 minutes. */
export const DRAFT_CHUNK = 25;
/** Messages to send (and failures) listed before "Show more". */
const LISTED = 10;

interface Run {
  total: number; handled: number;
  drafted: number; toSend: Outcome[]; failed: Outcome[];
  stopped: boolean; error: string;
}

let root: HTMLElement | null = null;
let button: HTMLButtonElement;
let progressArea: HTMLElement;
let progress: HTMLProgressElement;
let countText: HTMLElement;
let stop: HTMLButtonElement;
let resultArea: HTMLElement;
let running = false;
/** A finished run's summary is on screen: its list is the work left, so the big button waits until it is dismissed. */
let finishedShown = false;
let stopRequested = false;

function dailyLimitHit(result: DraftResult): boolean {
  return result.failed.some((o) => /daily limit/i.test(o.error || ''));
}

/** The draft-all block for `report` (one element, kept across reports so a run survives re-renders). */
export function renderDraftAll(app: App, report: AuditReport): HTMLElement {
  if (!root) {
    button = h('button', { type: 'button', class: 'primary', id: 'draft-all' }, '');
    // An empty "Your name" is asked for first, so no message is signed with nothing.
    button.addEventListener('click', () => { void ensureSenderName(app, button).then((signed) => { if (signed) void runAll(app); }); });
    progress = h('progress', { max: 1, value: 0, 'aria-label': 'Drafting follow-ups' });
    countText = h('span', { class: 'progress-count', role: 'status', 'aria-live': 'polite' });
    stop = h('button', { type: 'button', class: 'stop' }, 'Stop');
    stop.addEventListener('click', () => {
      stopRequested = true;
      stop.disabled = true;
      stop.textContent = 'Stopping…';
    });
    progressArea = h('div', { class: 'draft-progress', hidden: true }, progress,
      h('div', { class: 'progress-line' }, h('span', null, 'Drafting follow-ups: ', countText), stop));
    resultArea = h('div', { class: 'draft-result', hidden: true });
    root = h('section', { class: 'draft-all', 'aria-label': 'Draft all follow-ups' }, button, progressArea, resultArea);
  }
  update(report);
  return root;
}

function update(report: AuditReport): void {
  const due = report.counts.followUpsDue;
  button.textContent = `Draft ${countOf(due, 'follow-up')}`;
  button.hidden = running || due === 0 || finishedShown;
  root!.hidden = !running && due === 0 && resultArea.hidden;
}

async function runAll(app: App): Promise<void> {
  if (running || !app.report) return;
  running = true;
  stopRequested = false;
  app.messages.clear();
  const run: Run = { total: app.report.counts.followUpsDue, handled: 0, drafted: 0, toSend: [], failed: [], stopped: false, error: '' };
  const skip: string[] = [];
  let last: AuditReport | null = null;
  button.hidden = true;
  replaceChildren(resultArea);
  resultArea.hidden = true;
  finishedShown = false;
  stop.disabled = false;
  stop.textContent = 'Stop';
  progressArea.hidden = false;
  showProgress(run);
  stop.focus();
  try {
    for (;;) {
      const result = await server.draftFollowUps(null, { limit: DRAFT_CHUNK, skip });
      const n = result.drafted.length + result.toSend.length + result.failed.length;
      run.drafted += result.drafted.length;
      run.toSend.push(...result.toSend);
      run.failed.push(...result.failed);
      // What this chunk left due (to send, failed) is skipped by the next, so the run moves on.
      for (const o of result.toSend) skip.push(o.key);
      for (const o of result.failed) skip.push(o.key);
      run.handled += n;
      run.total = run.handled + result.remaining;
      last = result.report;
      showProgress(run);
      if (result.remaining === 0 || n === 0) break;
      if (dailyLimitHit(result) || stopRequested) { run.stopped = true; break; }
    }
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
    run.stopped = true;
  }
  running = false;
  progressArea.hidden = true;
  finishedShown = !run.stopped;
  renderResult(app, run);
  if (last) app.showReport({ ...last, notice: '' });
  else if (app.report) update(app.report);
  const heading = resultArea.querySelector<HTMLElement>('h3');
  if (heading) heading.focus();
}

function showProgress(run: Run): void {
  progress.max = Math.max(1, run.total);
  progress.value = run.handled;
  countText.textContent = `${formatCount(run.handled)} of ${formatCount(run.total)}`;
}

function renderResult(app: App, run: Run): void {
  const left = run.total - run.handled;
  const title = run.error ? 'Drafting stopped by an error' : run.stopped ? 'Drafting stopped' : 'Drafting done';
  const lines: HTMLElement[] = [];
  lines.push(h('p', { class: 'drafted-line' }, run.drafted
    ? `Drafted ${countOf(run.drafted, 'follow-up')} in Gmail Drafts (not sent): review and send them from Gmail.`
    : 'No Gmail draft was made.'));
  if (run.error) lines.push(h('p', { class: 'last-error' }, run.error));
  if (left > 0) {
    lines.push(h('p', null, `${countOf(left, 'follow-up')} not reached yet: press Draft again to carry on.`));
  }
  if (run.toSend.length) lines.push(renderToSend(app, run.toSend));
  if (run.failed.length) lines.push(renderFailed(run.failed));
  const dismiss = h('button', { type: 'button', class: 'quiet-button' }, 'Dismiss');
  dismiss.addEventListener('click', () => {
    replaceChildren(resultArea);
    resultArea.hidden = true;
    finishedShown = false;
    if (app.report) update(app.report);
    if (!button.hidden) button.focus();
  });
  replaceChildren(resultArea, h('h3', { tabindex: -1 }, title), ...lines, dismiss);
  resultArea.hidden = false;
}

/** The messages for contracts without an email: copy each into the platform, then Mark sent. */
function renderToSend(app: App, outcomes: Outcome[]): HTMLElement {
  const list = h('ul', { class: 'to-send' });
  const more = h('div', null);
  let shown = 0;
  const showMore = () => {
    const end = Math.min(outcomes.length, shown + LISTED);
    let first: HTMLElement | null = null;
    for (; shown < end; shown += 1) {
      const item = toSendItem(app, outcomes[shown]);
      if (!first) first = item;
      list.appendChild(item);
    }
    const rest = outcomes.length - shown;
    replaceChildren(more, rest > 0 ? h('button', { type: 'button', class: 'show-more', onclick: () => {
      const added = showMore();
      if (added) added.focus();
    } }, `Show ${formatCount(Math.min(LISTED, rest))} more (${formatCount(rest)} left)`) : null);
    return first;
  };
  showMore();
  return h('div', { class: 'to-send-area' },
    h('p', null, h('strong', null, `${countOf(outcomes.length, 'message')} to send through the platform`),
      ': copy each into the platform, then press Mark sent.'),
    list, more);
}

function toSendItem(app: App, outcome: Outcome): HTMLElement {
  const fallback = h('div', { class: 'copy-fallback', hidden: true });
  const status = h('span', { class: 'item-status', role: 'status' });
  const text = pasteText(outcome.subject, outcome.body);
  const copy = h('button', { type: 'button', 'aria-label': `Copy message for ${outcome.client || `row ${outcome.row}`}` }, 'Copy message');
  copy.addEventListener('click', () => {
    void copyText(text).then((copied) => {
      if (copied) status.textContent = 'Copied.';
      else showCopyFallback(fallback, text);
    });
  });
  const sent = h('button', { type: 'button', 'aria-label': `Mark sent: ${outcome.client || `row ${outcome.row}`}` }, 'Mark sent');
  sent.addEventListener('click', () => {
    void app.act(sent, () => server.markFollowUpSent(outcome.key)).then((report) => {
      if (!report) return;
      const item = sent.closest('li');
      app.showReport(report);
      status.textContent = 'Recorded as sent.';
      sent.disabled = true;
      // Re-rendering the report moved this list: give focus back to the user's place in it.
      const next = item && item.nextElementSibling instanceof HTMLElement ? item.nextElementSibling : item;
      if (next) next.focus();
    });
  });
  return h('li', { tabindex: -1 },
    h('p', { class: 'client' }, outcome.client || `Row ${outcome.row}`),
    h('p', { class: 'subtle' }, outcome.subject || '(no subject)'),
    h('div', { class: 'actions' }, copy, sent, status), fallback);
}

/** Failures grouped by reason: "Gmail refused the draft: … — Acme, Beta and 3 more". */
function renderFailed(failed: Outcome[]): HTMLElement {
  const byReason = new Map<string, Outcome[]>();
  for (const o of failed) {
    const reason = o.error || 'The draft could not be created.';
    const list = byReason.get(reason);
    if (list) list.push(o); else byReason.set(reason, [o]);
  }
  const reasons = Array.from(byReason.entries());
  const items = reasons.slice(0, LISTED).map(([reason, outcomes]) => {
    const names = outcomes.slice(0, 3).map((o) => o.client || `row ${o.row}`);
    const rest = outcomes.length - names.length;
    return h('li', null, h('span', { class: 'who' }, `${names.join(', ')}${rest > 0 ? ` and ${formatCount(rest)} more` : ''}: `), reason);
  });
  return h('div', { class: 'failed-area' },
    h('p', null, h('strong', null, `${formatCount(failed.length)} could not be drafted`), ':'),
    h('ul', { class: 'failed' }, ...items,
      reasons.length > LISTED ? h('li', null, `…and ${formatCount(reasons.length - LISTED)} other reasons.`) : null));
}
