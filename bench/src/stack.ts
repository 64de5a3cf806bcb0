/**
 * What both benchmarks (`pnpm bench`, main.ts, and `pnpm bench:skala`, skala.ts) stand up
 * and tear down the same way: one secret and the council's token for the run, the four
 * subgraphs, the supergraph pointed at their ports, our gateway, and the way out (Ctrl-C,
 * the time limit, an error) that stops every process started.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAuthConfig, signToken } from '@lagesbild/auth';
import { Roll } from '@lagesbild/domain';
import { SUBGRAPHS } from '../../schema/subgraphs';
import { prodNodeArgs } from '../../scripts/prod-command';
import {
  freePort,
  graphqlOk,
  HOST,
  httpOk,
  type Proc,
  startProcess,
  stopAll,
  waitUntil,
} from './procs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH = fileURLToPath(new URL('../', import.meta.url));

export interface Council {
  /** The environment of every process the run starts. */
  serviceEnv: NodeJS.ProcessEnv;
  /** The council's (RADET) bearer token, for every request. */
  auth: Record<string, string>;
  /**
   * Signs `count` more council tokens, each with its own subject (`<subject>:<n>`): the
   * headers of as many distinct readers with the same role.
   */
  readers(count: number): Promise<Record<string, string>[]>;
}

/**
 * One secret for every process this run starts (random per run; no key source from the
 * caller's shell may win over it), and one token for the council signed with it.
 */
export async function councilToken(dataDir: string, subject: string): Promise<Council> {
  const { LAGESBILD_JWKS_URL: _url, LAGESBILD_JWKS_FILE: _file, ...inherited } = process.env;
  const serviceEnv: NodeJS.ProcessEnv = {
    ...inherited,
    LAGESBILD_JWT_SECRET: randomBytes(32).toString('base64url'),
    LAGESBILD_DATA_DIR: dataDir,
  };
  const config = loadAuthConfig(serviceEnv, dataDir);
  const sign = async (sub: string) => ({
    authorization: `Bearer ${await signToken(config, { roller: [Roll.RADET], subject: sub })}`,
  });
  return {
    serviceEnv,
    auth: await sign(subject),
    readers: (count) =>
      Promise.all(Array.from({ length: count }, (_, i) => sign(`${subject}:${i + 1}`))),
  };
}

/**
 * How a service folder is started: `node --import tsx src/index.ts` as `pnpm start` does,
 * or compiled (`prod`): `node` with production's own arguments (scripts/prod-command.ts: the
 * gateway's heap cap too) after `pnpm build` at the root. A missing build is an error that says so, never a silent fall-back to tsx.
 */
export function serviceArgs(dir: string, prod: boolean, nodeArgs: string[] = []): string[] {
  if (!prod) return [...nodeArgs, '--import', 'tsx', 'src/index.ts'];
  const entry = join(ROOT, dir, 'dist/index.js');
  if (!existsSync(entry)) {
    throw new Error(
      `${dir}/dist/index.js is missing: run pnpm build first (or pass --no-prod to start from src with tsx)`,
    );
  }
  return [...nodeArgs, ...prodNodeArgs(dir)];
}

/**
 * Every subgraph of the registry as `pnpm start` runs it (or compiled, `prod`), each on a
 * free port or on the one in `urls` (a restart on the same ports, e.g. under --cpu-prof);
 * resolves when healthy.
 */
export async function startSubgraphs(
  serviceEnv: NodeJS.ProcessEnv,
  logDir: string,
  options: {
    prod?: boolean;
    /** Node options before the entry point, e.g. --cpu-prof. */
    nodeArgs?: (name: string) => string[];
    /** Ports to take again, from an earlier start's urls. */
    urls?: Record<string, string>;
  } = {},
): Promise<{ urls: Record<string, string>; procs: Proc[] }> {
  const urls: Record<string, string> = {};
  const procs: Proc[] = [];
  for (const s of SUBGRAPHS) {
    const earlier = options.urls?.[s.name];
    const port = earlier ? Number(new URL(earlier).port) : await freePort();
    urls[s.name] = `http://${HOST}:${port}/graphql`;
    procs.push(
      startProcess(
        s.name,
        serviceArgs(s.dir, options.prod ?? false, options.nodeArgs?.(s.name) ?? []),
        {
          cwd: join(ROOT, s.dir),
          env: { ...serviceEnv, [`${s.name.toUpperCase()}_PORT`]: String(port) },
          logFile: join(logDir, `${s.name}.log`),
        },
      ),
    );
  }
  await Promise.all(
    procs.map((p) => waitUntil(p, httpOk(urls[p.name]!.replace(/graphql$/, 'health')))),
  );
  return { urls, procs };
}

