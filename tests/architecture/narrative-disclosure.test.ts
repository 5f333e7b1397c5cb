/**
 * A notebook's own sentences on a public page go through the disclosure layer:
 * a withheld count interpolated as a raw number is refused with a message that
 * says why, and the page is not written; through the narrator it is withheld.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { narrator, NarrativeDisclosureError, openStudy, say, words, writeReport } from '../../src/index.js';

const open = () => openStudy(new URL('../../data-samples/south-wales/study.json', import.meta.url), { groupBy: 'tier' });
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('commentary on a public page', () => {
  it('refuses a sentence printing a withheld count, and writes no page', async () => {
    const study = await open();
    const tier = study.measures.recall.comparison.byGroup.find((g) => g.k >= 1 && g.k < study.report.minCell)!;
    // the precondition: a group whose recall count the public tables withhold
    expect(study.report.profile).toBe('public');
    expect(tier.k).toBeGreaterThan(0);
    dir = await mkdtemp(join(tmpdir(), 'follow-up-narrative-'));
    const raw = say`${words(tier.group)} ${tier.k} of ${tier.n} were recalled.`;
    await expect(writeReport(study, { out: dir, name: 'raw', narrative: [raw] })).rejects.toThrow(NarrativeDisclosureError);
    await expect(writeReport(study, { out: dir, name: 'raw', narrative: [raw] })).rejects.toThrow(
      /commentary paragraph 1 prints "\d+", a number that was not published, on a public page with minCell 5/,
    );
    const plain = `${tier.group} ${tier.k} of ${tier.n} were recalled.`;
    await expect(writeReport(study, { out: dir, name: 'plain', narrative: [plain] })).rejects.toThrow(/plain text with the number/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('prints the narrator’s withheld form instead, and the count nowhere in the commentary', async () => {
    const study = await open();
    const n = narrator(study);
    const tier = study.measures.recall.comparison.byGroup.find((g) => g.k >= 1 && g.k < study.report.minCell)!;
    const path = await writeReport(study, { out: dir, name: 'narrated', narrative: [say`${words(tier.group)}: ${n.share(tier)} were recalled.`] });
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(path, 'utf8');
    const commentary = page.slice(page.indexOf('<div class="commentary">'), page.indexOf('</div>', page.indexOf('<div class="commentary">')));
    expect(commentary).toContain(`${tier.group}: `);
    expect(commentary).not.toContain(`${tier.k} of ${tier.n}`);
    expect(commentary).toMatch(/fewer than 5 of|withheld/);
  });

  it('lets an analyst page print the raw count', async () => {
    const study = await open();
    const tier = study.measures.recall.comparison.byGroup.find((g) => g.k >= 1 && g.k < 5)!;
    const path = await writeReport(study, {
      out: dir,
      name: 'analyst',
      report: { profile: 'analyst' },
      narrative: [say`${words(tier.group)} ${tier.k} of ${tier.n}.`],
    });
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path, 'utf8')).toContain(`${tier.group} ${tier.k} of ${tier.n}.`);
  });
});
