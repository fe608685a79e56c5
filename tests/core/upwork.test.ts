// Reading Upwork reports (README "Upwork reports"): each header generation recognised by its header
// row alone, payments per contract, fees and withdrawals skipped, unreadable lines counted.
import { FakeUtilities } from '../../dev/fakes/services/utilities';
import { dayFromIso, isoOfDay } from '../../src/core/days';
import {
  columnKey, detectFormat, legacyTitle, notCsvMessage, parseAmount, parseReportDate, readUpworkReport, splitContract,
  unrecognisedHeaderMessage, UpworkFormatError, type UpworkContract,
} from '../../src/core/upwork';
import { LEGACY, SENTENCE, TITLED, WEEKLY } from './upwork-fixtures';

/** The rows the server gets: Apps Script's Utilities.parseCsv, as the fakes emulate it. */
const parseCsv = (text: string): string[][] => new FakeUtilities(() => undefined).parseCsv(text);
const read = (text: string) => readUpworkReport(parseCsv(text));

function summary(c: UpworkContract): string {
  return `${c.contractId}|${c.title}|${c.client}|${isoOfDay(c.firstPayment)}..${isoOfDay(c.lastPayment)}|${c.payments}`;
}

describe('recognising the format by the header row', () => {
  test('each generation, with the columns the README lists', () => {
    expect(read(WEEKLY)).toMatchObject({ format: 'weekly-summary', generation: 'weekly' });
    expect(read(LEGACY)).toMatchObject({ format: 'transaction-history', generation: 'legacy' });
    expect(read(TITLED)).toMatchObject({ format: 'transaction-history', generation: 'titled' });
    expect(read(SENTENCE)).toMatchObject({ format: 'transaction-history', generation: 'sentence' });
  });

  test('names compared ignoring case, spaces and $; order and extra columns do not matter', () => {
    expect(columnKey(' Amount $ ')).toBe('amount');
    expect(columnKey('Current  Balance $')).toBe('currentbalance');
    const shuffled = detectFormat(['payment TYPE', 'My notes', 'AMOUNT $', 'hours', 'contract', ' date ']);
    expect(shuffled && shuffled.spec.generation).toBe('weekly');
    expect(shuffled!.roleIndex).toMatchObject({ date: 5, amount: 2, type: 0, title: 4 });
    // "Entered Description" is optional in the 2021 header.
    const titledWithout = TITLED.split('\n')[0].replace('Entered Description,', '');
    expect(detectFormat(titledWithout.split(','))!.spec.generation).toBe('titled');
  });

  test('a header lacking one of the columns is refused, naming what is missing and what is expected', () => {
    expect(detectFormat(['Date', 'Contract', 'Hours', 'Amount'])).toBeNull();
    expect(() => read('Date,Contract,Hours,Amount\n2026-11-02,X (1),1,$1\n')).toThrow(UpworkFormatError);
    const message = unrecognisedHeaderMessage(['Date', 'Contract', 'Hours', 'Amount']);
    expect(message).toMatch(/looks like an Upwork Weekly summary but lacks the column Payment type/);
    expect(message).toMatch(/Date, Contract, Hours, Amount, Payment type/);
    expect(message).toMatch(/Nothing was changed\.$/);
  });

  test('a CSV of something else is refused with the columns expected', () => {
    expect(() => read('Client,Job,Status\nAcme,Logo,Open\n')).toThrow(/not an Upwork report.*Its first row reads: Client, Job, Status\..*Weekly summary \(columns Date, Contract, Hours, Amount, Payment type\)/s);
    expect(() => readUpworkReport([])).toThrow(/first row is blank/);
  });

  test('empty text, a PDF and an xlsx are refused before parsing', () => {
    expect(notCsvMessage('')).toMatch(/^The file is empty\./);
    expect(notCsvMessage('\uFEFF \r\n')).toMatch(/^The file is empty\./);
    expect(notCsvMessage('%PDF-1.7\n%âãÏÓ\n1 0 obj')).toMatch(/^This is a PDF/);
    expect(notCsvMessage('PK\u0003\u0004\u0014\u0000\u0006\u0000')).toMatch(/Excel workbook/);
    expect(notCsvMessage('\u0000\u0001binary')).toMatch(/not a text/);
    expect(notCsvMessage(WEEKLY)).toBeNull();
  });

  test('a byte-order mark, CRLF, blank lines and leading blank rows are normal CSV', () => {
    const text = `\uFEFF\r\n${WEEKLY.replace(/\r\n/g, '\r\n\r\n')}`;
    const report = read(text);
    expect(report.format).toBe('weekly-summary');
    expect(report.lines).toBe(5);
  });
});

