/**
 * The first screen on a spreadsheet with no contracts table: "Set up contracts sheet" or "Import
 * Upwork report", in one place, one line each on what it does.
 */
import type { App } from './app';
import { h } from './dom';
import { renderImport } from './view-import';
import { server } from './server';

/** `problem`: why there is no report (the server's sentence, e.g. no sheet with Client and Job columns). */
export function renderFirstRun(app: App, problem: string): HTMLElement {
  const setup = h('button', { type: 'button', class: 'primary', id: 'setup-sheet' }, 'Set up contracts sheet');
  const setupError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  setup.addEventListener('click', () => {
    setupError.hidden = true;
    void app.act(setup, async () => {
      await server.setupContractsSheet();
      return server.runAudit();
    }, (message) => {
      setupError.textContent = message;
      setupError.hidden = false;
    }).then((report) => {
      if (!report) return;
      app.showReport(report);
      app.messages.notice(`The “${report.sheetName}” sheet is ready: add one row per contract, then press Run audit.`);
    });
  });
  // With no contracts table, importing with addMissing starts the Contracts sheet from the file.
  const importPart = renderImport(app, { addAll: true });
  return h('section', { class: 'empty-state first-run', 'aria-labelledby': 'first-run-title' },
    h('h2', { id: 'first-run-title' }, 'Start with your contracts'),
    problem ? h('p', { class: 'last-error', role: 'alert', tabindex: -1 }, problem) : null,
    h('div', { class: 'first-run-option' },
      h('h3', null, 'Set up contracts sheet'),
      h('p', null, 'Adds a “Contracts” sheet with the columns the audit reads; you type one row per contract.'),
      setup, setupError),
    h('div', { class: 'first-run-option' },
      h('h3', null, 'Import Upwork report'),
      h('p', null, 'Creates that sheet from the CSV Upwork gives you: one row per contract, with its last payment.'),
      importPart));
}
