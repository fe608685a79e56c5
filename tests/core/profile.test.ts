import { countStates } from '../../src/core/counts';
import { contractName, profileSignal } from '../../src/core/profile';
import type { State } from '../../src/core/types';

interface C { state: State; client: string; job: string; followUpDue: boolean }
const c = (state: State, client: string, job: string): C => ({ state, client, job, followUpDue: false });

function signal(contracts: C[]) {
  return profileSignal(countStates(contracts), contracts);
}

describe('profileSignal', () => {
  test('all open jobs active: no message', () => {
    expect(signal([c('Active', 'Acme', 'Logo'), c('Keep open', 'Beta', 'Retainer'), c('Closed', 'Old', 'Job')]))
      .toEqual({ openJobs: 2, activeJobs: 2, message: '' });
  });

  test('nothing at all', () => {
    expect(signal([])).toEqual({ openJobs: 0, activeJobs: 0, message: '' });
  });

  test('Check data rows alone give no advice but count as open', () => {
    expect(signal([c('Check data', 'A', 'B'), c('Active', 'C', 'D')])).toEqual({ openJobs: 2, activeJobs: 1, message: '' });
  });

  test('names the Close out contracts to close', () => {
    const contracts = [
      c('Active', 'Acme', 'Logo'), c('Keep open', 'Beta', 'Support'), c('Quiet', 'Gamma', 'App'),
      c('Dormant', 'Delta', 'Site'), c('Close out', 'Epsilon', 'Blog posts'), c('Closed', 'Zeta', 'Old'),
    ];
    expect(signal(contracts)).toEqual({
      openJobs: 5, activeJobs: 2,
      message: 'Your profile shows 5 open jobs, but only 2 are really active: close Epsilon – Blog posts.',
    });
  });

  test('up to 3 names, then "and N more"', () => {
    const contracts = ['A', 'B', 'C', 'D', 'E'].map((x) => c('Close out', x, `Job ${x}`));
    expect(signal(contracts).message)
      .toBe('Your profile shows 5 open jobs, but none is really active: close A – Job A, B – Job B, C – Job C and 2 more.');
  });

  test('two and three names read naturally', () => {
    expect(signal([c('Close out', 'A', 'X'), c('Close out', 'B', 'Y'), c('Active', 'C', 'Z')]).message)
      .toBe('Your profile shows 3 open jobs, but only 1 is really active: close A – X and B – Y.');
    expect(signal([c('Close out', 'A', 'X'), c('Close out', 'B', 'Y'), c('Close out', 'C', 'Z')]).message)
      .toBe('Your profile shows 3 open jobs, but none is really active: close A – X, B – Y and C – Z.');
  });

  test('no Close out yet: says which to follow up on', () => {
    expect(signal([c('Dormant', 'Delta', 'Site'), c('Quiet', 'Gamma', 'App'), c('Active', 'Acme', 'Logo'), c('Active', 'B', 'C')]).message)
      .toBe('Your profile shows 4 open jobs, but only 2 are really active: follow up on Delta – Site.');
  });

  test('only Quiet jobs: says which to check in with', () => {
    expect(signal([c('Quiet', 'Gamma', 'App')]).message)
      .toBe('Your profile shows 1 open job, but none is really active: check in soon with Gamma – App.');
  });

  test('the message is one plain sentence that makes no claim about the platform', () => {
    const message = signal([c('Close out', '<b>Acme</b>', 'Logo "v2"'), c('Dormant', 'B', 'C')]).message;
    expect(message).toContain('<b>Acme</b> – Logo "v2"');
    expect(message.match(/[.!?]( |$)/g)).toHaveLength(1);
    expect(message).not.toMatch(/pause|auto|Upwork|Job Success/i);
  });
});

describe('contractName', () => {
  test.each([
    [{ client: 'Acme', job: 'Logo' }, 'Acme – Logo'],
    [{ client: ' Acme ', job: '' }, 'Acme'],
    [{ client: '', job: 'Logo' }, 'Logo'],
    [{ client: '', job: '' }, 'an unnamed job'],
  ])('%j → %s', (contract, name) => {
    expect(contractName(contract)).toBe(name);
  });
});
