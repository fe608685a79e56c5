import { contractKey, ContractIdentity, identityStartDate, normalizeIdentityText, sheetIdOfKey } from '../../src/core/keys';
import { dayFromIso } from '../../src/core/days';

const base: ContractIdentity = {
  client: 'Acme Corp', job: 'Logo design', platform: 'Upwork', startDate: '2026-10-01', url: 'https://www.upwork.com/ab/c/1',
};

describe('contractKey', () => {
  test('short, fixed shape', () => {
    expect(contractKey(base, 7)).toMatch(/^c[0-9a-f]{16}-7$/);
  });

  test('deterministic: the same identity always gives the same key', () => {
    expect(contractKey({ ...base }, 7)).toBe(contractKey(base, 7));
  });

  test('case, surrounding and repeated spaces do not change the key', () => {
    expect(contractKey({ ...base, client: '  ACME   corp ', job: 'logo\tdesign' }, 7)).toBe(contractKey(base, 7));
  });

  test.each(['client', 'job', 'platform', 'startDate', 'url'] as const)('a different %s gives a different key', (field) => {
    expect(contractKey({ ...base, [field]: `${base[field]}x` }, 7)).not.toBe(contractKey(base, 7));
  });

  test('fields do not run into each other', () => {
    expect(contractKey({ ...base, client: 'Acme', job: 'Corp Logo design' }, 7))
      .not.toBe(contractKey({ ...base, client: 'Acme Corp', job: 'Logo design' }, 7));
    expect(contractKey({ ...base, client: 'ab', job: '' }, 7)).not.toBe(contractKey({ ...base, client: 'a', job: 'b' }, 7));
  });

  test('many different identities give different keys', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20000; i++) keys.add(contractKey({ ...base, job: `Job ${i}` }, 7));
    expect(keys.size).toBe(20000);
  });

  test('non-Latin text and emoji hash fine', () => {
    const a = contractKey({ ...base, client: 'Ünïcødé 客户 🚀' }, 7);
    expect(a).toMatch(/^c[0-9a-f]{16}-7$/);
    expect(a).not.toBe(contractKey({ ...base, client: 'Ünïcødé 客户 🚁' }, 7));
  });

  test('composed and decomposed accents are the same client', () => {
    expect(contractKey({ ...base, client: 'Caf\u00e9' }, 7)).toBe(contractKey({ ...base, client: 'Cafe\u0301' }, 7));
  });
});

test('the sheet is part of the key: the same contract on another tab has another key, and the key names its sheet', () => {
  expect(contractKey(base, 7)).not.toBe(contractKey(base, 8));
  expect(contractKey(base, 0)).toMatch(/-0$/);
  expect(sheetIdOfKey(contractKey(base, 123456))).toBe(123456);
  expect(sheetIdOfKey('not a key')).toBeNull();
  expect(sheetIdOfKey(42)).toBeNull();
});

describe('identityStartDate', () => {
  test('a date cell gives its ISO day, whatever form it was typed in', () => {
    expect(identityStartDate({ kind: 'date', day: dayFromIso('2026-10-01')! })).toBe('2026-10-01');
  });
  test('a bad cell gives its text; an empty one gives ""', () => {
    expect(identityStartDate({ kind: 'bad', text: 'soon', reason: 'x' })).toBe('soon');
    expect(identityStartDate({ kind: 'empty' })).toBe('');
  });
});

test('normalizeIdentityText', () => {
  expect(normalizeIdentityText('  Hello \n  World ')).toBe('hello world');
});
