// Gmail drafts, MailApp, locks, properties, cache and the clock, as a script sees them.
import { createFakeAppsScript, PROPERTY_VALUE_LIMIT_BYTES } from '../../dev/fakes';
import { scriptGlobals } from '../support/globals';

describe('GmailApp drafts', () => {
  it('creates plain-text drafts and records them', () => {
    const env = createFakeAppsScript();
    const { GmailApp } = scriptGlobals(env);
    const draft = GmailApp.createDraft('Ann Client <ann@acme.example>', 'Checking in', 'Hi Ann,\nany news?', { name: 'Sam' });
    expect(draft.getId()).toBe(env.gmail.drafts[0].id);
    expect(draft.getMessage().getSubject()).toBe('Checking in');
    expect(env.gmail.drafts).toEqual([expect.objectContaining({
      to: 'ann@acme.example', subject: 'Checking in', body: 'Hi Ann,\nany news?', options: { name: 'Sam' } })]);
  });

  it('refuses an invalid address with "Invalid email: <addr>" and creates nothing', () => {
    const env = createFakeAppsScript();
    const { GmailApp } = scriptGlobals(env);
    expect(() => GmailApp.createDraft('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => GmailApp.createDraft('ok@x.example', 's', 'b', { cc: 'bad@' })).toThrow('Invalid email: bad@');
    expect(env.gmail.drafts).toHaveLength(0);
  });

  it('failAfter(n): n drafts succeed, then the daily quota error; clearFailures() lifts it', () => {
    const env = createFakeAppsScript();
    const { GmailApp } = scriptGlobals(env);
    env.gmail.failAfter(2);
    GmailApp.createDraft('a@x.example', '1', '');
    GmailApp.createDraft('b@x.example', '2', '');
    expect(() => GmailApp.createDraft('c@x.example', '3', '')).toThrow('Service invoked too many times for one day: gmail.');
    expect(() => GmailApp.createDraft('d@x.example', '4', '')).toThrow('Service invoked too many times for one day: gmail.');
    expect(env.gmail.drafts.map((d) => d.subject)).toEqual(['1', '2']);
    env.gmail.clearFailures();
    GmailApp.createDraft('c@x.example', '3', '');
    expect(env.gmail.drafts).toHaveLength(3);
  });

  it('getDrafts gives each message\'s To header as typed and its subject; these calls are counted and cost time', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    env.latency.set('GmailApp.*', 200);
    const { GmailApp } = scriptGlobals(env);
    GmailApp.createDraft('Jane <jane@x.example>', 'One', 'b');
    GmailApp.createDraft('a@x.example, b@x.example', 'Two', 'b');
    GmailApp.createDraft('"Doe, Jane" <jane@x.example>', 'Three', 'b');
    env.calls.reset();
    const messages = GmailApp.getDrafts().map((d) => d.getMessage());
    expect(messages.map((m) => [m.getTo(), m.getSubject()])).toEqual([
      ['Jane <jane@x.example>', 'One'], ['a@x.example, b@x.example', 'Two'], ['"Doe, Jane" <jane@x.example>', 'Three']]);
    expect(env.gmail.drafts.map((d) => d.to)).toEqual(['jane@x.example', 'a@x.example, b@x.example', 'jane@x.example']);
    expect(env.calls.byMethod()).toEqual({
      'GmailApp.getDrafts': 1, 'GmailDraft.getMessage': 3, 'GmailMessage.getSubject': 3, 'GmailMessage.getTo': 3 });
    expect(env.clock.now().toISOString()).toBe('2026-11-28T15:00:02.600Z'); // 13 calls of 200 ms
  });

  it('refuses what Gmail refuses, with the address in the error', () => {
    const { GmailApp } = scriptGlobals(createFakeAppsScript());
    expect(() => GmailApp.createDraft('Jane jane@x.example', 's', 'b')).toThrow('Invalid email: Jane jane@x.example');
    expect(() => GmailApp.createDraft('a@x.example, nope', 's', 'b')).toThrow('Invalid email: nope');
    expect(() => GmailApp.createDraft('Jane <jane@x', 's', 'b')).toThrow('Invalid email: Jane <jane@x');
  });

  it('failFor refuses the drafts a predicate picks with the given error; clearFailures lifts it', () => {
    const env = createFakeAppsScript();
    const { GmailApp } = scriptGlobals(env);
    env.gmail.failFor((recipient, _subject, body) => recipient.includes('big') || body.length > 10, 'Limit Exceeded: Email Body Size.');
    GmailApp.createDraft('a@x.example', 's', 'short');
    expect(() => GmailApp.createDraft('a@x.example', 's', 'a very long body')).toThrow('Limit Exceeded: Email Body Size.');
    expect(() => GmailApp.createDraft('Big <big@x.example>', 's', '')).toThrow('Limit Exceeded: Email Body Size.');
    expect(env.gmail.drafts).toHaveLength(1);
    env.gmail.clearFailures();
    GmailApp.createDraft('a@x.example', 's', 'a very long body');
    expect(env.gmail.drafts).toHaveLength(2);
  });

  it('does not send: the add-on has no send scope for Gmail', () => {
    const { GmailApp } = scriptGlobals(createFakeAppsScript());
    expect(() => GmailApp.sendEmail('a@x.example', 's', 'b')).toThrow(/You do not have permission to call GmailApp.sendEmail/);
  });
});

describe('MailApp', () => {
  it('sends in both forms, counts recipients against the daily quota, then fails with the real text', () => {
    const env = createFakeAppsScript();
    const { MailApp } = scriptGlobals(env);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('me@x.example', 'Digest', 'Two jobs need you', { name: 'Contract Audit' });
    MailApp.sendEmail({ to: 'me@x.example, you@x.example', subject: 'Digest 2', body: 'text', htmlBody: '<b>x</b>' });
    expect(MailApp.getRemainingDailyQuota()).toBe(97);
    expect(env.mail.sent).toEqual([
      { to: 'me@x.example', subject: 'Digest', body: 'Two jobs need you', options: { name: 'Contract Audit' } },
      { to: 'me@x.example, you@x.example', subject: 'Digest 2', body: 'text', options: { htmlBody: '<b>x</b>' } },
    ]);
    env.mail.setRemainingQuota(0);
    expect(() => MailApp.sendEmail('me@x.example', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(() => MailApp.sendEmail({ subject: 's', body: 'b' } as never)).toThrow('Failed to send email: no recipient');
    expect(env.mail.sent).toHaveLength(2);
  });
});

describe('LockService', () => {
  it('two executions contend for the document lock', () => {
    const env = createFakeAppsScript();
    const first = scriptGlobals(env).LockService.getDocumentLock();
    const second = scriptGlobals(env).LockService.getDocumentLock();
    expect(first.tryLock(10_000)).toBe(true);
    expect(first.hasLock()).toBe(true);
    expect(second.tryLock(10_000)).toBe(false);
    expect(second.hasLock()).toBe(false);
    expect(() => second.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    first.releaseLock();
    expect(second.tryLock(10_000)).toBe(true);
    expect(scriptGlobals(env).LockService.getScriptLock().tryLock(1)).toBe(true);
  });

  it('holdByOtherExecution() / release() simulate another run, without sleeping', () => {
    const env = createFakeAppsScript();
    const lock = scriptGlobals(env).LockService.getDocumentLock();
    env.lock.holdByOtherExecution();
    const started = Date.now();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(Date.now() - started).toBeLessThan(1000);
    env.lock.release();
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
  });
});

describe('PropertiesService', () => {
  it('stores strings per store and is inspectable', () => {
    const env = createFakeAppsScript();
    const { PropertiesService } = scriptGlobals(env);
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('quietDays', 14 as unknown as string).setProperties({ a: '1', b: '2' });
    expect(doc.getProperty('quietDays')).toBe('14');
    expect(doc.getProperty('missing')).toBeNull();
    expect(doc.getKeys().sort()).toEqual(['a', 'b', 'quietDays']);
    doc.setProperties({ c: '3' }, true);
    expect(doc.getProperties()).toEqual({ c: '3' });
    PropertiesService.getUserProperties().setProperty('u', 'x');
    expect(Object.fromEntries(env.properties.document)).toEqual({ c: '3' });
    expect(env.properties.user.get('u')).toBe('x');
    doc.deleteProperty('c');
    expect(doc.getKeys()).toEqual([]);
  });

  it('enforces 9 KB per value and 500 KB per store, storing nothing on failure', () => {
    const env = createFakeAppsScript();
    const doc = scriptGlobals(env).PropertiesService.getDocumentProperties();
    doc.setProperty('fits', 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES));
    expect(() => doc.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES + 1))).toThrow('Argument too large: value');
    expect(() => doc.setProperty('multibyte', 'é'.repeat(5000))).toThrow('Argument too large: value');
    const chunk = 'y'.repeat(9000);
    for (let i = 0; i < 55; i += 1) doc.setProperty(`chunk${i}`, chunk);
    expect(() => doc.setProperties({ more: chunk, evenMore: chunk })).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(doc.getProperty('more')).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires by the fake clock (default 600 s, at most 6 hours) and limits values to 100 KB', () => {
    const env = createFakeAppsScript({ now: '2026-11-28T15:00:00Z' });
    // A new execution after each wait: one execution cannot outlive the 6-minute limit.
    const fresh = () => scriptGlobals(env).CacheService.getDocumentCache()!;
    let cache = fresh();
    cache.put('report', 'r1');
    cache.putAll({ a: '1', b: '2' }, 60);
    cache.put('long', 'l', 100_000);
    expect(cache.getAll(['a', 'b', 'zzz'])).toEqual({ a: '1', b: '2' });
    env.clock.advance(61_000);
    expect([cache.get('a'), cache.get('report')]).toEqual([null, 'r1']);
    env.clock.advance(540_000);
    cache = fresh();
    expect(cache.get('report')).toBeNull();
    env.clock.advance(6 * 3_600_000);
    cache = fresh();
    expect(cache.get('long')).toBeNull();
    expect(() => cache.put('huge', 'z'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    cache.put('x', 'y');
    cache.removeAll(['x']);
    expect(cache.get('x')).toBeNull();
  });
});

describe('Session, Logger and the clock', () => {
  it('reports the user, zones and locale; logs go to env.logs', () => {
    const env = createFakeAppsScript({ timeZone: 'Europe/Berlin', scriptTimeZone: 'UTC', locale: 'de_DE', userEmail: 'ann@x.example' });
    const g = scriptGlobals(env);
    expect(g.Session.getActiveUser().getEmail()).toBe('ann@x.example');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('ann@x.example');
    expect(g.Session.getScriptTimeZone()).toBe('UTC');
    expect(g.Session.getActiveUserLocale()).toBe('de');
    expect(g.SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    g.Logger.log('audited %s rows', 12);
    g.console.warn('careful');
    expect(env.logs).toEqual(['audited 12 rows', 'WARN: careful']);
  });

  it('advanceDays keeps the local time across a DST change', () => {
    const env = createFakeAppsScript({ now: '2026-10-31T13:00:00Z' });
    env.clock.advanceDays(1);
    expect(env.clock.now().toISOString()).toBe('2026-11-01T14:00:00.000Z');
    env.clock.set('2027-01-01T00:00:00Z');
    expect(new (scriptGlobals(env).Date)().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