describe('amounts and dates as Upwork writes them', () => {
  test.each([
    ['$1,234.50', 1234.5], ['-22.92', -22.92], ['-$22.92', -22.92], ['$-22.92', -22.92], ['($22.92)', -22.92],
    ['1234.5', 1234.5], ['412.50', 412.5], ['USD 10.00', 10], ['+5', 5], ['.5', 0.5], [' $0.00 ', 0],
  ])('%s → %s', (text, value) => expect(parseAmount(text)).toBe(value));

  test.each(['', 'ten dollars', '1,23', '12,34.5', '$', '1.2.3', '€5'])('%p is not an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  test('dates: "Oct 2, 2026", ISO, and nothing else guessed', () => {
    expect(parseReportDate('Oct 2, 2026')).toBe(dayFromIso('2026-10-02'));
    expect(parseReportDate('October 2, 2026')).toBe(dayFromIso('2026-10-02'));
    expect(parseReportDate('2026-10-02')).toBe(dayFromIso('2026-10-02'));
    expect(parseReportDate('someday')).toBeNull();
    expect(parseReportDate('Oct 2, 26')).toBeNull();
    expect(parseReportDate('Feb 30, 2026')).toBeNull();
  });

  test('a contract as `Title (id)`', () => {
    expect(splitContract('Logo design (38120001)')).toEqual({ title: 'Logo design', contractId: '38120001' });
    expect(splitContract('Logo (v2) design')).toEqual({ title: 'Logo (v2) design', contractId: '' });
    expect(splitContract('Fix (urgent) (42)')).toEqual({ title: 'Fix (urgent)', contractId: '42' });
  });

  test('what a legacy Description names', () => {
    expect(legacyTitle('Invoice for 09/21/2026-09/27/2026', true)).toEqual({ title: '', contractId: '' });
    expect(legacyTitle('Invoice for "Stripe API integration"', false)).toEqual({ title: 'Stripe API integration', contractId: '' });
    expect(legacyTitle('Bonus for Stripe API integration', false)).toEqual({ title: 'Stripe API integration', contractId: '' });
    expect(legacyTitle('Fixed Price - Logo (38120001)', false)).toEqual({ title: 'Logo', contractId: '38120001' });
    expect(legacyTitle('Invoice for Contract ID 38120005', true)).toEqual({ title: '', contractId: '38120005' });
  });
});

describe('payments per contract', () => {
  test('weekly summary: latest and first payment per contract id; a zero line is not a payment', () => {
    const report = read(WEEKLY);
    expect(report.contracts.map(summary)).toEqual([
      '38120001|Looker dashboard redesign||2026-11-02..2026-11-09|2',
      '38120003|Stripe API integration||2026-10-20..2026-10-20|1',
      '38120006|Unity bug fixes, phase 2||2026-11-16..2026-11-16|1',
    ]);
    expect(report.skippedLines).toBe(1);
    expect(report.unreadable).toEqual([]);
  });

  test('legacy transaction history: fees, withdrawals, memberships, Connects and refunds are not payments; hourly lines name only the client', () => {
    const report = read(LEGACY);
    expect(report.contracts.map(summary)).toEqual([
      '||Brightline Analytics|2026-10-02..2026-10-09|2',
      '|Stripe API integration|Helix Robotics|2026-10-12..2026-10-18|2',
    ]);
    expect(report.lines).toBe(10);
    expect(report.skippedLines).toBe(6);
  });

  test('2021 transaction history: the title is the Transaction Summary, the client the Team', () => {
    const report = read(TITLED);
    expect(report.contracts.map(summary)).toEqual([
      '|Looker dashboard redesign|Brightline Analytics|2026-11-03..2026-11-10|2',
      '|Stripe API integration, milestone 2|Helix Robotics|2026-11-05..2026-11-05|1',
    ]);
    expect(report.skippedLines).toBe(2);
  });

  test('sentence-case transaction history: Client team; a line with an unreadable date or amount is skipped and counted, the rest read', () => {
    const report = read(SENTENCE);
    expect(report.contracts.map(summary)).toEqual(['|Unity bug fixes|PixelForge Studio|2026-11-20..2026-11-21|2']);
    expect(report.skippedLines).toBe(3);
    expect(report.unreadable).toEqual([
      { line: 5, reason: 'the date "someday" is not a date' },
      { line: 6, reason: 'the amount "ten dollars" is not a number' },
    ]);
  });

  test('a Contract ID column in the file names the contract', () => {
    const report = read('Date,Contract,Hours,Amount,Payment type,Contract ID\n2026-11-02,Logo,1,$10,,777\n2026-11-03,Logo,1,$10,,778\n');
    expect(report.contracts.map(summary)).toEqual(['777|Logo||2026-11-02..2026-11-02|1', '778|Logo||2026-11-03..2026-11-03|1']);
  });

  test('quoted fields with commas, quotes and line breaks', () => {
    const text = 'Date,Contract,Hours,Amount,Payment type\n'
      + '2026-11-02,"Say ""hi"", then\nwait (5)",1,"$1,000.00",\n';
    expect(read(text).contracts.map(summary)).toEqual(['5|Say "hi", then\nwait||2026-11-02..2026-11-02|1']);
  });

  test('a payment line naming neither contract nor client is skipped', () => {
    const text = `${LEGACY.split('\n')[0]}\n"Oct 2, 2026",1,Hourly,Invoice for 09/21/2026-09/27/2026,,Jo,,Jo,,$5,$5,USD,$5\n`;
    const report = read(text);
    expect(report.contracts).toEqual([]);
    expect(report.unreadable).toEqual([{ line: 2, reason: 'the line names no contract and no client' }]);
  });
});
