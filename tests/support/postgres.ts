/**
 * A PostgreSQL server for the engine tests (issue 16: the measures' SQL proven on
 * a second real engine): Debian's postgresql binaries, a fresh cluster in a
 * temporary folder, listening on a Unix socket only, run as the `postgres` user
 * when the tests run as root (PostgreSQL refuses root). One schema per study run.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DIALECTS } from '../../src/engine/dialect.js';
import { ident, type SqlRow, type SqlRunner } from '../../src/engine/runner.js';
import { normaliseColumnName } from '../../src/records/headers.js';

/** The folder of Debian's PostgreSQL binaries, or null when PostgreSQL is not installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}

export interface PostgresServer {
  /** A runner on a fresh schema of the server. */
  runner(): Promise<SqlRunner>;
  stop(): void;
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): void {
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' });
  else execFileSync(bin, args, { stdio: 'pipe' });
}

/** initdb + pg_ctl start on a Unix socket in a temporary folder. */
export function startPostgres(): PostgresServer {
  const bin = postgresBin();
  if (bin === null) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const root = mkdtempSync(join(tmpdir(), 'follow-up-pg-'));
  chmodSync(root, 0o777);
  const data = join(root, 'data');
  const port = 20000 + (process.pid % 20000);
  if (asRoot) execFileSync('chown', ['postgres', root]);
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-s', '-l', join(root, 'log'), '-o', `-k ${root} -p ${port} -c listen_addresses='' -c fsync=off`, 'start']);
  let schemas = 0;
  let files = 0;
  const clients: pg.Client[] = [];
  return {
    async runner() {
      const client = new pg.Client({ host: root, port, user: 'postgres', database: 'postgres' });
      await client.connect();
      clients.push(client);
      const schema = `study_${++schemas}`;
      await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      const query = async (sql: string): Promise<SqlRow[]> => (await client.query(sql)).rows as SqlRow[];
      return {
        dialect: DIALECTS.postgres,
        async loadRaw(name, path) {
          // The server reads the file itself (COPY), from a copy it may read.
          const copy = join(root, `in-${++files}.csv`);
          copyFileSync(path, copy);
          chmodSync(copy, 0o644);
          const header = readFileSync(copy, 'utf8').split(/\r?\n/, 1)[0];
          const names = header.split(',').map((n) => normaliseColumnName(n.replace(/^"|"$/g, '')));
          await client.query(
            `CREATE TABLE ${ident(name)} (_line BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 2), ${names.map((n) => `${ident(n)} VARCHAR`).join(', ')})`,
          );
          await client.query(`COPY ${ident(name)} (${names.map(ident).join(', ')}) FROM '${copy}' WITH (FORMAT csv, HEADER true)`);
          // Trimmed, blanks as NULL, as SqlRunner.loadRaw promises.
          await client.query(`UPDATE ${ident(name)} SET ${names.map((n) => `${ident(n)} = NULLIF(TRIM(${ident(n)}), '')`).join(', ')}`);
          return names;
        },
        async run(sql) {
          await client.query(sql);
        },
        query,
        async close() {
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-s', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
