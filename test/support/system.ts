import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase, withToken } from '@lagesbild/subgraph-kit/testing';
import { SUBGRAPHS } from '../../schema/subgraphs';
import { spawnService, subgraphEnv } from '../../scripts/service-process';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Test ports come from below Linux's ephemeral range (32768–60999 by default), where the
 * kernel never picks the local port of an outgoing connection: a port handed out here cannot
 * be taken by some client socket before the service it is meant for binds it.
 */
const PORT_FIRST = 20_000;
const PORT_LAST = 32_000;

/**
 * Cross-process reservations, one file per port holding the owner's pid: Vitest runs test
 * files in several worker processes at once (and other checkouts on the machine may run
 * their tests too), and a port probed free in one process is free for all of them until a
 * service binds it. A file created with O_EXCL is the lock; it is removed when its process
 * exits, and a file whose process is gone (killed) is taken over.
 */
const PORT_LOCK_DIR = join(tmpdir(), 'lagesbild-test-ports');

/** Ports this process holds a reservation for: released when it exits. */
const utdelade = new Set<number>();
let releaseOnExit = false;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the reservation for `port`; false when a live process holds it. A reservation left
 * by a killed process is removed, and its port taken on a later pick (not this one: two
 * processes clearing the same stale file at once must not both end up holding the port).
 */
