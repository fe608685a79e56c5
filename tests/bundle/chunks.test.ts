// Drafting every due follow-up in chunks (the sidebar's "Draft all"), the close notice's words
// about platforms, and the first paint's truthful label, through dist/Code.js.
import { createFakeAppsScript, type FakeAppsScript } from '../../dev/fakes';
import { runFresh } from '../support/bundle';
import type { AuditReport, DraftResult, SidebarBootstrap } from '../../src/core/types';
import { isoDaysAgo, NOW } from './fixtures';

const HEADER = ['Client', 'Job', 'Platform', 'Status', 'Last client activity', 'Client email', 'Contract URL', 'Contract type'];

function dueSheet(env: FakeAppsScript, n: number, email: (i: number) => string): void {
  const d = env.localDate(isoDaysAgo(45));
  const rows: unknown[][] = [HEADER];
  for (let i = 0; i < n; i++) rows.push([`C${i}`, `J${i}`, 'Upwork', 'Open', d, email(i), '', '']);
  env.spreadsheet.getActiveSheet().load(rows);
}

function bootstrapOf(env: FakeAppsScript): SidebarBootstrap {
  runFresh(env, 'showSidebar');
  const html = env.ui.sidebars[env.ui.sidebars.length - 1].html;
  return JSON.parse(/<script type="application\/json" id="bootstrap">([\s\S]*?)<\/script>/.exec(html)![1]) as SidebarBootstrap;
}

describe('draftFollowUps(null, { limit, skip }): drafting every due follow-up in chunks', () => {
  it('handles at most `limit` per call in sheet order, skips what earlier chunks returned, and counts what is left', () => {
    const env = createFakeAppsScript({ now: NOW });
    // Every 4th row has no email (to send through the platform); row of C5 has a bad address.
    dueSheet(env, 23, (i) => (i % 4 === 3 ? '' : i === 5 ? 'not an address' : `c${i}@example.com`));
    const total = runFresh<AuditReport>(env, 'runAudit').counts.followUpsDue;
    expect(total).toBe(23);
    const skip: string[] = [];
    const seen: string[] = [];
    let handled = 0;
    let calls = 0;
    for (;;) {
      const chunk = runFresh<DraftResult>(env, 'draftFollowUps', [null, { limit: 10, skip }]);
      calls += 1;
      const outcomes = [...chunk.drafted, ...chunk.toSend, ...chunk.failed];
      expect(outcomes.length).toBeLessThanOrEqual(10);
      handled += outcomes.length;
      seen.push(...outcomes.map((o) => o.client));
      skip.push(...chunk.toSend.map((o) => o.key), ...chunk.failed.map((o) => o.key));
      expect(chunk.remaining).toBe(total - handled);
      if (chunk.remaining === 0 || outcomes.length === 0) break;
    }
    expect(calls).toBe(3);
    expect(handled).toBe(23);
    expect(new Set(seen).size).toBe(23); // nothing handled twice
    expect(env.gmail.drafts).toHaveLength(23 - 5 - 1);
    const last = runFresh<AuditReport>(env, 'runAudit');
    expect(last.counts.followUpsDue).toBe(6); // the 5 to send through the platform and the bad address
  });

  it('a chunk returns bodies only for the contracts it handled', () => {
    const env = createFakeAppsScript({ now: NOW });
    dueSheet(env, 300, (i) => `c${i}@example.com`);
    const chunk = runFresh<DraftResult>(env, 'draftFollowUps', [null, { limit: 25 }]);
    expect(chunk.drafted).toHaveLength(25);
    expect(chunk.remaining).toBe(275);
    expect(JSON.stringify(chunk).length).toBeLessThan(200_000);
  });

  it('closing the sidebar between chunks loses nothing: the next press carries on where the last stopped', () => {
    const env = createFakeAppsScript({ now: NOW });
    dueSheet(env, 12, (i) => `c${i}@example.com`);
    runFresh(env, 'draftFollowUps', [null, { limit: 5 }]);
    const again = runFresh<DraftResult>(env, 'draftFollowUps', [null, { limit: 5 }]);
    expect(again.drafted.map((o) => o.client)).toEqual(['C5', 'C6', 'C7', 'C8', 'C9']);
    expect(env.gmail.drafts).toHaveLength(10);
  });
});

describe('the close notice tells the truth about the platform', () => {
  function closeOne(type: string, platform = 'Upwork'): string {
    const env = createFakeAppsScript({ now: NOW });
    env.spreadsheet.getActiveSheet().load([HEADER,
      ['Acme', 'Logo', platform, 'Open', env.localDate(isoDaysAgo(45)), '', 'https://www.upwork.com/ab/c/9', type]]);
    const key = runFresh<AuditReport>(env, 'runAudit').contracts[0].key;
    return runFresh<AuditReport>(env, 'closeContract', [key, 'Client not responsive']).notice;
  }

  it('Upwork fixed-price (or unknown type): end it on Upwork, the reason closest to client not responsive, escrow warning', () => {
    const notice = closeOne('Fixed-price');
    expect(notice).toBe('Closed "Acme – Logo" in the sheet. Now end the contract on Upwork too and choose the reason closest to '
      + '"client not responsive". If it is a fixed-price contract, submit the final milestone first: ending it returns any '
      + 'money still in escrow to the client. https://www.upwork.com/ab/c/9');
    expect(closeOne('')).toContain('escrow');
  });

  it('Upwork hourly: no escrow sentence', () => {
    expect(closeOne('Hourly')).not.toContain('escrow');
  });

  it('another platform: end it there too', () => {
    expect(closeOne('', 'Fiverr')).toMatch(/^Closed "Acme – Logo" \(Client not responsive\) in the sheet\. Now end the contract on Fiverr too\./);
  });
});

describe('the first paint says truthfully whether its states were written', () => {
  it('never audited, then current, then settings changed', () => {
    const env = createFakeAppsScript({ now: NOW });
    dueSheet(env, 3, () => '');
    const before = bootstrapOf(env);
    expect(before.auditStatus).toEqual({ kind: 'never', lastAudit: null });
    expect(before.report!.counts.dormant).toBe(3);
    expect(env.spreadsheet.getActiveSheet().getRange('K1').getValue()).toBe(''); // the first paint wrote nothing
    const written = runFresh<AuditReport>(env, 'runAudit');
    const after = bootstrapOf(env);
    expect(after.auditStatus).toEqual({ kind: 'current', lastAudit: '2026-11-28T10:00:00-05:00' });
    expect(after.report!.counts).toEqual(written.counts);
    runFresh(env, 'saveSettings', [{ dormantDays: 60 }]);
    expect(bootstrapOf(env).auditStatus.kind).toBe('settingsChanged');
    runFresh(env, 'saveSettings', [{ senderName: 'Sam' }, ]);
    runFresh(env, 'saveSettings', [{ dormantDays: 30 }]);
    expect(bootstrapOf(env).auditStatus.kind).toBe('current'); // templates and names do not change a state
  });
});
