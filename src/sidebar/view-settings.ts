/**
 * The Settings form: thresholds, sheet, sender, templates with their placeholders, the automatic
 * audit and its options. One Save for everything: saveSettings, then the schedule when it changed.
 */
import { normalizeName } from '../core/normalize';
import { SETTING_LABELS } from '../core/settings';
import { DEFAULT_TEMPLATES, STANDARD_PLACEHOLDERS } from '../core/templates';
import type { Schedule, Settings, Stage } from '../core/types';
import type { SettingsInput } from './api';
import type { App } from './app';
import { h } from './dom';
import { fieldOfError, parseFieldErrors } from './errors';
import { checkbox, field, numberInput, readNumber, textInput, type Field } from './fields';
import { notAllowedSentence } from './view-permissions';
import { scheduleFields, scheduleText } from './view-schedule';
import { server } from './server';
import { RANGES } from '../core/settings';

const STAGES: [Stage, string][] = [['first', 'First follow-up'], ['second', 'Second follow-up'], ['final', 'Final follow-up']];

/** Shown next to Save by the form rendered after a save (the save re-renders the form). */
let afterSave = '';

const DEFAULT_SCHEDULE: Schedule = {
  enabled: false, frequency: 'monthly', dayOfMonth: 1, weekday: 'MONDAY', hour: 9, nextRun: null, lastRun: null, lastError: null,
};

