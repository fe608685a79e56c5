/**
 * The sidebar: shows the audit embedded by `showSidebar()` at first paint, then talks to the
 * server only through `server` (src/sidebar/server.ts).
 */
import type { AuditReport, AuditStatus, Permissions, Schedule, Settings } from '../core/types';
import { makeAct, type App } from './app';
import { readBootstrap } from './bootstrap';
import { h, replaceChildren } from './dom';
import { formatCount } from './format';
import { createMessages } from './messages';
import { server } from './server';
import { renderAttention } from './view-contracts';
import { renderDraftAll } from './view-draft-all';
import { renderScheduleStatus } from './view-schedule';
import { renderFirstRun } from './view-first-run';
import { renderImport } from './view-import';
import { notAllowedSentence, renderPermissions } from './view-permissions';
import { renderSettingsForm } from './view-settings';
import { renderSummary } from './view-summary';

function start(): void {
  performance.mark('sidebar-start');
  const bootstrap = readBootstrap(document);
  const messages = createMessages();
  // Whether the shown states were written to the sheet; null once a report comes from Run audit or an action (they write it).
  let auditStatus: AuditStatus | null = bootstrap ? bootstrap.auditStatus : null;
  const reportArea = h('div', { class: 'report', id: 'report' });
  const statusArea = h('div', { id: 'automation' });
  const settingsArea = h('div', { class: 'settings-body' }, h('p', { class: 'subtle' }, 'Loading settings…'));
  const permissionsArea = h('div', { id: 'permissions-area' });
  const settingsPanel = h('details', { class: 'panel', id: 'settings' },
    h('summary', null, 'Settings'), settingsArea);

  const app: App = {
    report: bootstrap ? bootstrap.report : null,
    settings: bootstrap && bootstrap.settings ? bootstrap.settings : null,
    schedule: bootstrap && bootstrap.schedule ? bootstrap.schedule : null,
    placeholders: bootstrap ? bootstrap.placeholders : [],
    permissions: bootstrap ? bootstrap.permissions : null,
    messages,
    act: makeAct(messages),
    showReport(report: AuditReport) {
      app.report = report;
      auditStatus = null;
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement.getAttribute('data-focus') : null;
      renderReport();
      if (report.notice) messages.notice(report.notice);
      restoreFocus(focused);
    },
    showSchedule(schedule: Schedule) {
      app.schedule = schedule;
      renderSchedule();
    },
    showSettings(settings: Settings) {
      if (app.settings && app.report && thresholdsOf(app.settings) !== thresholdsOf(settings)) {
        auditStatus = { kind: 'settingsChanged', lastAudit: auditStatus ? auditStatus.lastAudit : null };
        renderReport();
      }
      app.settings = settings;
      renderSettings();
    },
  };

  const runAudit = h('button', { type: 'button', class: 'primary', id: 'run-audit', 'data-focus': 'run-audit' }, 'Run audit');
  runAudit.addEventListener('click', () => {
    messages.notice('');
    const emptyError = app.report ? null : reportArea.querySelector<HTMLElement>('.empty-state .last-error');
    // Without a report, the reason is already on the page: a failure updates that one line, never a second copy.
    void app.act(runAudit, () => server.runAudit(), emptyError ? (message) => {
      emptyError.textContent = message;
      emptyError.focus();
    } : undefined).then((report) => {
      if (report) {
        app.showReport(report);
        if (!report.notice) messages.notice(auditNotice(report));
      }
    });
  });
  const clear = h('button', { type: 'button', class: 'quiet-button' }, 'Clear highlights');
  clear.addEventListener('click', () => {
    void app.act(clear, () => server.clearHighlights()).then((result) => {
      if (result) messages.notice(result.removed ? 'Highlights removed. Your own formatting is untouched.' : 'There were no highlights to remove.');
    });
  });

  function renderReport(): void {
    if (!app.report && bootstrap && bootstrap.error) {
      replaceChildren(reportArea, renderFirstRun(app, bootstrap.error));
      importPanel.hidden = true;
      return;
    }
    importPanel.hidden = false;
    if (!app.report) {
      replaceChildren(reportArea, h('section', { class: 'empty-state' },
        h('h2', null, 'Run an audit to start'),
        h('p', null, 'The audit reads your contracts sheet, colours the jobs that went quiet and lists what to do next.'),
        h('p', { class: 'last-error', role: 'alert', tabindex: -1, hidden: !(bootstrap && bootstrap.error) }, bootstrap ? bootstrap.error : '')));
      return;
    }
    replaceChildren(reportArea, renderSummary(app.report, auditStatus), renderDraftAll(app, app.report), renderAttention(app, app.report));
  }

  function renderPermissionsArea(): void {
    replaceChildren(permissionsArea, renderPermissions(app, (permissions: Permissions) => {
      app.permissions = permissions;
      renderPermissionsArea();
      renderSchedule();
      renderSettings();
    }));
  }

  function renderSettings(): void {
    if (app.settings) replaceChildren(settingsArea, renderSettingsForm(app, app.settings));
  }

  function renderSchedule(): void {
    const off = app.permissions && !app.permissions.schedule ? notAllowedSentence('schedule') : '';
    replaceChildren(statusArea, renderScheduleStatus(app.schedule, off));
  }

  const importPanel = h('details', { class: 'panel', id: 'import' },
    h('summary', null, 'Import Upwork report'), renderImport(app));

  // Without a bootstrap (page not served by showSidebar), fetch settings when the panel opens.
  settingsPanel.addEventListener('toggle', () => {
    if (!settingsPanel.open || (app.settings && app.schedule)) return;
    Promise.all([server.getSettings(), server.getSchedule()]).then(([settings, schedule]) => {
      app.showSchedule(schedule);
      app.showSettings(settings);
    }, (error: Error) => {
      replaceChildren(settingsArea, h('p', { class: 'last-error' }, error.message));
    });
  });

  // Settings is one Tab step from the top: this link opens the panel and moves focus to it.
  const toSettings = h('a', { href: '#settings', class: 'to-settings', id: 'to-settings' }, 'Settings');
  toSettings.addEventListener('click', (event) => {
    event.preventDefault();
    settingsPanel.open = true;
    const summary = settingsPanel.querySelector('summary');
    if (summary) summary.focus();
    settingsPanel.scrollIntoView({ block: 'start' });
  });

  replaceChildren(document.body, h('main', { class: 'sidebar' },
    h('header', { class: 'toolbar' }, h('h1', null, 'Contract audit'), toSettings, runAudit),
    permissionsArea, reportArea, statusArea, importPanel, settingsPanel,
    h('footer', { class: 'footer' }, clear), messages.element));
  renderPermissionsArea();
  renderReport();
  renderSettings();
  renderSchedule();
  // The first paint is done: tests and the preview measure up to this mark.
  performance.mark('sidebar-ready');
  document.body.setAttribute('data-ready', 'true');
}

function thresholdsOf(s: Settings): string {
  return [s.quietDays, s.dormantDays, s.followUpEveryDays, s.maxFollowUps, s.closeAfterDays].join('/');
}

function auditNotice(report: AuditReport): string {
  const n = report.counts.quiet + report.counts.dormant + report.counts.closeOut + report.counts.checkData;
  return n ? `Audit done: ${formatCount(n)} contract${n === 1 ? ' needs' : 's need'} attention.` : 'Audit done: nothing needs attention.';
}

function restoreFocus(focusId: string | null): void {
  if (!focusId) return;
  const candidates = document.querySelectorAll<HTMLElement>('[data-focus]');
  for (let i = 0; i < candidates.length; i += 1) {
    if (candidates[i].getAttribute('data-focus') === focusId) {
      candidates[i].focus();
      return;
    }
  }
  const heading = document.querySelector<HTMLElement>('#report h2, #report');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
