// Starts redis-server (AOF on) and a PostgreSQL cluster on free ports, data under a temporary folder, for the scale-out
// tests (docs/decisions/0040); stops them after. scripts/install-scale-out.sh installs both Debian packages.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface SharedStore {
  redisUrl: string;
  databaseUrl: string;
  /** REDIS_URL and DATABASE_URL, for a relay's environment. */
  env: Record<string, string>;
  /** A Redis command through redis-cli, its answer as text: to look at the store, or do what a relay would. */
  redis(...args: string[]): string;
  /** One SQL query through psql, its rows unaligned (`|` between columns). */
  sql(query: string): string;
  /** Kills redis-server (-9): what it wrote to its append-only file stays, as after a crash. */
  killRedis(): Promise<void>;
  /** Starts redis-server again, same port, same data. */
  startRedis(): Promise<void>;
  /** Stops PostgreSQL at once (immediate mode, as a crash would): connections to it fail until it starts again. */
  stopPostgres(): void;
  /** Starts PostgreSQL again, same port, same data; returns once it takes connections. */
  startPostgres(): void;
  /** redis-server's process id and the postmaster's, for a benchmark reading their CPU time from /proc. */
  pids(): { redis: number; postgres: number };
  stop(): Promise<void>;
}

const MISSING =
  'the scale-out tests need redis-server and PostgreSQL: run `bash scripts/install-scale-out.sh` ' +
  '(apt-get install redis-server postgresql), which README command 2 runs';

export async function startSharedStore(): Promise<SharedStore> {
  const redisServer = findRedisServer();
  const pgBin = findPostgresBin();
  if (!redisServer || !pgBin) throw new Error(`${MISSING} (missing: ${!redisServer ? 'redis-server' : 'postgresql'})`);
  const root = mkdtempSync(join(tmpdir(), 'maillage-shared-'));
  // PostgreSQL refuses to run as root: as root, its cluster belongs to the Debian package's `postgres` user.
  const asRoot = userInfo().uid === 0;
  chmodSync(root, 0o755);
  const [redisPort, pgPort] = [await freePort(), await freePort()];

  const redisDir = join(root, 'redis');
  mkdirSync(redisDir);
  const startRedis = () => {
    const child = spawn(
      redisServer,
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--appendonly', 'yes', '--save', ''],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { child, ready: untilOutput(child, /Ready to accept connections/, 'redis-server') };
  };
  let redis = startRedis();
  const redisReady = redis.ready;
  const killRedis = async () => {
    if (redis.child.exitCode !== null || redis.child.signalCode !== null) return;
    const exited = new Promise((done) => redis.child.once('exit', done));
    redis.child.kill('SIGKILL');
    await exited;
  };

  const pgData = join(root, 'pg');
  const asOwner = (bin: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(pgBin, bin), ...args], { stdio: 'pipe' })
      : execFileSync(join(pgBin, bin), args, { stdio: 'pipe' });
  // initdb takes seconds on a busy machine: once per machine, then each run copies the empty cluster.
  const template = emptyCluster(pgBin, asRoot ? ownerOf('postgres') : null, asOwner);
  execFileSync('cp', ['-a', template, pgData]);
  const startPostgres = () =>
    asOwner('pg_ctl', [
      '-D',
      pgData,
      '-l',
      join(pgData, 'log'),
      '-o',
      `-p ${pgPort} -k ${pgData} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      'start',
    ]);
  const stopPostgres = () => asOwner('pg_ctl', ['-D', pgData, '-m', 'immediate', 'stop']);
  startPostgres();
  try {
    await redisReady;
  } catch (err) {
    stopPostgres();
    throw err;
  }

  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
  return {
    redisUrl,
    databaseUrl,
    env: { REDIS_URL: redisUrl, DATABASE_URL: databaseUrl },
    redis: (...args) => execFileSync('redis-cli', ['-p', String(redisPort), ...args], { encoding: 'utf8' }).trim(),
    sql: (query) => execFileSync(join(pgBin, 'psql'), [databaseUrl, '-Atc', query], { encoding: 'utf8' }).trim(),
    killRedis,
    startRedis: async () => {
      redis = startRedis();
      await redis.ready;
    },
    stopPostgres: () => void stopPostgres(),
    pids: () => ({
      redis: redis.child.pid ?? 0,
      postgres: Number(readFileSync(join(pgData, 'postmaster.pid'), 'utf8').split('\n', 1)[0]),
    }),
    startPostgres: () => void startPostgres(),
    stop: async () => {
      stopPostgres();
      await killRedis();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** An empty cluster made by initdb, kept in the temporary folder for the next runs (made again if cleaned away). */
function emptyCluster(
  pgBin: string,
  owner: { uid: number; gid: number } | null,
  asOwner: (bin: string, args: string[]) => void,
): string {
  const template = join(tmpdir(), `maillage-pg-template-${pgBin.split('/').at(-2)}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const making = `${template}.${process.pid}`;
  mkdirSync(making, { mode: 0o700 });
  if (owner) chownSync(making, owner.uid, owner.gid);
  // No fsync in tests: they kill relays, never the machine.
  asOwner('initdb', ['-D', making, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // Another run may have made it meanwhile: either copy is the same empty cluster.
  if (existsSync(join(template, 'PG_VERSION'))) rmSync(making, { recursive: true, force: true });
  else renameSync(making, template);
  return template;
}

function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/bin', '/usr/sbin')) {
    if (dir && existsSync(join(dir, 'redis-server'))) return join(dir, 'redis-server');
  }
  return null;
}

/** The newest PostgreSQL's binaries of the Debian layout (/usr/lib/postgresql/<major>/bin). */
function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(base, majors[0], 'bin') : null;
}

function ownerOf(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function untilOutput(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} not ready in 20 s:\n${out}`)), 20_000);
    const look = (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${out}`));
    });
  });
}