/** The settings form for `settings`; Save validates on the server and shows every error next to its field. */
export function renderSettingsForm(app: App, settings: Settings): HTMLElement {
  const numbers: (keyof typeof RANGES)[] = ['quietDays', 'dormantDays', 'followUpEveryDays', 'maxFollowUps', 'closeAfterDays'];
  const fields: Field[] = numbers.map((name) =>
    field(name, SETTING_LABELS[name], numberInput(settings[name], RANGES[name].min, RANGES[name].max)));
  const sheetName = field('sheetName', SETTING_LABELS.sheetName, textInput(settings.sheetName), 'Blank: the sheet with Client and Job columns.');
  const senderName = field('senderName', 'Your name (signs messages)', textInput(settings.senderName),
    settings.senderName ? undefined : 'Empty: you are asked for it before your first message.');
  const permissions = app.permissions;
  const digestOff = permissions && !permissions.digest ? notAllowedSentence('digest') : '';
  const scheduleOff = permissions && !permissions.schedule ? notAllowedSentence('schedule') : '';
  const draftsOff = permissions && !permissions.drafts;
  const autoDraft = field('autoDraft', 'Draft due follow-ups on each automatic audit', checkbox(settings.autoDraft),
    draftsOff ? 'Gmail drafts are off, so nothing is drafted (see the note at the top).' : undefined);
  const digestEmail = field('digestEmail', 'Email me a digest when something needs attention', checkbox(settings.digestEmail), digestOff || undefined);
  const schedule = scheduleFields(app.schedule || DEFAULT_SCHEDULE, scheduleOff || undefined);
  let lastTemplateInput: HTMLInputElement | HTMLTextAreaElement | null = null;
  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const templateFields = STAGES.map(([stage, title]) => {
    const subject = field(`templates.${stage}.subject`, 'Subject', textInput(settings.templates[stage].subject));
    const bodyInput = h('textarea', { rows: 6 });
    bodyInput.value = settings.templates[stage].body;
    const body = field(`templates.${stage}.body`, 'Message', bodyInput);
    for (const f of [subject, body]) {
      f.input.addEventListener('focus', () => { lastTemplateInput = f.input as HTMLInputElement | HTMLTextAreaElement; });
    }
    const reset = h('button', { type: 'button', class: 'quiet-button reset-template', 'aria-label': `Reset the ${title.toLowerCase()} to default` },
      'Reset to default');
    reset.addEventListener('click', () => {
      subject.input.value = DEFAULT_TEMPLATES[stage].subject;
      body.input.value = DEFAULT_TEMPLATES[stage].body;
      subject.setError('');
      body.setError('');
      status.textContent = `The ${title.toLowerCase()} is back to the default text. Save settings to keep it.`;
    });
    const details = h('details', { class: 'template', 'data-stage': stage },
      h('summary', null, title), subject.element, body.element, h('div', { class: 'actions' }, reset));
    return { stage, subject, body, details };
  });
  const all: Field[] = [...fields, sheetName, senderName, autoDraft, digestEmail, ...schedule.fields,
    ...templateFields.reduce<Field[]>((list, t) => list.concat([t.subject, t.body]), [])];
  const formError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const placeholders = uniquePlaceholders(app.placeholders.length ? app.placeholders : STANDARD_PLACEHOLDERS);
  const placeholderButtons = placeholders.map((name) => {
    const token = `{{${name}}}`;
    return h('button', { type: 'button', class: 'chip', 'aria-label': `Insert placeholder ${token}`, onclick: () => {
      const target = lastTemplateInput || templateFields[0].body.input as HTMLTextAreaElement;
      revealAndFocus(target);
      const start = target.selectionStart === null ? target.value.length : target.selectionStart;
      const end = target.selectionEnd === null ? start : target.selectionEnd;
      target.value = target.value.slice(0, start) + token + target.value.slice(end);
      target.focus();
      target.setSelectionRange(start + token.length, start + token.length);
    } }, token);
  });
  const save = h('button', { type: 'submit', class: 'primary', id: 'save-settings' }, 'Save settings');
  if (afterSave) {
    status.textContent = afterSave;
    afterSave = '';
  }
  const form = h('form', { class: 'settings-form', novalidate: true, 'aria-label': 'Settings' },
    h('fieldset', null, h('legend', null, 'When a job needs attention'), ...fields.map((f) => f.element)),
    h('fieldset', null, h('legend', null, 'Messages'), senderName.element,
      h('p', { class: 'hint' }, 'Placeholders (click to insert in the field you last edited):'),
      h('div', { class: 'chips' }, ...placeholderButtons),
      ...templateFields.map((t) => t.details)),
    h('fieldset', { class: 'schedule-fields' }, h('legend', null, 'Automatic audit'), ...schedule.elements,
      autoDraft.element, digestEmail.element),
    h('fieldset', null, h('legend', null, 'Sheet'), sheetName.element),
    formError, h('div', { class: 'save-row' }, save, status));

  const showErrors = (message: string) => {
    const invalid: Field[] = [];
    const loose: string[] = [];
    for (const line of parseFieldErrors(message)) {
      const target = line.field ? all.filter((f) => f.name === line.field)[0] || matchField(line.message, all) : matchField(line.message, all);
      if (target && invalid.indexOf(target) === -1) {
        target.setError(line.message);
        invalid.push(target);
      } else {
        loose.push(line.message);
      }
    }
    if (loose.length) {
      formError.textContent = loose.join(' ');
      formError.hidden = false;
    }
    if (invalid.length) {
      for (const f of invalid) revealAndFocus(f.input, false);
      invalid[0].input.focus();
      status.textContent = invalid.length === 1 ? 'One setting needs fixing; nothing was saved.'
        : `${invalid.length} settings need fixing; nothing was saved.`;
    } else {
      status.textContent = 'Nothing was saved.';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const f of all) f.setError('');
    formError.hidden = true;
    status.textContent = '';
    const input: SettingsInput = {
      quietDays: readNumber(fields[0].input), dormantDays: readNumber(fields[1].input),
      followUpEveryDays: readNumber(fields[2].input), maxFollowUps: readNumber(fields[3].input),
      closeAfterDays: readNumber(fields[4].input),
      sheetName: sheetName.input.value.trim(), senderName: senderName.input.value.trim(),
      autoDraft: (autoDraft.input as HTMLInputElement).checked, digestEmail: (digestEmail.input as HTMLInputElement).checked,
      templates: {},
    };
    for (const t of templateFields) {
      input.templates![t.stage] = { subject: t.subject.input.value, body: t.body.input.value };
    }
    // JSON cannot carry NaN: send null so the server names the field that is not a number.
    const payload = JSON.parse(JSON.stringify(input)) as SettingsInput;
    const scheduleChanged = schedule.changed();
    const choice = schedule.read();
    let savedSettings: Settings | null = null;
    void app.act(save, async () => {
      savedSettings = await server.saveSettings(payload);
      if (!scheduleChanged) return { settings: savedSettings, schedule: null as Schedule | null };
      const next = choice.enabled ? await server.enableSchedule(choice.input) : await server.disableSchedule();
      return { settings: savedSettings, schedule: next };
    }, (message) => {
      if (savedSettings) {
        // The settings were stored; only the schedule was refused.
        app.settings = savedSettings;
        showErrors(message);
        status.textContent = 'Settings saved, but the automatic audit was not changed.';
      } else {
        showErrors(message);
      }
    }).then((saved) => {
      if (!saved) return;
      const parts = ['Settings saved.'];
      if (saved.schedule) {
        parts.push(saved.schedule.enabled ? `Automatic audit: ${scheduleText(saved.schedule)}.` : 'The automatic audit is off.');
      }
      parts.push('Run audit applies them to the sheet.');
      afterSave = parts.join(' ');
      if (saved.schedule) app.showSchedule(saved.schedule);
      app.showSettings(saved.settings);
      const next = document.getElementById('save-settings');
      if (next) next.focus();
    });
  });
  return form;
}

/** The field a validation message names when it has no `field:` prefix: a template, or a setting name. */
function matchField(message: string, all: Field[]): Field | null {
  const template = /\b(first|second|final) follow-up'?s? (subject|body)\b/i.exec(message);
  if (template) {
    const name = `templates.${template[1].toLowerCase()}.${template[2].toLowerCase()}`;
    return all.filter((f) => f.name === name)[0] || null;
  }
  const name = fieldOfError(message.replace(/\{\{[^}]*\}\}/g, ''), all.map((f) => f.name));
  return name ? all.filter((f) => f.name === name)[0] || null : null;
}

/** Placeholders without repeats, compared as the server compares them: `Client` (a header) and `client` are one. */
function uniquePlaceholders(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = normalizeName(name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Opens any closed <details> around `input` and (unless told not to) focuses it. */
function revealAndFocus(input: HTMLElement, focus = true): void {
  for (let node: HTMLElement | null = input.parentElement; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement) node.open = true;
  }
  if (focus) input.focus();
}