/**
 * A benchmark's numeric option: `raw` as a positive number, or `fallback` when it is not
 * given. `label` names the option in the error (`--rounds`, `BENCH_DURATION`).
 */
export function positiveOption(raw: string | undefined, fallback: number, label: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${label}=${raw} is not a positive number`);
  return n;
}

/**
 * Where a run's report goes: `bench/results/<name>`, or `<name>-2`, `-3`, … when a file of
 * that name with any of `extensions` exists — a second run on the same day never overwrites
 * the first (the READMEs cite results). Returns the path without extension; the folder
 * exists.
 */
export async function resultStem(name: string, extensions: readonly string[]): Promise<string> {
  const dir = join(BENCH, 'results');
  await mkdir(dir, { recursive: true });
  let stem = join(dir, name);
  for (let n = 2; extensions.some((e) => existsSync(`${stem}${e}`)); n++) {
    stem = join(dir, `${name}-${n}`);
  }
  return stem;
}

let composed: Promise<string> | undefined;

/** Writes the committed supergraph to `file` with its join__graph URLs set to `urls`. */
export async function writeSupergraph(file: string, urls: Record<string, string>): Promise<string> {
  composed ??= readFile(join(ROOT, 'schema/supergraph.graphql'), 'utf8');
  let text = await composed;
  for (const s of SUBGRAPHS) {
    text = text.replace(
      new RegExp(`(@join__graph\\(name: "${s.name}", url: )"[^"]*"`),
      `$1"${urls[s.name]}"`,
    );
  }
  await writeFile(file, text);
  return file;
}

export interface Gateway {
  name: string;
  url: string;
  proc: Proc;
}

/** Our gateway (gateway/src/index.ts, or its build) on a free port, its `<NAME>_URL`s set to `urls`. */
export async function startGateway(options: {
  name: string;
  urls: Record<string, string>;
  supergraph: string;
  council: Council;
  logDir: string;
  /** More gateway settings (GATEWAY_SVARSCACHE, GATEWAY_MAX_COST, …). */
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Compiled (gateway/dist/index.js) instead of tsx; see serviceArgs. */
  prod?: boolean;
}): Promise<Gateway> {
  const { name, urls, council } = options;
  const port = await freePort();
  const proc = startProcess(
    name,
    serviceArgs('gateway', options.prod ?? false, options.nodeArgs ?? []),
    {
      cwd: join(ROOT, 'gateway'),
      env: {
        ...council.serviceEnv,
        GATEWAY_PORT: String(port),
        SUPERGRAPH_PATH: options.supergraph,
        ...options.env,
        ...Object.fromEntries(
          Object.entries(urls).map(([n, url]) => [`${n.toUpperCase()}_URL`, url]),
        ),
      },
      logFile: join(options.logDir, `${name}.log`),
    },
  );
  const url = `http://${HOST}:${port}/graphql`;
  await waitUntil(proc, graphqlOk(url, council.auth));
  return { name, url, proc };
}

/**
 * Runs `main` and exits: 0 when it is done, 1 when it fails or outlasts `timeLimitMs`,
 * 130/143 on Ctrl-C/SIGTERM. Whichever comes first stops every process started (after
 * `beforeStop`, e.g. a load in flight) and then calls `afterStop` with the exit code
 * (remove or keep the temporary folder).
 */
export function runBenchmark(options: {
  tag: string;
  timeLimitMs: number;
  /** How the time limit reads in the message, e.g. "600 s". */
  timeLimitText: string;
  main: () => Promise<void>;
  beforeStop?: () => void;
  afterStop: (code: number) => Promise<void>;
}): void {
  // The first reason to finish wins; a later one (main failing because the stop cut its
  // load or processes short) waits for that cleanup instead of exiting in the middle of it.
  let finishing: Promise<never> | undefined;
  const finish = (code: number, reason?: string): Promise<never> => {
    finishing ??= (async () => {
      if (reason) console.error(`[${options.tag}] ${reason}`);
      options.beforeStop?.();
      await stopAll();
      await options.afterStop(code);
      process.exit(code);
    })();
    return finishing;
  };
  process.on('SIGINT', () => void finish(130, 'interrupted; stopping every process started'));
  process.on('SIGTERM', () => void finish(143, 'terminated; stopping every process started'));
  setTimeout(
    () => void finish(1, `took longer than ${options.timeLimitText}; stopped`),
    options.timeLimitMs,
  ).unref();
  options.main().then(
    () => finish(0),
    (error: unknown) => finish(1, error instanceof Error ? error.message : String(error)),
  );
}
