import {
  templateProblems, DEFAULT_TEMPLATES, STANDARD_PLACEHOLDERS, placeholdersIn, validateTemplates, renderMessage, MessageValues,
} from '../../src/core/templates';
import type { Templates } from '../../src/core/types';

const HEADERS = ['Client', 'Job title', 'Status', 'Last client activity', 'Contract URL', 'Start date', 'Notes'];

function values(overrides: Partial<MessageValues> = {}): MessageValues {
  return {
    client: 'Acme Co', job: 'Logo redesign', idleDays: 45, closeDate: 'December 5, 2026',
    senderName: 'Dana', row: { Client: 'Acme Co', 'Job title': 'Logo redesign', Notes: 'Paid invoice 3' },
    ...overrides,
  };
}

function withTemplate(stage: keyof Templates, field: 'subject' | 'body', text: string): Templates {
  return { ...DEFAULT_TEMPLATES, [stage]: { ...DEFAULT_TEMPLATES[stage], [field]: text } };
}

describe('placeholdersIn', () => {
  it('lists the names inside {{ }}, trimmed, in order', () => {
    expect(placeholdersIn('Hi {{ client }}, about {{job}} and {{Contract URL}}.')).toEqual(['client', 'job', 'Contract URL']);
  });
  it('finds none in plain text or single braces', () => {
    expect(placeholdersIn('Hi {client}, cost is {5}')).toEqual([]);
  });
});

describe('DEFAULT_TEMPLATES', () => {
  it('has a subject and a body for every stage, using only standard placeholders', () => {
    expect(() => validateTemplates(DEFAULT_TEMPLATES, [])).not.toThrow();
    for (const stage of ['first', 'second', 'final'] as const) {
      expect(DEFAULT_TEMPLATES[stage].subject.trim()).not.toBe('');
      expect(DEFAULT_TEMPLATES[stage].body).toMatch(/^Hi \{\{contact\}\},/);
      expect(DEFAULT_TEMPLATES[stage].body).toMatch(/\{\{senderName\}\}\s*$/);
    }
  });
  it('the first two ask whether anything else is needed', () => {
    expect(DEFAULT_TEMPLATES.first.body).toMatch(/anything else you need/);
    expect(DEFAULT_TEMPLATES.second.body).toMatch(/anything more/);
  });
  it('the final one names the close date and why', () => {
    expect(DEFAULT_TEMPLATES.final.body).toContain('{{closeDate}}');
    expect(DEFAULT_TEMPLATES.final.body).toMatch(/availability accurate/);
    expect(DEFAULT_TEMPLATES.final.body).not.toMatch(/Upwork|Job Success/);
  });
  it('lists the standard placeholders', () => {
    expect(STANDARD_PLACEHOLDERS).toEqual(['client', 'contact', 'job', 'idleDays', 'closeDate', 'senderName']);
  });
});

