import { contractKey, ContractIdentity, identityStartDate, normalizeIdentityText } from '../../src/core/keys';
import { dayFromIso } from '../../src/core/days';

const base: ContractIdentity = {
  client: 'Acme Corp', job: 'Logo design', platform: 'Upwork', startDate: '2026-10-01', url: 'https://www.upwork.com/ab/c/1',
};

describe('contractKey', () => {
  test('short, fixed shape', () => {
    expect(contractKey(base)).toMatch(/^c[0-9a-f]{16}$/);
  });

  test('deterministic: the same identity always gives the same key', () => {
    expect(contractKey({ ...base })).toBe(contractKey(base));
  });

  test('case, surrounding and repeated spaces do not change the key', () => {
    expect(contractKey({ ...base, client: '  ACME   corp ', job: 'logo\tdesign' })).toBe(contractKey(base));
  });

  test.each(['client', 'job', 'platform', 'startDate', 'url'] as const)('a different %s gives a different key', (field) => {
    expect(contractKey({ ...base, [field]: `${base[field]}x` })).not.toBe(contractKey(base));
  });

  test('fields do not run into each other', () => {
    expect(contractKey({ ...base, client: 'Acme', job: 'Corp Logo design' }))
      .not.toBe(contractKey({ ...base, client: 'Acme Corp', job: 'Logo design' }));
    expect(contractKey({ ...base, client: 'ab', job: '' })).not.toBe(contractKey({ ...base, client: 'a', job: 'b' }));
  });

  test('many different identities give different keys', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20000; i++) keys.add(contractKey({ ...base, job: `Job ${i}` }));
    expect(keys.size).toBe(20000);
  });

  test('non-Latin text and emoji hash fine', () => {
    const a = contractKey({ ...base, client: 'Ünïcødé 客户 🚀' });
    expect(a).toMatch(/^c[0-9a-f]{16}$/);
    expect(a).not.toBe(contractKey({ ...base, client: 'Ünïcødé 客户 🚁' }));
  });

  test('composed and decomposed accents are the same client', () => {
    expect(contractKey({ ...base, client: 'Caf\u00e9' })).toBe(contractKey({ ...base, client: 'Cafe\u0301' }));
  });
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
