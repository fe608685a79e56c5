import { countStates } from '../../src/core/counts';
import type { State } from '../../src/core/types';

const row = (state: State, followUpDue = false) => ({ state, followUpDue });

describe('countStates', () => {
  test('no rows: all zero', () => {
    expect(countStates([])).toEqual({
      open: 0, active: 0, quiet: 0, dormant: 0, closeOut: 0, closed: 0, keepOpen: 0, checkData: 0, followUpsDue: 0,
    });
  });

  test('every state counted; open = active + quiet + dormant + closeOut + checkData', () => {
    const rows = [
      row('Active'), row('Active'), row('Quiet'), row('Dormant', true), row('Dormant', false), row('Dormant', true),
      row('Close out'), row('Closed'), row('Closed'), row('Closed'), row('Keep open'), row('Check data'), row('Check data'),
    ];
    expect(countStates(rows)).toEqual({
      open: 2 + 1 + 3 + 1 + 2, active: 2, quiet: 1, dormant: 3, closeOut: 1, closed: 3, keepOpen: 1, checkData: 2, followUpsDue: 2,
    });
  });

  test('followUpsDue counts Dormant rows only', () => {
    expect(countStates([row('Quiet', true), row('Check data', true), row('Dormant', true)]).followUpsDue).toBe(1);
  });
});
