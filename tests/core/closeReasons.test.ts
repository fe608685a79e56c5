import { CLOSE_REASONS, parseCloseReason } from '../../src/core/closeReasons';

describe('CLOSE_REASONS', () => {
  it('are the four reasons the README lists, in order', () => {
    expect(CLOSE_REASONS).toEqual([
      'Client not responsive', 'Job completed successfully', 'Job completed unsuccessfully', 'Another reason',
    ]);
  });
});

describe('parseCloseReason', () => {
  it('returns each reason as given', () => {
    for (const reason of CLOSE_REASONS) expect(parseCloseReason(reason)).toBe(reason);
  });
  it('matches ignoring case, spaces and punctuation', () => {
    expect(parseCloseReason('  client NOT responsive. ')).toBe('Client not responsive');
    expect(parseCloseReason('another-reason')).toBe('Another reason');
  });
  it('refuses anything else, listing the allowed reasons', () => {
    const list = 'Choose a close reason: "Client not responsive", "Job completed successfully", '
      + '"Job completed unsuccessfully", "Another reason".';
    expect(() => parseCloseReason('Client ghosted me')).toThrow(`"Client ghosted me" is not a close reason. ${list}`);
    expect(() => parseCloseReason('')).toThrow(list);
    expect(() => parseCloseReason(undefined)).toThrow(list);
    expect(() => parseCloseReason(2)).toThrow(list);
    expect(() => parseCloseReason('Job completed')).toThrow(/is not a close reason/);
  });
});