describe('validateTemplates', () => {
  it('accepts any header of the table, ignoring case, spaces and punctuation', () => {
    const templates = withTemplate('second', 'body', 'Hi {{client}}, see {{contract url}} and {{ NOTES }} {{Idle days}}');
    expect(() => validateTemplates(templates, HEADERS)).not.toThrow();
  });
  it('names the stage, the field and the unknown placeholder, with the nearest valid name in one short line', () => {
    const templates = withTemplate('second', 'body', 'Hi {{clinet}}');
    expect(() => validateTemplates(templates, HEADERS))
      .toThrow("Unknown placeholder {{clinet}} in the second follow-up's body. Did you mean {{client}}?");
    expect(() => validateTemplates(withTemplate('second', 'body', 'Hi {{Contract ur}}'), HEADERS)).toThrow('Did you mean {{Contract URL}}?');
  });
  it('lists the allowed ones when nothing is near', () => {
    expect(() => validateTemplates(withTemplate('second', 'body', 'Hi {{xyzzyplugh}}'), HEADERS)).toThrow(
      /Unknown placeholder \{\{xyzzyplugh\}\} in the second follow-up's body\. Use one of: \{\{client\}\}, \{\{contact\}\}, \{\{job\}\}, \{\{idleDays\}\}, \{\{closeDate\}\}, \{\{senderName\}\}, or a column header of your contracts table: \{\{Client\}\}.*\{\{Notes\}\}/,
    );
  });
  it('finds placeholders that stopped resolving since they were saved (a renamed column)', () => {
    const templates = withTemplate('second', 'body', 'At {{Hourly rate}} per hour');
    expect(templateProblems(templates, HEADERS)).toEqual([
      "The second follow-up's body uses {{Hourly rate}}, which is not a column of this sheet (renamed or deleted?): "
        + 'follow-ups at that stage are not drafted until you fix the template in Settings.',
    ]);
    expect(templateProblems(templates, [...HEADERS, 'Hourly rate'])).toEqual([]);
  });
  it('checks subjects too', () => {
    expect(() => validateTemplates(withTemplate('final', 'subject', 'Re: {{Budget}}'), HEADERS))
      .toThrow(/\{\{Budget\}\} in the final follow-up's subject/);
  });
  it('refuses an empty {{ }}', () => {
    expect(() => validateTemplates(withTemplate('first', 'body', 'Hi {{ }}'), HEADERS)).toThrow(/Unknown placeholder \{\{\}\} in the first/);
  });
  it('refuses an empty subject or body', () => {
    expect(() => validateTemplates(withTemplate('first', 'subject', '  '), HEADERS)).toThrow("The first follow-up's subject is empty");
    expect(() => validateTemplates(withTemplate('final', 'body', ''), HEADERS)).toThrow("The final follow-up's body is empty");
  });
  it('refuses a subject on several lines', () => {
    expect(() => validateTemplates(withTemplate('first', 'subject', 'Hello\nthere'), HEADERS)).toThrow(/one line/);
  });
  it('with no table headers, only the standard placeholders are allowed', () => {
    expect(() => validateTemplates(withTemplate('first', 'body', '{{Notes}}'), [])).toThrow(/Use one of: \{\{client\}\}.*\{\{senderName\}\}\.$/);
  });
});

describe('renderMessage', () => {
  it('renders the default first follow-up for a client', () => {
    const message = renderMessage(DEFAULT_TEMPLATES.first, values());
    expect(message.subject).toBe('Checking in on Logo redesign');
    expect(message.body.startsWith('Hi Acme Co,\n\n')).toBe(true);
    expect(message.body.endsWith('Best,\nDana')).toBe(true);
    expect(message.body).not.toContain('{{');
  });
  it('the final follow-up names the close date as written for people', () => {
    const message = renderMessage(DEFAULT_TEMPLATES.final, values());
    expect(message.subject).toBe('Closing Logo redesign on December 5, 2026');
    expect(message.body).toContain('close our contract on December 5, 2026.');
  });
  it('matches placeholders ignoring case, spaces and punctuation; standard names first, then headers', () => {
    const message = renderMessage(
      { subject: '{{ JOB }}', body: '{{Idle days}} days; {{notes}}; {{CLIENT}}' },
      values({ row: { Client: 'From the row', Notes: 'Paid invoice 3' } }),
    );
    expect(message).toEqual({ subject: 'Logo redesign', body: '45 days; Paid invoice 3; Acme Co' });
  });
  it('inserts values exactly as plain text: HTML, quotes, $ patterns, emoji, non-Latin text', () => {
    const client = '<b>Zoë & "Ōkami" 株式会社</b> $& $1 🎨';
    const message = renderMessage({ subject: 'For {{client}}', body: 'Hi {{client}}!' }, values({ client }));
    expect(message.subject).toBe(`For ${client}`);
    expect(message.body).toBe(`Hi ${client}!`);
  });
  it('an empty sender name leaves no dangling line', () => {
    const message = renderMessage(DEFAULT_TEMPLATES.second, values({ senderName: '' }));
    expect(message.body.endsWith('Best,')).toBe(true);
    const trailing = renderMessage({ subject: 's', body: 'Thanks,\n{{senderName}}\n' }, values({ senderName: '' }));
    expect(trailing.body).toBe('Thanks,\n');
  });
  it('keeps lines that have text besides an empty placeholder', () => {
    const message = renderMessage({ subject: 's', body: 'Notes: {{Notes}}\nBye' }, values({ row: { Notes: '' } }));
    expect(message.body).toBe('Notes: \nBye');
  });
  it('idleDays null renders as empty', () => {
    expect(renderMessage({ subject: 's', body: 'idle {{idleDays}}.' }, values({ idleDays: null })).body).toBe('idle .');
  });
  it('leaves unknown placeholders as typed', () => {
    expect(renderMessage({ subject: '{{ Budget }}', body: 'x {{nope}}' }, values()))
      .toEqual({ subject: '{{ Budget }}', body: 'x {{nope}}' });
  });
  it('keeps line breaks of a value in the body but not in the subject', () => {
    const message = renderMessage({ subject: 'Re {{job}}', body: '{{job}}' }, values({ job: 'Part 1\nPart 2' }));
    expect(message.subject).toBe('Re Part 1 Part 2');
    expect(message.body).toBe('Part 1\nPart 2');
  });
  it('does not change the template it is given', () => {
    const template = { ...DEFAULT_TEMPLATES.first };
    renderMessage(template, values());
    expect(template).toEqual(DEFAULT_TEMPLATES.first);
  });
});
