/**
 * The package entry point as a user meets it: a notebook in a folder outside
 * the repository, with `follow-up` linked into its node_modules (what
 * `npm install <path to the repository>` makes), importing only `follow-up`;
 * and the same study in two folders giving the same page.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStudy, renderStudyReport } from '../../src/index.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A sample study (its tables and the shared offence lookup) copied into `dir`. */
async function copySample(dir: string, name: string): Promise<string> {
  await cp(join(REPO, 'data-samples', name), join(dir, name), { recursive: true });
  await cp(join(REPO, 'data-samples', 'offences.csv'), join(dir, 'offences.csv'));
  await cp(join(REPO, 'data-samples', 'unit-costs.csv'), join(dir, 'unit-costs.csv'));
  return join(dir, name, 'study.json');
}

describe('a notebook outside the repository', () => {
  it('imports only follow-up, opens a sample study from another folder, writes a page and type-checks', async () => {
    const dir = await tempDir('follow-up-user-');
    await copySample(dir, 'resettle');
    await mkdir(join(dir, 'node_modules', '@types'), { recursive: true });
    await symlink(REPO, join(dir, 'node_modules', 'follow-up'), 'dir');
    // what `npm install -D @types/node` would give a user, without the network
    await symlink(join(REPO, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'my-analysis', private: true, type: 'module' }));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          types: ['node'],
        },
        include: ['*.ts'],
      }),
    );
    await writeFile(
      join(dir, 'notebook.ts'),
      `import { narrator, openStudy, say, writeReport, type OpenedStudy } from 'follow-up';

const study: OpenedStudy = await openStudy('resettle/study.json');
const n = narrator(study);
const path = await writeReport(study, {
  out: 'pages',
  name: 'mine',
  narrative: [say\`From the records, \${n.share(study.measures.recall.overall)} were recalled.\`],
});
console.log(path);
`,
    );
    const run = (bin: string, args: string[]) =>
      execFileSync(process.execPath, [join(REPO, 'node_modules', bin), ...args], { cwd: dir, env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8' });
    const written = run('tsx/dist/cli.mjs', ['notebook.ts']).trim();
    expect(written).toBe(join(dir, 'pages', 'mine.html'));
    const page = await readFile(written, 'utf8');
    expect(page).toContain('From the records, 27 of 45 (60%, 95% CI 45%–73%) were recalled.');
    expect(page).toContain('<td>people.csv</td>');
    expect(page).not.toContain(dir);
    // the native compiler over the notebook and the package sources it reaches through `exports`
    expect(() => run('typescript/bin/tsc', ['-p', 'tsconfig.json'])).not.toThrow();
    await writeFile(join(dir, 'bad.ts'), `import { openStudy } from 'follow-up';\nconst s: number = await openStudy('x');\n`);
    expect(() => run('typescript/bin/tsc', ['-p', 'tsconfig.json'])).toThrow();
  }, 120_000);
});

describe('the same study in two folders', () => {
  it('renders byte-identical pages that name no folder', async () => {
    const [a, b] = [await tempDir('follow-up-a-'), await tempDir('follow-up-b-')];
    const pages: string[] = [];
    for (const dir of [a, b]) {
      const study = await openStudy(await copySample(join(dir, 'deeper', 'still'), 'south-wales'));
      pages.push(await renderStudyReport(study.records, study.measures, study.report));
    }
    expect(pages[0]).toBe(pages[1]);
    expect(pages[0]).not.toContain(tmpdir());
    expect(pages[0]).toContain('<td>../offences.csv</td>');
  });
});
