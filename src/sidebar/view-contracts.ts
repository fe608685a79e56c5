/**
 * The contracts that need attention, grouped Close out, Dormant, Quiet, Check data, with actions.
 * Small at any sheet size: groups fold (Close out starts open, the others fold when long), an open
 * group shows a page of cards and "Show 50 more", a search box filters, and a card builds its
 * close form only when opened.
 */
import { EMBEDDED_CONTRACTS_LIMIT } from '../core/bootstrap';
import { HIGHLIGHTED_STATES } from '../core/highlights';
import { NOT_ALLOWED } from '../core/permissions';
import type { AuditContract, AuditReport, CloseReason, Counts, DraftResult, HighlightedState } from '../core/types';
import { CLOSE_REASONS } from './api';
import type { App } from './app';
import { copyText, showCopyFallback } from './clipboard';
import { h, replaceChildren, uid } from './dom';
import { formatCount, formatDay, formatFollowUps, formatIdle, pasteText, problemText, safeUrl } from './format';
import { server } from './server';
import { ensureSenderName } from './view-sender';

/** Cards an open group shows at first. */
export const FIRST_PAGE = 20;
/** Cards "Show more" adds. */
export const PAGE_STEP = 50;
/** A group other than Close out starts folded when it holds more contracts than this. */
export const FOLD_OVER = 10;
/** Most cards one group shows at once: paging on drops the earliest (the DOM stays small). */
export const WINDOW = FIRST_PAGE + PAGE_STEP;
/** Loose problems listed before "…and N more". */
const PROBLEMS_SHOWN = 20;

const STATE_CLASS: Record<string, string> = {
  'Close out': 'close-out', Dormant: 'dormant', Quiet: 'quiet', 'Check data': 'check-data',
};

const COUNT_OF_STATE: Record<HighlightedState, keyof Counts> = {
  'Close out': 'closeOut', Dormant: 'dormant', Quiet: 'quiet', 'Check data': 'checkData',
};

const GROUP_HINT: Record<string, string> = {
  'Close out': 'Followed up enough: close these on the platform and here.',
  Dormant: 'No client activity for a long time: follow up.',
  Quiet: 'Getting quiet: keep an eye on these.',
  'Check data': 'The audit could not read these rows: fix the sheet.',
};

/** What the user opened, paged and searched: kept across reports (an action re-renders the list). */
const viewState = {
  query: '',
  open: new Map<HighlightedState, boolean>(),
  range: new Map<HighlightedState, { start: number; end: number }>(),
};

/** The attention list of a report, or a short "all clear" note. */
export function renderAttention(app: App, report: AuditReport): HTMLElement {
  const attention = report.contracts.filter((c) => HIGHLIGHTED_STATES.indexOf(c.state as HighlightedState) >= 0);
  const problems = new Map(report.problems.map((p) => [p.row, p.message] as [number, string]));
  // Every attention row counts as listed, shown as a card or not: its problem is not a loose one.
  const listed = new Set(attention.map((c) => c.row));
  const loose = report.problems.filter((p) => !listed.has(p.row));
  const looseList = loose.length
    ? h('ul', { class: 'problems', 'aria-label': 'Problems in the sheet' },
      ...loose.slice(0, PROBLEMS_SHOWN).map((p) => h('li', null, problemText(p))),
      loose.length > PROBLEMS_SHOWN ? h('li', null, `…and ${formatCount(loose.length - PROBLEMS_SHOWN)} more.`) : null)
    : null;
  // A sheet-wide problem (a missing column) is said once, in the list above, not again on every card.
  const sheetWide = loose.filter((p) => /\bcolumn\b/i.test(p.message)).map((p) => quotedNames(p.message)).filter((n) => n.length > 0);
  problems.forEach((message, row) => {
    if (/\bcolumn\b/i.test(message) && sheetWide.some((names) => names.every((n) => message.indexOf(`"${n}"`) >= 0))) problems.delete(row);
  });
  const totals = HIGHLIGHTED_STATES.map((state) => Math.max(Number(report.counts[COUNT_OF_STATE[state]]) || 0,
    attention.filter((c) => c.state === state).length));
  if (totals.every((t) => t === 0)) {
    return h('section', { class: 'attention empty', 'aria-label': 'Contracts needing attention' }, looseList,
      h('p', null, report.counts.open + report.counts.keepOpen + report.counts.closed === 0
        ? 'The sheet has no contracts yet: add a row per job, then press Run audit.'
        : 'Nothing needs attention. Every open job is active.'));
  }

  const groupsArea = h('div', { class: 'groups' });
  const renderGroups = () => {
    const query = viewState.query.trim().toLowerCase();
    const groups: Group[] = [];
    // One long group open at a time: opening one folds the other long ones (short ones stay).
    const onOpen = (opened: HighlightedState) => {
      if (query) return;
      groups.forEach((g, i) => { if (g.long && openedState[i] !== opened) g.setOpen(false); });
    };
    const openedState: HighlightedState[] = [];
    HIGHLIGHTED_STATES.forEach((state, i) => {
      if (totals[i] === 0) return;
      const all = attention.filter((c) => c.state === state);
      const matching = query ? all.filter((c) => matches(c, query)) : all;
      if (query && matching.length === 0) return;
      const group = renderGroup(app, report, state, totals[i], matching, !!query, problems, onOpen);
      if (!query && group.long && groups.some((g) => g.long && g.isOpen())) group.setOpen(false);
      groups.push(group);
      openedState.push(state);
    });
    const sections = groups.map((g) => g.element);
    replaceChildren(groupsArea, ...(sections.length ? sections
      : [h('p', { class: 'subtle no-match' }, `No listed contract matches “${viewState.query.trim()}”.`)]));
  };

  const unlisted = totals.reduce((sum, t) => sum + t, 0) - attention.length;
  let search: HTMLElement | null = null;
  if (attention.length > FOLD_OVER) {
    const inputId = uid('find');
    const input = h('input', { type: 'search', id: inputId, class: 'find', autocomplete: 'off', placeholder: 'Client, job or platform' });
    input.value = viewState.query;
    let timer: number | undefined;
    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        viewState.query = input.value;
        renderGroups();
      }, 120);
    });
    search = h('div', { class: 'search', role: 'search' },
      h('label', { for: inputId }, 'Find a contract'), input,
      unlisted > 0 ? h('p', { class: 'subtle' },
        `Searches the ${formatCount(attention.length)} listed here; ${formatCount(unlisted)} more that need attention are only in the sheet.`) : null);
  }
  renderGroups();
  return h('section', { class: 'attention', 'aria-label': 'Contracts needing attention' }, looseList, search, groupsArea);
}

