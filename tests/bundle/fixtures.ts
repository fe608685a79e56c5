// Sheets the bundle tests start from: a messy real-world contracts sheet, and large ones for the
// call-count checks. Dates are date cells (env.localDate), as getValues() returns them.
import type { FakeAppsScript } from '../../dev/fakes';

export const TODAY = '2026-11-28';
/** 10:00 in New York on TODAY: the spreadsheet's time zone is America/New_York. */
export const NOW = '2026-11-28T15:00:00Z';

export function isoDaysAgo(n: number, today = TODAY): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export const MESSY_HEADER = ['Client name', 'Job title', 'Platform', 'Status', 'Start date', 'Last client activity',
  'Client email', 'Contract URL', 'My notes'];

/**
 * A title row and a note above the header (rows 1-2), the header on row 3, data from row 4, a
 * blank row inside the table, bad dates, an unknown status, and a user column with a formula.
 */
export function loadMessySheet(env: FakeAppsScript): void {
  const d = (n: number): Date => env.localDate(isoDaysAgo(n));
  const sheet = env.spreadsheet.getActiveSheet();
  sheet.load([
    ['My freelance contracts 2026', '', '', '', '', '', '', '', ''],
    ['Exported from Upwork, edited by hand', '', '', '', '', '', '', '', ''],
    MESSY_HEADER,
    ['Acme Corp', 'Logo design', 'Upwork', 'Open', d(100), d(5), 'ops@acme.example', 'https://www.upwork.com/ab/c/1', 'great client'], // 4 Active
    ['Blue Fin', 'Landing page', 'Fiverr', 'In progress', d(60), d(14), '', '', ''],                              // 5 Quiet
    ['Cobalt Ltd', 'API integration', 'Upwork', '', d(200), d(45), 'cto@cobalt.example', 'https://www.upwork.com/ab/c/3', ''], // 6 Dormant
    ['', '', '', '', '', '', '', '', ''],                                                                          // 7 blank
    ['Delta', 'SEO audit', 'Direct', 'Closed', d(300), d(250), '', '', ''],                                        // 8 Closed
    ['Echo Media', 'Monthly retainer', 'Direct', 'Retainer', d(400), d(90), '', '', ''],                            // 9 Keep open
    ['Foxtrot', 'Copywriting', 'Upwork', 'Open', 'soon', d(10), '', '', ''],                                       // 10 Check data: garbage
    ['Golf', 'Data entry', 'Freelancer.com', 'Open', '#REF!', '', '', '', ''],                                     // 11 Check data: #REF!
    ['Hotel', 'Video edit', 'Upwork', 'Open', d(40), 12345, '', '', ''],                                           // 12 Check data: number
    ['India', 'Podcast', 'Upwork', 'Pending', d(40), d(3), '', '', ''],                                            // 13 Check data: unknown status
    ['Juliet', 'Translation', 'Upwork', 'Open', d(40), env.localDate('2026-12-05'), '', '', ''],                    // 14 Check data: future
  ]);
  sheet.getRange('I4').setFormula('=LEN(A4)');
}
