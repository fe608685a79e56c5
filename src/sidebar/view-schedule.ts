/** The automatic audit: its status (next run, last run, last error) and the form to change it. */
import type { Schedule, ScheduleInput } from '../core/types';
import type { App } from './app';
import { h } from './dom';
import { fieldOfError } from './errors';
import { field, selectInput, type Field } from './fields';
import { formatDateTime } from './format';
import { describeSchedule, WEEKDAYS } from '../core/schedule';
import { server } from './server';


function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The always-visible automation status. */
export function renderScheduleStatus(schedule: Schedule | null): HTMLElement {
  if (!schedule) return h('section', { class: 'automation', 'aria-label': 'Automatic audit' });
  const lines: HTMLElement[] = [];
  if (schedule.enabled) {
    lines.push(h('p', null, h('strong', null, 'Automatic audit: '), `${describeSchedule(schedule)}.`));
    if (schedule.nextRun) lines.push(h('p', { class: 'subtle' }, `Next run: ${formatDateTime(schedule.nextRun)}`));
  } else {
    lines.push(h('p', null, h('strong', null, 'Automatic audit: '), 'off. Turn it on in Settings.'));
  }
  if (schedule.lastRun) lines.push(h('p', { class: 'subtle' }, `Last run: ${formatDateTime(schedule.lastRun)}`));
  if (schedule.lastError) {
    lines.push(h('p', { class: 'last-error' }, h('strong', null, 'Last automatic run failed: '), schedule.lastError));
  }
  return h('section', { class: 'automation', 'aria-label': 'Automatic audit' }, ...lines);
}

/** The schedule form: frequency, day, hour; Turn on / Save schedule and Turn off. */
export function renderScheduleForm(app: App, schedule: Schedule): HTMLElement {
  const frequency = field('frequency', 'How often', selectInput([['monthly', 'Monthly'], ['weekly', 'Weekly']], schedule.frequency));
  const days: [string, string][] = [];
  for (let d = 1; d <= 28; d += 1) days.push([String(d), `Day ${d}`]);
  const dayOfMonth = field('dayOfMonth', 'Day of the month', selectInput(days, String(schedule.dayOfMonth || 1)));
  const weekday = field('weekday', 'Day of the week',
    selectInput(WEEKDAYS.map((w) => [w, w.charAt(0) + w.slice(1).toLowerCase()] as [string, string]), schedule.weekday || 'MONDAY'));
  const hours: [string, string][] = [];
  for (let hr = 0; hr < 24; hr += 1) hours.push([String(hr), hourLabel(hr)]);
  const hour = field('hour', 'Around (your sheet’s time zone)', selectInput(hours, String(schedule.hour)));
  const all: Field[] = [frequency, dayOfMonth, weekday, hour];
  const sync = () => {
    const weekly = frequency.input.value === 'weekly';
    weekday.element.hidden = !weekly;
    dayOfMonth.element.hidden = weekly;
  };
  frequency.input.addEventListener('change', sync);
  sync();
  const formError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const showError = (message: string) => {
    const name = fieldOfError(message, all.map((f) => f.name));
    const target = all.filter((f) => f.name === name)[0];
    if (target) {
      target.setError(message);
      target.input.focus();
    } else {
      formError.textContent = message;
      formError.hidden = false;
    }
  };
  const clearErrors = () => {
    for (const f of all) f.setError('');
    formError.hidden = true;
  };
  const enable = h('button', { type: 'submit', class: 'primary' }, schedule.enabled ? 'Save schedule' : 'Turn on');
  const disable = h('button', { type: 'button' }, 'Turn off');
  disable.hidden = !schedule.enabled;
  disable.addEventListener('click', () => {
    clearErrors();
    void app.act(disable, () => server.disableSchedule(), showError).then((next) => {
      if (next) {
        app.showSchedule(next);
        app.messages.notice('The automatic audit is off.');
      }
    });
  });
  const form = h('form', { class: 'schedule-form', novalidate: true, 'aria-label': 'Automatic audit schedule' },
    h('fieldset', null, h('legend', null, 'Schedule'), ...all.map((f) => f.element)),
    formError, h('div', { class: 'actions' }, enable, disable));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const input: ScheduleInput = {
      frequency: frequency.input.value as 'monthly' | 'weekly',
      dayOfMonth: Number(dayOfMonth.input.value), weekday: weekday.input.value, hour: Number(hour.input.value),
    };
    void app.act(enable, () => server.enableSchedule(input), showError).then((next) => {
      if (next) {
        app.showSchedule(next);
        app.messages.notice(`Automatic audit on: ${describeSchedule(next)}.`);
      }
    });
  });
  return form;
}
