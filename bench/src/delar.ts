/**
 * `pnpm bench:delar`: what the lägesbild's parts cost together and alone, in the same run.
 *
 * Together: our gateway loaded with the lägesbild by distinct readers, every subgraph's CPU
 * per picture measured from /proc, its main thread apart from its other threads (V8's GC
 * helpers and background compiling). Alone: each subgraph loaded directly with exactly the
 * requests the gateway sends it for one picture (recorded through a pass-through), by the
 * same readers, nothing else running but the load. The ratio together ÷ alone is what the
 * shared cores add to each part: seven busy processes on two cores preempt one another
 * and share their caches, where a part alone has a core to itself. Rounds alternate the
 * two, so a machine whose speed drifts within the hour shows in both.
 *
 * Not a test; never run in CI. Needs `pnpm build` (the services run compiled, as in
 * production).
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { describeMachine, loadAverage, type Machine } from './maskin';
import { cpuByThread, type Proc, stopProcess } from './procs';
import { QUERIES } from './queries';
import { type SubgraphFetch, startRecorder } from './record';
import {
  type Council,
  councilToken,
  type Gateway,
  positiveOption,
  resultStem,
  runBenchmark,
  startGateway,
  startSubgraphs,
  writeSupergraph,
} from './stack';

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rounds: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    settle: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`pnpm bench:delar [-- options]
  --rounds N     rounds, each the whole picture and then every subgraph alone (default 3)
  --duration S   seconds measured per load (default 10)
  --warmup S     seconds of unmeasured load before each (default 3)
  --settle S     seconds of unmeasured load after the start, before the first round (default 15)
  --no-write     print only; do not write bench/results/

20 connections; 20 distinct readers (role RADET) take turns, one picture each.
Run \`pnpm build\` first.`);
  process.exit(0);
}

const ROUNDS = positiveOption(flags.rounds, 3, '--rounds');
const DURATION = positiveOption(flags.duration, 10, '--duration');
const WARMUP = positiveOption(flags.warmup, 3, '--warmup');
const SETTLE = positiveOption(flags.settle, 15, '--settle');
const CONNECTIONS = 20;
const LAGESBILD = QUERIES.find((q) => q.name === 'lägesbild');
if (!LAGESBILD) throw new Error('no lägesbild query in queries.ts');

const log = (message: string) => console.error(`[bench:delar] ${message}`);

let tmp = '';
let current: autocannon.Instance | undefined;

interface Cpu {
  main: number;
  others: number;
}

/**
 * One load: requests completed and refused (a status other than 2xx, an error, a timeout),
 * then each request asked once more and its answer compared with the one recorded before:
 * the bodies are checked around the load, not during it, so the load generator keeps up
 * with a subgraph alone.
 */
async function load(
  options: { url: string; requests: { path: string; body: string; expected: string }[] },
  readers: Record<string, string>[],
  seconds: number,
): Promise<number> {
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    current = autocannon(
      {
        url: options.url,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        requests: options.requests.map((r) => ({
          method: 'POST',
          path: r.path,
          body: r.body,
          // One pass through a picture's requests is one reader's (autocannon starts each
          // pass with a fresh context); the readers take turns, as the gateway's callers do.
          setupRequest: (request, context: { reader?: Record<string, string> }) => {
            context.reader ??= readers[next++ % readers.length];
            return {
              ...request,
              headers: { 'content-type': 'application/json', ...context.reader },
            };
          },
        })),
      },
      (error, res) => {
        current = undefined;
        if (error) reject(error);
        else resolve(res);
      },
    );
  });
  const refused = result.non2xx + result.errors + result.timeouts;
  if (refused > 0) throw new Error(`${options.url}: ${refused} requests refused under load`);
  for (const r of options.requests) {
    const answer = await answerOf(`${options.url}${r.path}`, r.body, readers[0]!);
    if (answer !== r.expected)
      throw new Error(`${options.url}${r.path} answered differently after the load`);
  }
  return result.requests.total;
}

