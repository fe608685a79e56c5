import { DEFAULT_SETTINGS, mergeSettings, readStoredSettings, serializeSettings } from '../../src/core/settings';
import { DEFAULT_TEMPLATES } from '../../src/core/templates';
import type { Settings } from '../../src/core/types';

const HEADERS = ['Client', 'Job', 'Status', 'Last activity', 'Notes'];

function merge(partial: unknown, current: Settings = DEFAULT_SETTINGS): Settings {
  return mergeSettings(current, partial, HEADERS);
}

describe('DEFAULT_SETTINGS', () => {
  it('are the defaults the README lists', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      sheetName: '', quietDays: 14, dormantDays: 30, followUpEveryDays: 7, maxFollowUps: 3,
      closeAfterDays: 7, senderName: '', autoDraft: false, digestEmail: true, templates: DEFAULT_TEMPLATES,
    });
  });
  it('cannot be changed by accident', () => {
    try { (DEFAULT_SETTINGS as Settings).quietDays = 3; } catch { /* strict mode refuses loudly */ }
    try { (DEFAULT_SETTINGS as Settings).templates.first.subject = 'x'; } catch { /* idem */ }
    expect(DEFAULT_SETTINGS.quietDays).toBe(14);
    expect(DEFAULT_SETTINGS.templates.first.subject).toBe('Checking in on {{job}}');
  });
});

