/** The contracts that need attention, grouped Close out, Dormant, Quiet, Check data, with actions. */
import { HIGHLIGHTED_STATES } from '../core/highlights';
import type { AuditContract, AuditReport, CloseReason, DraftResult, HighlightedState } from '../core/types';
import { CLOSE_REASONS } from './api';
import type { App } from './app';
import { copyText, showCopyFallback } from './clipboard';
import { h, uid } from './dom';
import { CARDS_PER_GROUP, attentionGroups, formatFollowUps, formatIdle, pasteText, problemText, safeUrl } from './format';
import { server } from './server';
import { ensureSenderName } from './view-sender';

const STATE_CLASS: Record<string, string> = {
  'Close out': 'close-out', Dormant: 'dormant', Quiet: 'quiet', 'Check data': 'check-data',
};

const GROUP_HINT: Record<string, string> = {
  'Close out': 'Followed up enough: close these on the platform and here.',
  Dormant: 'No client activity for a long time: follow up.',
  Quiet: 'Getting quiet: keep an eye on these.',
  'Check data': 'The audit could not read these rows: fix the sheet.',
};

/** The attention list of a report, or a short "all clear" note. */
export function renderAttention(app: App, report: AuditReport): HTMLElement {
  const groups = attentionGroups(report, CARDS_PER_GROUP);
  const problems = new Map(report.problems.map((p) => [p.row, p.message] as [number, string]));
  // Every attention row counts as listed, shown as a card or not: its problem is not a loose one.
  const listed = new Set(report.contracts.filter((c) => HIGHLIGHTED_STATES.indexOf(c.state as HighlightedState) >= 0).map((c) => c.row));
  const loose = report.problems.filter((p) => !listed.has(p.row));
  const looseList = loose.length
    ? h('ul', { class: 'problems', 'aria-label': 'Problems in the sheet' },
      ...loose.slice(0, CARDS_PER_GROUP).map((p) => h('li', null, problemText(p))),
      loose.length > CARDS_PER_GROUP ? h('li', null, `…and ${loose.length - CARDS_PER_GROUP} more.`) : null)
    : null;
  if (groups.length === 0) {
    return h('section', { class: 'attention empty', 'aria-label': 'Contracts needing attention' }, looseList,
      h('p', null, 'Nothing needs attention. Every open job is active.'));
  }
  return h('section', { class: 'attention', 'aria-label': 'Contracts needing attention' }, looseList,
    ...groups.map((group) => {
      const headingId = uid('group');
      return h('section', { class: `group ${STATE_CLASS[group.state]}`, 'aria-labelledby': headingId },
        h('h2', { id: headingId }, `${group.state} (${group.total})`),
        h('p', { class: 'subtle hint' }, GROUP_HINT[group.state]),
        group.contracts.length ? h('ul', { class: 'cards' }, ...group.contracts.map((c) => renderCard(app, c, problems.get(c.row)))) : null,
        group.more > 0 ? h('p', { class: 'subtle more' }, `…and ${group.more} more in the sheet.`) : null);
    }));
}

function renderCard(app: App, contract: AuditContract, problem: string | undefined): HTMLElement {
  const meta = [contract.platform, formatIdle(contract.idleDays), formatFollowUps(contract.followUps), `row ${contract.row}`]
    .filter(Boolean).join(' · ');
  const fallback = h('div', { class: 'copy-fallback', hidden: true });
  return h('li', { class: `card ${STATE_CLASS[contract.state] || ''}`, 'data-key': contract.key },
    h('p', { class: 'client' }, contract.client || '(no client)'),
    h('p', { class: 'job' }, contract.job || '(no job)'),
    h('p', { class: 'meta' }, meta),
    problem && problem !== contract.nextStep ? h('p', { class: 'problem' }, problem) : null,
    contract.nextStep ? h('p', { class: 'next' }, contract.nextStep) : null,
    h('div', { class: 'actions' }, ...followUpActions(app, contract, fallback), ...rowActions(app, contract),
      renderClose(app, contract)),
    fallback);
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
  if (contract.email) {
    return [actionButton('Draft follow-up', `Draft follow-up to ${who(contract)}`, `${contract.key}:draft`, (button) => {
      void ensureSenderName(app, button).then((signed) => (!signed ? undefined : app.act(button, () => server.draftFollowUps([contract.key])).then((result) => {
        if (result) showDraftResult(app, result, contract);
      })));
    })];
  }
  const copy = actionButton('Copy message', `Copy message: follow-up for ${who(contract)}`, `${contract.key}:copy`, (button) => {
    void ensureSenderName(app, button).then((signed) => (!signed ? undefined : app.act(button, () => server.draftFollowUps([contract.key])).then(async (result) => {
      if (!result) return;
      const outcome = result.toSend[0] || result.drafted[0];
      if (!outcome) {
        showDraftResult(app, result, contract);
        return;
      }
      const text = pasteText(outcome.subject, outcome.body);
      const where = contract.platform && !/^direct/i.test(contract.platform) ? `${contract.platform} messages` : 'message to the client';
      if (await copyText(text)) {
        fallback.hidden = true;
        app.messages.notice(`Message copied. Paste it into the ${where}, then press Mark sent.`);
      } else {
        showCopyFallback(fallback, text);
        app.messages.notice(`Copy the message below into the ${where}, then press Mark sent.`);
      }
    })));
  });
  const sent = actionButton('Mark sent', `Mark sent: follow-up to ${who(contract)}`, `${contract.key}:sent`, (button) => {
    void app.act(button, () => server.markFollowUpSent(contract.key)).then((report) => {
      if (report) app.showReport(report);
    });
  });
  return [copy, sent];
}

function showDraftResult(app: App, result: DraftResult, contract: AuditContract): void {
  app.showReport(result.report);
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

function renderClose(app: App, contract: AuditContract): HTMLElement {
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
      if (report) app.showReport(report);
    });
  });
  return h('details', { class: 'close' },
    h('summary', { 'aria-label': `Close… ${who(contract)}`, 'data-focus': `${contract.key}:summary` }, 'Close…'),
    h('label', { for: selectId }, 'Reason'), select, confirm, error);
}