async function cpuOf(procs: Proc[]): Promise<Map<string, Cpu>> {
  const out = new Map<string, Cpu>();
  for (const p of procs) out.set(p.name, await cpuByThread(p.pid));
  return out;
}

/** CPU per picture of each process between two readings. */
function perPicture(
  before: Map<string, Cpu>,
  after: Map<string, Cpu>,
  pictures: number,
): Map<string, Cpu> {
  const out = new Map<string, Cpu>();
  for (const [name, b] of before) {
    const a = after.get(name) ?? b;
    out.set(name, {
      main: (a.main - b.main) / pictures,
      others: (a.others - b.others) / pictures,
    });
  }
  return out;
}

interface Round {
  picturesPerSecond: number;
  together: Map<string, Cpu>;
  alone: Map<string, Cpu & { picturesPerSecond: number }>;
}

async function answerOf(url: string, body: string, auth: Record<string, string>): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) {
    throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 400)}`);
  }
  return text;
}

async function main(): Promise<void> {
  tmp = await mkdtemp(join(tmpdir(), 'lagesbild-delar-'));
  const loadBefore = await loadAverage();
  const council: Council = await councilToken(join(tmp, 'data'), 'bench:radet');
  const readers = await council.readers(CONNECTIONS);
  const { urls, procs: subgraphs } = await startSubgraphs(council.serviceEnv, tmp, { prod: true });
  log(`subgraphs up; logs in ${tmp}`);
  const body = JSON.stringify({ query: LAGESBILD!.query, variables: LAGESBILD!.variables });
  const env = { GATEWAY_SVARSCACHE: 'off' };

  // What the gateway sends each subgraph for one picture: the third ask's (a first ask of a
  // fresh system batches by the event loop's turns less evenly).
  const recorder = await startRecorder(urls);
  const recording: Gateway = await startGateway({
    name: 'gateway-recording',
    urls: recorder.urls,
    supergraph: await writeSupergraph(join(tmp, 'supergraph-recorded.graphql'), recorder.urls),
    council,
    logDir: tmp,
    env,
    prod: true,
  });
  let fetches: SubgraphFetch[] = [];
  for (let ask = 0; ask < 3; ask++) {
    await answerOf(recording.url, body, council.auth);
    await recorder.settled();
    fetches = recorder.take();
  }
  await stopProcess(recording.proc);
  await recorder.close();
  const parts = subgraphs
    .map((proc) => ({ proc, mine: fetches.filter((f) => f.subgraph === proc.name) }))
    .filter((p) => p.mine.length > 0);
  log(`one picture: ${parts.map((p) => `${p.proc.name} ${p.mine.length} request(s)`).join(', ')}`);
  const direct = await Promise.all(
    parts.map(async ({ proc, mine }) => ({
      proc,
      url: new URL(mine[0]!.url).origin,
      requests: await Promise.all(
        mine.map(async (f) => ({
          path: new URL(f.url).pathname,
          body: f.body,
          expected: await answerOf(f.url, f.body, readers[0]!),
        })),
      ),
    })),
  );

  const gateway = await startGateway({
    name: 'gateway',
    urls,
    supergraph: await writeSupergraph(join(tmp, 'supergraph.graphql'), urls),
    council,
    logDir: tmp,
    env,
    prod: true,
  });
  const whole = {
    url: new URL(gateway.url).origin,
    requests: [
      { path: '/graphql', body, expected: await answerOf(gateway.url, body, readers[0]!) },
    ],
  };
  const everyone = [gateway.proc, ...subgraphs];
  log(`settling ${SETTLE} s`);
  await load(whole, readers, SETTLE);
  for (const d of direct) await load(d, readers, WARMUP);

  const rounds: Round[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    await load(whole, readers, WARMUP);
    const before = await cpuOf(everyone);
    const together = await load(whole, readers, DURATION);
    const after = await cpuOf(everyone);
    const round: Round = {
      picturesPerSecond: together / DURATION,
      together: perPicture(before, after, together),
      alone: new Map(),
    };
    for (const d of direct) {
      await load(d, readers, WARMUP);
      const b = await cpuOf([d.proc]);
      const alone = await load(d, readers, DURATION);
      const a = await cpuOf([d.proc]);
      const pictures = alone / d.requests.length;
      const cpu = perPicture(b, a, pictures).get(d.proc.name)!;
      round.alone.set(d.proc.name, { ...cpu, picturesPerSecond: pictures / DURATION });
    }
    rounds.push(round);
    log(`round ${r}: ${round.picturesPerSecond.toFixed(0)} pictures/s together`);
  }

  const machine = await describeMachine({ before: loadBefore, after: await loadAverage() });
  const text = render(rounds, machine, direct);
  console.log(text);
  if (!flags['no-write']) {
    const file = `${await resultStem(`delar-${machine.date.slice(0, 10)}`, ['.md'])}.md`;
    await writeFile(file, text);
    log(`written: ${file}`);
  }
}

const ms = (n: number) => n.toFixed(2);

function render(
  rounds: Round[],
  machine: Machine,
  direct: { proc: Proc; requests: unknown[] }[],
): string {
  const lines = [
    `# The lägesbild's parts, together and alone (${machine.date.slice(0, 10)})`,
    '',
    'Written by `pnpm bench:delar` (bench/src/delar.ts). CPU is milliseconds per picture from',
    '/proc: the main thread + the other threads (V8’s GC helpers, background compiling).',
    '"Together": our gateway (compiled, response cache off) loaded with the lägesbild.',
    '"Alone": the subgraph loaded directly with the requests the gateway sends it for one',
    'picture. No request was refused, and every answer was the one recorded before, asked again after each load.',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}.`,
    `Load average (1 min) before ${machine.loadAverage.before}, after ${machine.loadAverage.after}.`,
    `Load: autocannon, ${CONNECTIONS} connections; ${CONNECTIONS} distinct readers (role RADET) take turns, one picture each; ${DURATION} s measured after ${WARMUP} s; ${SETTLE} s of settling after the start.`,
    `Requests per picture: ${direct.map((d) => `${d.proc.name} ${d.requests.length}`).join(', ')}.`,
    '',
  ];
  rounds.forEach((round, i) => {
    lines.push(
      `## Round ${i + 1}: ${round.picturesPerSecond.toFixed(0)} pictures/s together`,
      '',
      '| part | together ms | alone ms | together ÷ alone | alone pictures/s |',
      '| --- | --- | --- | --- | --- |',
    );
    const cell = (c: Cpu) => `${ms(c.main + c.others)} (${ms(c.main)} + ${ms(c.others)})`;
    const gateway = round.together.get('gateway');
    if (gateway) lines.push(`| gateway | ${cell(gateway)} | – | – | – |`);
    // The subgraphs the picture asks (those measured alone too).
    let together = 0;
    let alone = 0;
    for (const [name, a] of round.alone) {
      const t = round.together.get(name);
      if (!t) continue;
      together += t.main + t.others;
      alone += a.main + a.others;
      lines.push(
        `| ${name} | ${cell(t)} | ${cell(a)} | ${((t.main + t.others) / (a.main + a.others)).toFixed(2)} | ${a.picturesPerSecond.toFixed(0)} |`,
      );
    }
    lines.push(
      `| subgraphs | ${ms(together)} | ${ms(alone)} | ${(together / alone).toFixed(2)} | |`,
      '',
    );
  });
  return `${lines.join('\n')}\n`;
}

// Starts, checks and the loads (the whole picture and up to five subgraphs alone per round), with
// room for a slow machine.
const TIME_LIMIT_S = 300 + SETTLE + ROUNDS * 6 * (WARMUP + DURATION);

runBenchmark({
  tag: 'bench:delar',
  timeLimitMs: TIME_LIMIT_S * 1000,
  timeLimitText: `${TIME_LIMIT_S} s`,
  main,
  beforeStop: () => current?.stop(),
  afterStop: async (code) => {
    if (code !== 1 && tmp) await rm(tmp, { recursive: true, force: true });
  },
});
