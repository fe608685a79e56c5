/**
 * The automatic audit: its status (next run, last run, last error), and its fields inside the
 * Settings form (saved by the form's one Save button).
 */
import type { Schedule, ScheduleInput } from '../core/types';
import { h } from './dom';
import { checkbox, field, selectInput, type Field } from './fields';
import { formatDateTime } from './format';
import { WEEKDAYS } from '../core/schedule';
import { humanizeDates } from './messages';

/** An hour as the sidebar writes every hour: "9:00", "14:00". */
export function hourLabel(hour: number): string {
  return `${hour}:00`;
}

/** "Monthly on day 1 around 9:00" / "Weekly on Friday around 9:00". */
export function scheduleText(schedule: Pick<Schedule, 'frequency' | 'dayOfMonth' | 'weekday' | 'hour'>): string {
  const weekday = schedule.weekday || 'MONDAY';
  const when = schedule.frequency === 'weekly'
    ? `Weekly on ${weekday.charAt(0)}${weekday.slice(1).toLowerCase()}`
    : `Monthly on day ${schedule.dayOfMonth}`;
  return `${when} around ${hourLabel(schedule.hour)}`;
}

/** The always-visible automation status. `offReason` (permission declined) replaces "off" when given. */
export function renderScheduleStatus(schedule: Schedule | null, offReason?: string): HTMLElement {
  if (!schedule) return h('section', { class: 'automation', 'aria-label': 'Automatic audit' });
  const lines: HTMLElement[] = [];
  if (offReason) {
    lines.push(h('p', null, h('strong', null, 'Automatic audit: '), 'off.'));
  } else if (schedule.enabled) {
    lines.push(h('p', null, h('strong', null, 'Automatic audit: '), `${scheduleText(schedule)}.`));
    if (schedule.nextRun) lines.push(h('p', { class: 'subtle' }, `Next run: ${formatDateTime(schedule.nextRun)}`));
  } else {
    lines.push(h('p', null, h('strong', null, 'Automatic audit: '), 'off. Turn it on in Settings.'));
  }
  if (schedule.lastRun) lines.push(h('p', { class: 'subtle' }, `Last run: ${formatDateTime(schedule.lastRun)}`));
  if (schedule.lastError) {
    lines.push(h('p', { class: 'last-error' }, h('strong', null, 'Last automatic run failed: '), humanizeDates(schedule.lastError)));
  }
  return h('section', { class: 'automation', 'aria-label': 'Automatic audit' }, ...lines);
}

/** What the schedule fields ask for when the form is saved. */
export interface ScheduleChoice { enabled: boolean; input: ScheduleInput }

export interface ScheduleFields {
  /** On/off, then how often, which day and the hour. */
  fields: Field[];
  /** The fields' elements, in order, for the form's "Automatic audit" fieldset. */
  elements: HTMLElement[];
  read(): ScheduleChoice;
  /** Whether saving must call enableSchedule / disableSchedule (something differs from `schedule`). */
  changed(): boolean;
}

/**
 * The schedule's fields: "Run the audit automatically" (on/off: unticking it and saving turns the
 * automatic audit off), how often, the day and the hour. When the user's consent does not allow a
 * schedule (`offReason`), the on/off box is disabled and the reason shown under it.
 */
export function scheduleFields(schedule: Schedule, offReason?: string): ScheduleFields {
  const enabledBox = checkbox(schedule.enabled && !offReason);
  if (offReason) enabledBox.disabled = true;
  const enabled = field('enabled', 'Run the audit automatically', enabledBox, offReason || undefined);
  const frequency = field('frequency', 'How often', selectInput([['monthly', 'Monthly'], ['weekly', 'Weekly']], schedule.frequency));
  const days: [string, string][] = [];
  for (let d = 1; d <= 28; d += 1) days.push([String(d), `Day ${d}`]);
  const dayOfMonth = field('dayOfMonth', 'Day of the month', selectInput(days, String(schedule.dayOfMonth || 1)));
  const weekday = field('weekday', 'Day of the week',
    selectInput(WEEKDAYS.map((w) => [w, w.charAt(0) + w.slice(1).toLowerCase()] as [string, string]), schedule.weekday || 'MONDAY'));
  const hours: [string, string][] = [];
  for (let hr = 0; hr < 24; hr += 1) hours.push([String(hr), hourLabel(hr)]);
  const hour = field('hour', 'Around (your sheet’s time zone)', selectInput(hours, String(schedule.hour)));
  const details = [frequency, dayOfMonth, weekday, hour];
  const sync = () => {
    const on = enabledBox.checked;
    const weekly = frequency.input.value === 'weekly';
    frequency.element.hidden = !on;
    weekday.element.hidden = !on || !weekly;
    dayOfMonth.element.hidden = !on || weekly;
    hour.element.hidden = !on;
  };
  enabledBox.addEventListener('change', sync);
  frequency.input.addEventListener('change', sync);
  sync();
  const read = (): ScheduleChoice => ({
    enabled: enabledBox.checked,
    input: {
      frequency: frequency.input.value as 'monthly' | 'weekly',
      dayOfMonth: Number(dayOfMonth.input.value), weekday: weekday.input.value, hour: Number(hour.input.value),
    },
  });
  const changed = () => {
    if (offReason) return false;
    const choice = read();
    if (choice.enabled !== schedule.enabled) return true;
    if (!choice.enabled) return false;
    const i = choice.input;
    return i.frequency !== schedule.frequency || i.hour !== schedule.hour
      || (i.frequency === 'weekly' ? i.weekday !== schedule.weekday : i.dayOfMonth !== schedule.dayOfMonth);
  };
  return { fields: [enabled, ...details], elements: [enabled.element, ...details.map((f) => f.element)], read, changed };
}