function quotedNames(message: string): string[] {
  const names: string[] = [];
  const pattern = /"([^"]+)"/g;
  for (let m = pattern.exec(message); m; m = pattern.exec(message)) names.push(m[1]);
  return names;
}

function matches(contract: AuditContract, query: string): boolean {
  return `${contract.client}\n${contract.job}\n${contract.platform}\nrow ${contract.row}`.toLowerCase().indexOf(query) >= 0;
}

interface Group { element: HTMLElement; long: boolean; isOpen(): boolean; setOpen(open: boolean): void }

function renderGroup(app: App, report: AuditReport, state: HighlightedState, total: number, contracts: AuditContract[],
  searching: boolean, problems: Map<number, string>, onOpen: (state: HighlightedState) => void): Group {
  const bodyId = uid('group-body');
  const remembered = viewState.open.get(state);
  const long = total > FOLD_OVER;
  let open = searching || (remembered !== undefined ? remembered : state === 'Close out' || !long);
  const title = searching ? `${state} (${formatCount(contracts.length)} of ${formatCount(total)})` : `${state} (${formatCount(total)})`;
  const toggle = h('button', { type: 'button', class: 'group-toggle', 'aria-controls': bodyId, 'aria-expanded': String(open),
    'data-focus': `group:${state}` }, title);
  const body = h('div', { class: 'group-body', id: bodyId });
  const fill = () => {
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    if (!open) { replaceChildren(body); return; }
    const list = h('ul', { class: 'cards' });
    const earlier = h('div', { class: 'more-area' });
    const more = h('div', { class: 'more-area' });
    // The cards shown are a window of at most WINDOW: paging on drops the ones far above.
    const saved = searching ? undefined : viewState.range.get(state);
    let start = saved ? Math.min(saved.start, contracts.length) : 0;
    let end = Math.min(contracts.length, saved ? Math.max(saved.end, start + FIRST_PAGE) : FIRST_PAGE);
    const draw = (focusIndex: number | null) => {
      const cards = contracts.slice(start, end).map((c) => renderCard(app, report, c, problems.get(c.row)));
      replaceChildren(list, ...cards);
      if (!searching) viewState.range.set(state, { start, end });
      const left = contracts.length - end;
      const outside = searching ? 0 : total - contracts.length;
      replaceChildren(earlier, start > 0 ? h('button', { type: 'button', class: 'show-more', onclick: () => {
        start = Math.max(0, start - PAGE_STEP);
        end = Math.min(end, start + WINDOW);
        draw(start);
      } }, `Show earlier (${formatCount(start)} above)`) : null);
      replaceChildren(more,
        left > 0 ? h('button', { type: 'button', class: 'show-more', onclick: () => {
          const from = end;
          end = Math.min(contracts.length, end + PAGE_STEP);
          start = Math.max(start, end - WINDOW);
          draw(from);
        } }, `Show ${formatCount(Math.min(PAGE_STEP, left))} more (${formatCount(left)} left)`) : null,
        outside > 0 ? h('p', { class: 'subtle more' }, `${contracts.length ? '…and ' : ''}${formatCount(outside)} `
          + `${contracts.length ? 'more ' : ''}only in the sheet (the sidebar lists the ${formatCount(EMBEDDED_CONTRACTS_LIMIT)} most urgent): `
          + `filter its Audit column for “${state}”.`) : null);
      const target = focusIndex === null ? null : cards[focusIndex - start];
      if (target) target.focus();
    };
    draw(null);
    replaceChildren(body, h('p', { class: 'subtle hint' }, GROUP_HINT[state]), earlier, contracts.length ? list : null, more);
  };
  const setOpen = (next: boolean) => {
    if (open === next) return;
    open = next;
    viewState.open.set(state, open);
    fill();
  };
  toggle.addEventListener('click', () => {
    setOpen(!open);
    if (open) onOpen(state);
  });
  fill();
  return { element: h('section', { class: `group ${STATE_CLASS[state]}`, 'data-state': state }, h('h2', null, toggle), body),
    long, isOpen: () => open, setOpen };
}