describe('mergeSettings', () => {
  it('changes only the fields given and returns the full settings', () => {
    const next = merge({ quietDays: 10, senderName: '  Dana Smith ', autoDraft: true });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, quietDays: 10, senderName: 'Dana Smith', autoDraft: true });
  });
  it('does not change the current settings', () => {
    const current = merge({});
    merge({ quietDays: 5, templates: { first: { subject: 'Hello' } } }, current);
    expect(current).toEqual(DEFAULT_SETTINGS);
  });
  it('accepts whole-number text from a form', () => {
    expect(merge({ dormantDays: '45', closeAfterDays: ' 0 ' })).toMatchObject({ dormantDays: 45, closeAfterDays: 0 });
  });
  it.each([
    [{ quietDays: 0 }, 'quietDays: Quiet after (days idle) must be a whole number from 1 to 29.'],
    [{ quietDays: 30 }, 'quietDays: Quiet after (days idle) must be a whole number from 1 to 29.'],
    [{ quietDays: 2.5 }, 'quietDays: Quiet after (days idle) must be a whole number from 1 to 29.'],
    [{ quietDays: 'abc' }, 'quietDays: Quiet after (days idle) must be a whole number'],
    [{ quietDays: Number.NaN }, 'quietDays: Quiet after (days idle) must be a whole number'],
    [{ quietDays: '' }, 'quietDays: Quiet after (days idle) must be a whole number'],
    [{ quietDays: null }, 'quietDays: Quiet after (days idle) must be a whole number'],
    [{ dormantDays: 366 }, 'dormantDays: Dormant after (days idle) must be a whole number from 15 to 365.'],
    [{ dormantDays: 14 }, 'dormantDays: Dormant after (days idle) must be a whole number from 15 to 365.'],
    [{ quietDays: 50, dormantDays: 40 }, 'quietDays: Quiet after (days idle) must be a whole number from 1 to 39.'],
    [{ followUpEveryDays: 61 }, 'followUpEveryDays: Follow up every (days) must be a whole number from 1 to 60.'],
    [{ followUpEveryDays: 0 }, 'followUpEveryDays: Follow up every (days) must be a whole number from 1 to 60.'],
    [{ maxFollowUps: 6 }, 'maxFollowUps: Follow-ups before closing must be a whole number from 1 to 5.'],
    [{ maxFollowUps: 0 }, 'maxFollowUps: Follow-ups before closing must be a whole number from 1 to 5.'],
    [{ closeAfterDays: -1 }, 'closeAfterDays: Close after the last follow-up (days) must be a whole number from 0 to 60.'],
    [{ closeAfterDays: 61 }, 'closeAfterDays: Close after the last follow-up (days) must be a whole number from 0 to 60.'],
    [{ autoDraft: 'yes' }, 'autoDraft: Draft due follow-ups on each automatic audit must be on or off (true or false).'],
    [{ digestEmail: 1 }, 'digestEmail: Email me a digest must be on or off (true or false).'],
    [{ senderName: 42 }, 'senderName: Your name must be text of at most 100 characters.'],
    [{ sheetName: 'x'.repeat(101) }, 'sheetName: Contracts sheet must be text of at most 100 characters.'],
    [{ colour: 'red' }, 'Unknown setting "colour". Settings are: sheetName,'],
  ])('refuses %j', (partial, message) => {
    expect(() => merge(partial)).toThrow(message);
  });
  it('accepts the ends of the ranges', () => {
    expect(merge({ quietDays: 364, dormantDays: 365, followUpEveryDays: 60, maxFollowUps: 5, closeAfterDays: 60 }))
      .toMatchObject({ quietDays: 364, dormantDays: 365, followUpEveryDays: 60, maxFollowUps: 5, closeAfterDays: 60 });
    expect(merge({ quietDays: 1, dormantDays: 2, followUpEveryDays: 1, maxFollowUps: 1, closeAfterDays: 0 }))
      .toMatchObject({ quietDays: 1, dormantDays: 2, followUpEveryDays: 1, maxFollowUps: 1, closeAfterDays: 0 });
  });
  it('names every invalid field at once, one line each, and stores nothing', () => {
    let message = '';
    try {
      merge({ quietDays: 0, maxFollowUps: 9, senderName: 7, templates: { first: { subject: '' }, final: { body: 'Hi {{clinet}}' } } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'senderName: Your name must be text of at most 100 characters.',
      'quietDays: Quiet after (days idle) must be a whole number from 1 to 29.',
      'maxFollowUps: Follow-ups before closing must be a whole number from 1 to 5.',
      "templates.first.subject: The first follow-up's subject is empty. Write a subject for it.",
      "templates.final.body: Unknown placeholder {{clinet}} in the final follow-up's body. Did you mean {{client}}?",
    ]);
  });
  it('refuses unbalanced braces, which would reach the client as typed', () => {
    expect(() => merge({ templates: { first: { body: 'Hi {{client},' } } }))
      .toThrow('templates.first.body: Unbalanced braces "{{client}" in the first follow-up\'s body');
    expect(() => merge({ templates: { second: { subject: 'About {job}}' } } })).toThrow(/templates.second.subject: Unbalanced braces/);
    expect(merge({ templates: { first: { body: 'Hi {{contact}}, about {{job}}' } } }).templates.first.body).toBe('Hi {{contact}}, about {{job}}');
  });
  it('checks quietDays against a dormantDays changed in the same update', () => {
    expect(merge({ quietDays: 40, dormantDays: 60 })).toMatchObject({ quietDays: 40, dormantDays: 60 });
  });
  it('refuses anything that is not an object of fields', () => {
    expect(() => merge(null)).toThrow(/fields to change/);
    expect(() => merge([1])).toThrow(/fields to change/);
    expect(() => merge('quietDays=3')).toThrow(/fields to change/);
  });
  it('ignores fields given as undefined', () => {
    expect(merge({ quietDays: undefined })).toEqual(DEFAULT_SETTINGS);
  });

  describe('templates', () => {
    it('merges one field of one stage', () => {
      const next = merge({ templates: { first: { subject: 'Quick question about {{job}}' } } });
      expect(next.templates.first).toEqual({ subject: 'Quick question about {{job}}', body: DEFAULT_TEMPLATES.first.body });
      expect(next.templates.second).toEqual(DEFAULT_TEMPLATES.second);
    });
    it('allows a header of the table as placeholder', () => {
      expect(merge({ templates: { second: { body: 'Hi {{client}}, about {{ notes }}' } } }).templates.second.body)
        .toBe('Hi {{client}}, about {{ notes }}');
    });
    it('refuses an unknown placeholder, naming stage and field', () => {
      expect(() => merge({ templates: { final: { body: 'Hi {{budget}}' } } }))
        .toThrow(/Unknown placeholder \{\{budget\}\} in the final follow-up's body/);
    });
    it('refuses an emptied subject', () => {
      expect(() => merge({ templates: { second: { subject: ' ' } } })).toThrow("The second follow-up's subject is empty");
    });
    it('refuses unknown stages, unknown fields and non-text', () => {
      expect(() => merge({ templates: { fourth: { body: 'x' } } })).toThrow('Unknown template "fourth". Templates are: first, second, final.');
      expect(() => merge({ templates: { first: { footer: 'x' } } })).toThrow('Unknown template field "footer"');
      expect(() => merge({ templates: { first: { body: 7 } } })).toThrow("The first follow-up's body must be text.");
      expect(() => merge({ templates: 'x' })).toThrow(/templates must be given per stage/);
    });
    it('refuses a body over 2,500 characters with a clear message', () => {
      const body = `Hi {{client}}\n${'a'.repeat(2600)}`;
      expect(() => merge({ templates: { first: { body } } }))
        .toThrow(/The first follow-up's body is 2614 characters long; keep it to 2500 or fewer/);
      expect(merge({ templates: { first: { body: 'b'.repeat(2500) } } }).templates.first.body).toHaveLength(2500);
    });
    it('refuses templates that together would not fit one stored value', () => {
      const wide = '株'.repeat(2000); // 3 bytes each in UTF-8
      expect(() => merge({ templates: { first: { body: wide }, second: { body: wide } } }))
        .toThrow(/too long to save together/);
    });
    it('the largest accepted settings fit one 9 KB property value', () => {
      const body = 'x'.repeat(2500);
      const next = merge({ senderName: 'n'.repeat(100), sheetName: 's'.repeat(100), templates: {
        first: { body, subject: 'y'.repeat(200) }, second: { body, subject: 'y'.repeat(200) }, final: { body, subject: 'y'.repeat(200) },
      } });
      expect(Buffer.byteLength(serializeSettings(next), 'utf8')).toBeLessThanOrEqual(9 * 1024);
    });
    it('does not re-check saved templates when other fields change', () => {
      const current = { ...DEFAULT_SETTINGS, templates: { ...DEFAULT_TEMPLATES, first: { subject: 's', body: '{{Old column}}' } } };
      expect(mergeSettings(current, { quietDays: 10 }, HEADERS).quietDays).toBe(10);
    });
  });
});

describe('readStoredSettings', () => {
  it('nothing stored: the defaults, no problem', () => {
    expect(readStoredSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
    expect(readStoredSettings('')).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });
  it('reads back what was saved', () => {
    const saved = merge({ quietDays: 21, dormantDays: 45, senderName: 'Dana', digestEmail: false,
      templates: { final: { subject: 'Closing {{job}}' } } });
    expect(readStoredSettings(serializeSettings(saved))).toEqual({ settings: saved, problem: null });
  });
  it('fills fields missing from older saves with defaults, silently', () => {
    expect(readStoredSettings('{"quietDays":10}')).toEqual({ settings: { ...DEFAULT_SETTINGS, quietDays: 10 }, problem: null });
  });
  it('unreadable text: all defaults and a sentence saying settings were reset', () => {
    for (const stored of ['{not json', '[1,2]', '"text"', 'null', '42']) {
      const { settings, problem } = readStoredSettings(stored);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problem).toBe('The saved settings could not be read, so all settings were reset to their defaults.');
    }
  });
  it('damaged fields take their default, the rest are kept, and the problem names them', () => {
    const { settings, problem } = readStoredSettings(JSON.stringify({
      quietDays: 'lots', maxFollowUps: 9, senderName: 'Dana', autoDraft: 'yes', followUpEveryDays: 10,
      templates: { second: { subject: 42, body: 'Hi {{client}}' } },
    }));
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS, senderName: 'Dana', followUpEveryDays: 10,
      templates: { ...DEFAULT_TEMPLATES, second: { subject: DEFAULT_TEMPLATES.second.subject, body: 'Hi {{client}}' } },
    });
    expect(problem).toBe('Some saved settings were damaged and were reset to their defaults: '
      + 'autoDraft, quietDays, maxFollowUps, templates.second.subject.');
  });
  it('quietDays not below dormantDays: both reset', () => {
    const { settings, problem } = readStoredSettings('{"quietDays":40,"dormantDays":35}');
    expect(settings).toMatchObject({ quietDays: 14, dormantDays: 30 });
    expect(problem).toMatch(/reset to their defaults: quietDays, dormantDays\.$/);
  });
  it('returns a copy: changing it does not change the defaults', () => {
    const { settings } = readStoredSettings(null);
    settings.templates.first.subject = 'changed';
    expect(DEFAULT_SETTINGS.templates.first.subject).toBe(DEFAULT_TEMPLATES.first.subject);
    expect(DEFAULT_TEMPLATES.first.subject).not.toBe('changed');
  });
});
