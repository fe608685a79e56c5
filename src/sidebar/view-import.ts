/**
 * "Import Upwork report": pick the CSV Upwork gives you, read it in the browser, send its text to
 * `importUpworkReport`, and show what matched, what changed and what is not in the sheet yet, with
 * a button that adds those contracts.
 */
import type { ImportResult, UnmatchedContract } from '../core/types';
import type { App } from './app';
import { h, replaceChildren, uid } from './dom';
import { formatDay, plural } from './format';
import { server } from './server';

/** The largest file the sidebar reads (README "Upwork reports"). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const FORMAT_NAMES: Record<ImportResult['format'], string> = {
  'weekly-summary': 'Weekly summary',
  'transaction-history': 'Transaction history',
};

/** Why the browser refuses a picked file before reading it, or '' when it may be read. */
export function refuseFile(file: { name: string; size: number }): string {
  if (file.size === 0) return `${file.name} is empty. Pick the CSV file you downloaded from Upwork.`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `${file.name} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; the sidebar reads Upwork reports of up to 5 MB. `
      + 'Download a shorter date range from Upwork and import each part.';
  }
  return '';
}

/**
 * Unmatched contracts the server adds with `addMissing`: those with a title found in no row
 * ("no row with this contract"), never one matching several rows or only closed ones.
 */
export function addable(unmatched: readonly UnmatchedContract[]): UnmatchedContract[] {
  return unmatched.filter((u) => u.title.trim() !== '' && /^no row\b/i.test(u.reason));
}

export interface ImportOptionsUi {
  /** Import with addMissing from the start (first run: there is no sheet yet, every contract is new). */
  addAll?: boolean;
}

/** The import form and, after an import, its summary. */
export function renderImport(app: App, options: ImportOptionsUi = {}): HTMLElement {
  const inputId = uid('upwork-file');
  const errorId = `${inputId}-error`;
  const input = h('input', { type: 'file', id: inputId, accept: '.csv,text/csv', 'aria-describedby': `${inputId}-hint` });
  const error = h('p', { class: 'field-error import-error', id: errorId, role: 'alert', hidden: true });
  const importButton = h('button', { type: 'submit', class: 'primary' }, 'Import');
  const summary = h('div', { class: 'import-summary', 'aria-live': 'polite' });
  const showError = (message: string) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${inputId}-hint ${errorId}`);
    } else {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `${inputId}-hint`);
    }
  };
  const form = h('form', { class: 'import-form', novalidate: true, 'aria-label': 'Import Upwork report' },
    h('label', { for: inputId }, 'Upwork report (.csv)'),
    input,
    h('p', { class: 'hint', id: `${inputId}-hint` },
      'A Weekly summary or Transaction history downloaded as CSV from Upwork’s Reports. '
      + 'Each contract’s latest payment goes into the Last payment column.'),
    error, h('div', { class: 'actions' }, importButton));
  input.addEventListener('change', () => {
    showError('');
    const file = input.files && input.files[0];
    if (file) showError(refuseFile(file));
  });

  let text = '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showError('');
    const file = input.files && input.files[0];
    if (!file) {
      showError('Choose the CSV file you downloaded from Upwork first.');
      input.focus();
      return;
    }
    const refused = refuseFile(file);
    if (refused) {
      showError(refused);
      input.focus();
      return;
    }
    void app.act(importButton, async () => {
      text = await readText(file);
      if (!text.trim()) throw new Error(`${file.name} is empty. Pick the CSV file you downloaded from Upwork.`);
      return options.addAll ? server.importUpworkReport(text, { addMissing: true }) : server.importUpworkReport(text);
    }, (message) => {
      showError(message);
      input.focus();
    }).then((result) => {
      if (!result) return;
      showSummary(result, file.name);
      // The summary next to the picker says what happened: the report's own notice would say it twice
      // (unless the picker is gone, as on the first run, where the new report replaces it).
      app.showReport({ ...result.report, notice: '' });
      if (!summary.isConnected && result.report.notice) app.messages.notice(result.report.notice);
    });
  });

  function showSummary(result: ImportResult, fileName: string): void {
    const missing = addable(result.unmatched);
    const lines = [
      h('p', null, h('strong', null, `${FORMAT_NAMES[result.format] || 'Upwork report'}: `), fileName),
      h('ul', { class: 'import-counts' },
        h('li', null, `${plural(result.contracts, 'contract')} in the file`),
        h('li', null, `${result.matched} matched in your sheet`),
        h('li', null, `${plural(result.updated, 'row')} with a newer Last payment`),
        result.added ? h('li', null, `${plural(result.added, 'contract')} added to the sheet`) : null,
        result.skippedLines ? h('li', null, `${plural(result.skippedLines, 'line')} skipped (fees, withdrawals, or not readable)`) : null),
    ];
    let unmatchedList: HTMLElement | null = null;
    if (result.unmatched.length) {
      unmatchedList = h('div', { class: 'unmatched' },
        h('p', null, h('strong', null, `Not in your sheet (${result.unmatched.length}):`)),
        h('ul', null, ...result.unmatched.slice(0, 50).map((u) => h('li', null,
          h('span', { class: 'unmatched-title' }, u.title || `Contract ${u.contractId}`),
          u.client ? ` · ${u.client}` : '',
          u.lastPayment ? ` · last paid ${formatDay(u.lastPayment)}` : '',
          h('span', { class: 'subtle' }, ` (${u.reason})`))),
        result.unmatched.length > 50 ? h('li', null, `…and ${result.unmatched.length - 50} more.`) : null));
    }
    let add: HTMLButtonElement | null = null;
    if (missing.length) {
      add = h('button', { type: 'button', class: 'primary add-missing' }, `Add ${plural(missing.length, 'contract')} to the sheet`);
      const addButton = add;
      add.addEventListener('click', () => {
        void app.act(addButton, () => server.importUpworkReport(text, { addMissing: true }), showError).then((next) => {
          if (!next) return;
          showSummary(next, fileName);
          app.showReport({ ...next.report, notice: '' });
          const done = summary.querySelector<HTMLElement>('.import-done');
          if (done) done.focus();
        });
      });
    }
    const done = h('p', { class: 'import-done', tabindex: '-1' },
      result.updated || result.added ? 'The sheet is updated and the audit below uses the new dates.' : 'Nothing in the sheet needed changing.');
    replaceChildren(summary, h('section', { class: 'import-result', 'aria-label': 'Import result' },
      ...lines, done, unmatchedList, add));
  }

  return h('div', { class: 'import' }, form, summary);
}

function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result || ''));
    reader.onerror = () => reject(new Error('The file could not be read. Pick it again.'));
    reader.readAsText(file);
  });
}