function renderCard(app: App, report: AuditReport, contract: AuditContract, problem: string | undefined): HTMLElement {
  const meta = [contract.state, contract.platform, formatIdle(contract.idleDays), formatFollowUps(contract.followUps),
    contract.lastPayment ? `last paid ${formatDay(contract.lastPayment)}` : '', `row ${contract.row}`]
    .filter(Boolean).join(' · ');
  const fallback = h('div', { class: 'copy-fallback', hidden: true });
  const doneToday = !contract.followUpDue && contract.followUps > 0 && contract.lastFollowUp === report.today;
  return h('li', { class: `card ${STATE_CLASS[contract.state] || ''}`, 'data-key': contract.key, tabindex: -1 },
    h('p', { class: 'client' }, contract.client || '(no client)'),
    h('p', { class: 'job' }, contract.job || '(no job)'),
    h('p', { class: 'meta' }, meta),
    problem && problem !== contract.nextStep ? h('p', { class: 'problem' }, problem) : null,
    doneToday ? h('p', { class: 'done' }, contract.email ? '✓ Drafted today' : '✓ Follow-up sent today') : null,
    contract.nextStep ? h('p', { class: 'next' }, contract.nextStep) : null,
    h('div', { class: 'actions' }, ...followUpActions(app, contract, fallback), ...rowActions(app, contract),
      renderClose(app, contract)),
    fallback);
}

/**
 * The card after `key`'s in the list (else the one before), to move focus to once an action on
 * `key` is done: the user's place in the list, never the top of the page.
 */
function neighbourKeys(key: string): string[] {
  const cards = Array.prototype.slice.call(document.querySelectorAll('li.card')) as HTMLElement[];
  const keys = cards.map((c) => c.getAttribute('data-key') || '');
  const i = keys.indexOf(key);
  if (i < 0) return [];
  return [keys[i + 1], keys[i - 1]].filter((k): k is string => !!k);
}

/** Shows `report` (re-rendering the list), then focuses the next card. */
export function showReportAndMoveOn(app: App, report: AuditReport, key: string): void {
  const next = neighbourKeys(key);
  app.showReport(report);
  focusCard(next);
}

function focusCard(keys: string[]): void {
  for (const key of keys) {
    const cards = document.querySelectorAll<HTMLElement>('li.card');
    for (let i = 0; i < cards.length; i += 1) {
      if (cards[i].getAttribute('data-key') === key) {
        cards[i].focus();
        return;
      }
    }
  }
}

function actionButton(label: string, ariaLabel: string, focusId: string, onclick: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', 'aria-label': ariaLabel, 'data-focus': focusId }, label);
  button.addEventListener('click', () => onclick(button));
  return button;
}

function who(contract: AuditContract): string {
  return `${contract.client || 'this client'}${contract.job ? `, ${contract.job}` : ''}`;
}

