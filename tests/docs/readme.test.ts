// The README shows the default templates and the sample's digest: they must be what the add-on
// really writes, so a change to either shows up here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TEMPLATES } from '../../src/core/templates';
import { sampleDigest } from '../support/sample-digest';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The fenced block that follows `marker` in the README. */
function blockAfter(marker: string): string {
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const match = /```[a-z]*\n([\s\S]*?)\n```/.exec(README.slice(at));
  if (!match) throw new Error(`no code block after "${marker}"`);
  return match[1];
}

describe('README', () => {
  for (const stage of ['first', 'second', 'final'] as const) {
    it(`shows the ${stage} template as the add-on has it`, () => {
      const { subject, body } = DEFAULT_TEMPLATES[stage];
      expect(README).toContain(`**${stage}**`);
      expect(blockAfter(`**${stage}**`)).toBe(body);
      expect(README).toContain(`subject \`${subject}\``);
    });
  }

  it('shows the digest the automatic audit sends for the sample sheet', async () => {
    const digest = await sampleDigest();
    const shown = blockAfter('The digest for the sample sheet');
    const expected = `To: you@example.com\nSubject: ${digest.subject}\n\n${digest.body}`
      .replace(/https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+\/edit#gid=\d+/, 'https://docs.google.com/spreadsheets/d/<id>/edit');
    expect(shown).toBe(expected);
  });
});