function reserve(port: number): boolean {
  const file = join(PORT_LOCK_DIR, String(port));
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let owner: number;
  try {
    owner = Number(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  // An empty file is one being written this instant: its owner is alive.
  if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) rmSync(file, { force: true });
  return false;
}

function release(port: number): void {
  rmSync(join(PORT_LOCK_DIR, String(port)), { force: true });
}

async function bindable(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch {
    return false;
  }
  server.close();
  await once(server, 'close');
  return true;
}

/**
 * A port no other test process on this machine holds and nothing listens on: reserved for
 * this process's lifetime, so a service started on it never races another worker's.
 */
export async function freePort(): Promise<number> {
  mkdirSync(PORT_LOCK_DIR, { recursive: true });
  if (!releaseOnExit) {
    releaseOnExit = true;
    process.on('exit', () => {
      for (const port of utdelade) release(port);
    });
  }
  for (let tries = 0; tries < 10_000; tries++) {
    const port = PORT_FIRST + Math.floor(Math.random() * (PORT_LAST - PORT_FIRST + 1));
    if (utdelade.has(port) || !reserve(port)) continue;
    if (!(await bindable(port))) {
      release(port);
      continue;
    }
    utdelade.add(port);
    return port;
  }
  throw new Error(`no free port between ${PORT_FIRST} and ${PORT_LAST}`);
}

export interface RunningSystem {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  supergraphPath: string;
  dataDir: string;
  /**
   * Each subgraph's database as its process got it — a PostgreSQL URL, or a SQLite file
   * (under dataDir unless the env named another) — for a test that writes to it directly,
   * e.g. with the subgraph's bulk importer.
   */
  databaseUrls: Record<string, string>;
  output: () => string;
  launcher: ChildProcess;
  /**
   * Stops one subgraph's process (SIGTERM, as an operator or a crash would) and waits until
   * its port no longer answers; the launcher leaves the gateway and the others running.
   */
  stopSubgraph(name: string): Promise<void>;
  /**
   * Brings a stopped subgraph back the way the launcher started it — same command, port,
   * environment and database — and waits for its health. The test owns this process:
   * stopSubgraph and interrupt stop it.
   */
  startSubgraph(name: string): Promise<void>;
  /** Ctrl-C, as a user would; resolves with the launcher's exit code. */
  interrupt(): Promise<number | null>;
  gql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
  extensions?: Record<string, unknown>;
}

/**
 * Starts the whole system the way a user does — the README's `pnpm start` launcher under
 * tsx, every service its own process — on free ports, with the SQLite files and a copy
 * of the supergraph in a temporary folder.
 */
export async function startSystem(env: Record<string, string> = {}): Promise<RunningSystem> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lagesbild-e2e-'));
  const supergraphPath = join(dataDir, 'supergraph.graphql');
  await copyFile(join(ROOT, 'schema/supergraph.graphql'), supergraphPath);
  const gatewayPort = await freePort();
  const ports: Record<string, number> = {};
  for (const s of SUBGRAPHS) ports[s.name] = await freePort();
  // SQLite files land in dataDir; in the PostgreSQL pass each subgraph gets its own database.
  const databases: TestDatabase[] = [];
  const databaseEnv: Record<string, string> = {};
  if (process.env.LAGESBILD_TEST_DB === 'postgresql') {
    for (const s of SUBGRAPHS) {
      const db = await createTestDatabase(s.name);
      databases.push(db);
      databaseEnv[`${s.name.toUpperCase()}_DATABASE_URL`] = db.file;
    }
  }

  const launcherEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    GATEWAY_PORT: String(gatewayPort),
    ...Object.fromEntries(
      SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_PORT`, String(ports[s.name])]),
    ),
    LAGESBILD_DATA_DIR: dataDir,
    ...databaseEnv,
    SUPERGRAPH_PATH: supergraphPath,
  };
  const launcher = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: launcherEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** Subgraphs the test restarted after stopping them, by name. */
  const restarted = new Map<string, ChildProcess>();
  const stopChild = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  launcher.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  launcher.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  // Generous: on a shared two-core machine, with two test files at a time, seven services
  // under tsx can take minutes to start. The launcher gives up on its own first (120 s for
  // the subgraphs, then 120 s for the gateway), with a message that says which service.
  const deadline = Date.now() + 280_000;
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (launcher.exitCode !== null) {
      await rm(dataDir, { recursive: true, force: true });
      for (const db of databases) await db.remove();
      throw new Error(`launcher exited early:\n${output}`);
    }
    if (Date.now() > deadline) {
      // Ctrl-C, so the launcher stops the services it started; SIGKILL alone would leave
      // them running (and eating the CPU the next files need) after this file fails.
      const exited = once(launcher, 'exit');
      launcher.kill('SIGINT');
      const timer = setTimeout(() => launcher.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      throw new Error(`launcher did not get ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  return {
    gatewayUrl,
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}`]),
    ),
    supergraphPath,
    dataDir,
    databaseUrls: Object.fromEntries(
      SUBGRAPHS.map((s) => [
        s.name,
        launcherEnv[`${s.name.toUpperCase()}_DATABASE_URL`] ?? join(dataDir, `${s.name}.sqlite`),
      ]),
    ),
    output: () => output,
    launcher,
    async stopSubgraph(name) {
      const own = restarted.get(name);
      if (own) {
        restarted.delete(name);
        await stopChild(own);
        return;
      }
      // The launcher announces each child: "[launcher] forvaltning started (pid 123, port 4567)".
      const match = new RegExp(`\\[launcher\\] ${name} started \\(pid (\\d+),`).exec(output);
      if (!match || ports[name] === undefined) {
        throw new Error(`the launcher did not start a subgraph named ${name}`);
      }
      process.kill(Number(match[1]), 'SIGTERM');
      const health = `http://127.0.0.1:${ports[name]}/health`;
      const until = Date.now() + 15_000;
      while (Date.now() < until) {
        try {
          await fetch(health);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${name} still answers at ${health} after SIGTERM`);
    },
    async startSubgraph(name) {
      const entry = SUBGRAPHS.find((s) => s.name === name);
      const port = ports[name];
      if (!entry || port === undefined) throw new Error(`no subgraph named ${name}`);
      if (restarted.has(name)) throw new Error(`${name} is already running`);
      const child = spawnService(entry.dir, subgraphEnv(launcherEnv, name, port));
      restarted.set(name, child);
      const collect = (d: Buffer) => {
        output += d.toString();
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      const health = `http://127.0.0.1:${port}/health`;
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        if (child.exitCode !== null) throw new Error(`${name} exited on restart:\n${output}`);
        try {
          if ((await fetch(health)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${name} did not become healthy at ${health} after a restart`);
    },
    async interrupt() {
      await Promise.all([...restarted.values()].map(stopChild));
      restarted.clear();
      if (launcher.exitCode !== null) return launcher.exitCode;
      const exited = once(launcher, 'exit');
      launcher.kill('SIGINT');
      const [code] = (await exited) as [number | null];
      await rm(dataDir, { recursive: true, force: true });
      for (const db of databases) await db.remove();
      return code;
    },
    async gql(query, variables, headers = {}) {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
  };
}