function followUpActions(app: App, contract: AuditContract, fallback: HTMLElement): HTMLElement[] {
  if (!contract.followUpDue) return [];
  // Drafts not allowed: a Draft button could only fail, so a card with an email gets the text to
  // copy into an email instead (the server returns it with the refusal).
  const draftsOff = Boolean(app.permissions && app.permissions.drafts === false);
  if (contract.email && !draftsOff) {
    return [actionButton('Draft follow-up', `Draft follow-up to ${who(contract)}`, `${contract.key}:draft`, (button) => {
      void ensureSenderName(app, button).then((signed) => (!signed ? undefined : app.act(button, () => server.draftFollowUps([contract.key])).then((result) => {
        if (result) showDraftResult(app, result, contract);
      })));
    })];
  }
  const copy = actionButton('Copy message', `Copy message: follow-up for ${who(contract)}`, `${contract.key}:copy`, (button) => {
    void ensureSenderName(app, button).then((signed) => (!signed ? undefined : app.act(button, () => server.draftFollowUps([contract.key])).then(async (result) => {
      if (!result) return;
      const refused = result.failed.find((o) => o.error === NOT_ALLOWED.drafts && o.body !== '');
      const outcome = result.toSend[0] || result.drafted[0] || refused;
      if (!outcome) {
        showDraftResult(app, result, contract);
        return;
      }
      const text = pasteText(outcome.subject, outcome.body);
      const where = refused ? `an email to ${contract.email}`
        : contract.platform && !/^direct/i.test(contract.platform) ? `the ${contract.platform} messages` : 'the message to the client';
      if (await copyText(text)) {
        fallback.hidden = true;
        app.messages.notice(`Message copied. Paste it into ${where}, then press Mark sent.`);
      } else {
        showCopyFallback(fallback, text);
        app.messages.notice(`Copy the message below into ${where}, then press Mark sent.`);
      }
    })));
  });
  const sent = actionButton('Mark sent', `Mark sent: follow-up to ${who(contract)}`, `${contract.key}:sent`, (button) => {
    void app.act(button, () => server.markFollowUpSent(contract.key)).then((report) => {
      if (report) showReportAndMoveOn(app, report, contract.key);
    });
  });
  return [copy, sent];
}

/** One message for a single draft: the error, or where the draft is. */
function showDraftResult(app: App, result: DraftResult, contract: AuditContract): void {
  showReportAndMoveOn(app, result.report, contract.key);
  const failed = result.failed[0];
  if (failed) {
    app.messages.error(`${failed.client || contract.client}: ${failed.error || 'the draft could not be created.'}`);
    return;
  }
  const drafted = result.drafted[0];
  if (drafted) {
    app.messages.notice(`Draft “${drafted.subject}” is in Gmail for ${drafted.client || contract.client}. Review it and send it from Gmail.`);
  } else if (!result.report.notice) {
    app.messages.notice('No follow-up is due for this contract, so nothing was drafted.');
  }
}

function rowActions(app: App, contract: AuditContract): HTMLElement[] {
  const actions: HTMLElement[] = [];
  const url = safeUrl(contract.url);
  if (url) {
    actions.push(h('a', { class: 'button-link', href: url, target: '_blank', rel: 'noopener noreferrer',
      'aria-label': `Open contract ${who(contract)} (new tab)` }, 'Open contract'));
  }
  actions.push(actionButton('Select row', `Select row ${contract.row} (${who(contract)}) in the sheet`, `${contract.key}:select`, (button) => {
    void app.act(button, async () => { await server.selectRow(contract.key); return true; }).then((done) => {
      if (done) app.messages.notice(`Row ${contract.row} is selected in the sheet.`);
    });
  }));
  return actions;
}

/** Close…: a summary whose form (reason, Close contract) is built the first time it opens. */
function renderClose(app: App, contract: AuditContract): HTMLElement {
  const summary = h('summary', { 'aria-label': `Close… ${who(contract)}`, 'data-focus': `${contract.key}:summary` }, 'Close…');
  const details = h('details', { class: 'close' }, summary);
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    const selectId = uid('reason');
    const select = h('select', { id: selectId, 'data-focus': `${contract.key}:reason` });
    const suggest = contract.state === 'Close out';
    if (!suggest) select.appendChild(h('option', { value: '' }, 'Choose a reason…'));
    for (const reason of CLOSE_REASONS) select.appendChild(h('option', { value: reason }, reason));
    select.value = suggest ? CLOSE_REASONS[0] : '';
    const error = h('p', { class: 'field-error', hidden: true });
    const confirm = actionButton('Close contract', `Close contract ${who(contract)}`, `${contract.key}:close`, (button) => {
      const reason = select.value as CloseReason;
      if (!reason) {
        error.textContent = 'Choose why the contract ends.';
        error.hidden = false;
        select.focus();
        return;
      }
      void app.act(button, () => server.closeContract(contract.key, reason)).then((report) => {
        if (report) showReportAndMoveOn(app, report, contract.key);
      });
    });
    details.appendChild(h('label', { for: selectId }, 'Reason'));
    details.appendChild(select);
    details.appendChild(confirm);
    details.appendChild(error);
  };
  // Enter or a click on the summary fires click before the details opens: the form is there in time.
  summary.addEventListener('click', build);
  details.addEventListener('toggle', build);
  return details;
}
