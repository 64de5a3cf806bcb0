/**
 * The processes the benchmark starts, and what /proc says about them: CPU time and
 * resident memory of a process together with its descendants (a CLI that forks workers
 * is measured whole).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';
/** Ports 4000–4004 belong to `pnpm start`; the benchmark never takes them. */
const RESERVED = new Set([4000, 4001, 4002, 4003, 4004]);
/** /proc/<pid>/stat counts in clock ticks; 100 a second on Linux (getconf CLK_TCK). */
const TICK_MS = 10;

export async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    server.listen(0, HOST);
    await once(server, 'listening');
    const address = server.address();
    server.close();
    await once(server, 'close');
    if (address === null || typeof address === 'string') throw new Error('no port');
    if (!RESERVED.has(address.port)) return address.port;
  }
}

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Date.now() when it was spawned. */
  startedAt: number;
}

/** Every process started and not yet stopped: stopped on exit, Ctrl-C and errors. */
const running = new Set<Proc>();

export function startProcess(
  name: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Proc {
  // Output goes to a file: no pipe to drain, and the log is there when a start fails.
  const out = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', out, out],
  });
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  const proc = { name, child, pid: child.pid, logFile: options.logFile, startedAt: Date.now() };
  running.add(proc);
  child.once('exit', () => running.delete(proc));
  return proc;
}

export async function stopProcess(proc: Proc, graceMs = 10_000): Promise<void> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(proc);
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(proc);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => stopProcess(p)));
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-15).join('\n');
}

/** Polls until `ready` says yes; fails when the process exits or the deadline passes. */
export async function waitUntil(
  proc: Proc,
  ready: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`${proc.name} exited while starting:\n${await tail(proc.logFile)}`);
    }
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${proc.name} was not ready within ${timeoutMs} ms:\n${await tail(proc.logFile)}`,
  );
}

export const httpOk = (url: string) => async () => (await fetch(url)).ok;

/** Ready when `{ __typename }` is answered; `headers` carry the caller's token. */
export const graphqlOk =
  (url: string, headers: Record<string, string> = {}) =>
  async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return response.ok;
  };

/** The process and all its descendants. */
async function tree(pid: number): Promise<number[]> {
  const pids = [pid];
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  for (const task of tasks) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children.split(' ').filter(Boolean)) pids.push(...(await tree(+child)));
  }
  return pids;
}

/** utime + stime, in clock ticks, from a process's or a thread's `stat` ('' gives 0). */
function cpuTicks(stat: string): number {
  // Fields after the command name (which may hold spaces) start at state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/** utime + stime of the processes and their descendants, in milliseconds. */
export async function cpuMs(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const root of pids) {
    for (const pid of await tree(root)) {
      ticks += cpuTicks(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''));
    }
  }
  return ticks * TICK_MS;
}

/**
 * utime + stime of one process's main thread (where its JavaScript runs) and of its other
 * threads together (V8's helpers: parallel and concurrent GC, background compiling; libuv's
 * pool), in milliseconds.
 */
export async function cpuByThread(pid: number): Promise<{ main: number; others: number }> {
  let main = 0;
  let others = 0;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const stat = await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => '');
    const ms = cpuTicks(stat) * TICK_MS;
    if (task === String(pid)) main += ms;
    else others += ms;
  }
  return { main, others };
}

/** Resident memory (VmRSS) of a process and its descendants, in bytes. */
export async function rssBytes(pid: number): Promise<number> {
  let kb = 0;
  for (const p of await tree(pid)) {
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  }
  return kb * 1024;
}

/** Samples resident memory until stopped; returns the highest value seen. */
export function rssPeak(pid: number, everyMs = 200): { stop: () => Promise<number> } {
  let peak = 0;
  let sampling = Promise.resolve();
  const sample = () => {
    sampling = rssBytes(pid).then((b) => {
      peak = Math.max(peak, b);
    });
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await sampling;
      sample();
      await sampling;
      return peak;
    },
  };
}
