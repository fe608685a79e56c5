import { classifyStatus, STATUS_WORDS } from '../../src/core/status';

describe('classifyStatus', () => {
  test.each([
    ['', 'open'], ['   ', 'open'], [null, 'open'], [undefined, 'open'],
    ['Open', 'open'], ['open', 'open'], ['  ACTIVE ', 'open'], ['In progress', 'open'], ['in-progress', 'open'],
    ['Paused', 'open'], ['On hold', 'open'], ['Waiting', 'open'],
    ['Closed', 'closed'], ['ended', 'closed'], ['Completed', 'closed'], ['Done', 'closed'],
    ['Cancelled', 'closed'], ['Canceled', 'closed'],
    ['Keep open', 'keepOpen'], ['keep-open', 'keepOpen'], ['Retainer', 'keepOpen'], ['ONGOING', 'keepOpen'],
    ['Pending', 'unknown'], ['Closd', 'unknown'], ['#REF!', 'unknown'], [42, 'unknown'], [true, 'unknown'],
    ['Open?', 'open'],
  ])('%p is %s', (cell, expected) => {
    expect(classifyStatus(cell)).toBe(expected);
  });

  test('every listed word is recognised as its own class', () => {
    for (const word of STATUS_WORDS.open) expect(classifyStatus(word)).toBe('open');
    for (const word of STATUS_WORDS.closed) expect(classifyStatus(word)).toBe('closed');
    for (const word of STATUS_WORDS.keepOpen) expect(classifyStatus(word)).toBe('keepOpen');
  });
});
