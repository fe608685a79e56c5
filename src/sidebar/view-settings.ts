/** The Settings form: thresholds, sheet, sender, templates with their placeholders, automation options. */
import { normalizeName } from '../core/normalize';
import { STANDARD_PLACEHOLDERS } from '../core/templates';
import type { Settings, Stage } from '../core/types';
import type { SettingsInput } from './api';
import type { App } from './app';
import { h } from './dom';
import { fieldOfError } from './errors';
import { checkbox, field, numberInput, readNumber, textInput, type Field } from './fields';
import { server } from './server';
import { RANGES } from '../core/settings';

const STAGES: [Stage, string][] = [['first', 'First follow-up'], ['second', 'Second follow-up'], ['final', 'Final follow-up']];

/** The settings form for `settings`; Save validates on the server and shows errors next to fields. */
export function renderSettingsForm(app: App, settings: Settings): HTMLElement {
  const numbers: [keyof typeof RANGES, string][] = [
    ['quietDays', 'Quiet after (days idle)'],
    ['dormantDays', 'Dormant after (days idle)'],
    ['followUpEveryDays', 'Follow up every (days)'],
    ['maxFollowUps', 'Follow-ups before closing'],
    ['closeAfterDays', 'Close after the last follow-up (days)'],
  ];
  const fields: Field[] = numbers.map(([name, label]) =>
    field(name, label, numberInput(settings[name], RANGES[name].min, RANGES[name].max)));
  const sheetName = field('sheetName', 'Contracts sheet', textInput(settings.sheetName), 'Blank: the sheet with Client and Job columns.');
  const senderName = field('senderName', 'Your name (signs messages)', textInput(settings.senderName));
  const autoDraft = field('autoDraft', 'Draft due follow-ups on each automatic audit', checkbox(settings.autoDraft));
  const digestEmail = field('digestEmail', 'Email me a digest when something needs attention', checkbox(settings.digestEmail));
  let lastTemplateInput: HTMLInputElement | HTMLTextAreaElement | null = null;
  const templateFields: { stage: Stage; subject: Field; body: Field }[] = STAGES.map(([stage]) => {
    const subject = field(`templates.${stage}.subject`, 'Subject', textInput(settings.templates[stage].subject));
    const bodyInput = h('textarea', { rows: 6 });
    bodyInput.value = settings.templates[stage].body;
    const body = field(`templates.${stage}.body`, 'Message', bodyInput);
    for (const f of [subject, body]) {
      f.input.addEventListener('focus', () => { lastTemplateInput = f.input as HTMLInputElement | HTMLTextAreaElement; });
    }
    return { stage, subject, body };
  });
  const all: Field[] = [...fields, sheetName, senderName, autoDraft, digestEmail,
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
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save settings');
  const form = h('form', { class: 'settings-form', novalidate: true, 'aria-label': 'Settings' },
    h('fieldset', null, h('legend', null, 'When a job needs attention'), ...fields.map((f) => f.element)),
    h('fieldset', null, h('legend', null, 'Messages'), senderName.element,
      h('p', { class: 'hint' }, 'Placeholders (click to insert in the field you last edited):'),
      h('div', { class: 'chips' }, ...placeholderButtons),
      ...templateFields.map((t) => h('details', { class: 'template' },
        h('summary', null, STAGES.filter(([s]) => s === t.stage)[0][1]), t.subject.element, t.body.element))),
    h('fieldset', null, h('legend', null, 'Automatic audit'), autoDraft.element, digestEmail.element),
    h('fieldset', null, h('legend', null, 'Sheet'), sheetName.element),
    formError, save);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const f of all) f.setError('');
    formError.hidden = true;
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
    void app.act(save, () => server.saveSettings(payload), (message) => {
      const target = matchField(message, all);
      if (target) {
        target.setError(message);
        revealAndFocus(target.input);
      } else {
        formError.textContent = message;
        formError.hidden = false;
      }
    }).then((saved) => {
      if (saved) {
        app.showSettings(saved);
        app.messages.notice('Settings saved. Run an audit to apply them to the sheet.');
      }
    });
  });
  return form;
}

/** The field a validation message names: "the final follow-up's body", or a setting name like "quietDays". */
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

/** Opens any closed <details> around `input` and focuses it. */
function revealAndFocus(input: HTMLElement): void {
  for (let node: HTMLElement | null = input.parentElement; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement) node.open = true;
  }
  input.focus();
}

