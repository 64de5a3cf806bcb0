/**
 * `pnpm bench:skala`: the combined lägesbild at volume. Writes synthetic years (2000–2019)
 * across Stockholm's thirteen district areas into throwaway SQLite files (a million graffiti
 * reports by default, and incidents, contacts, field observations and police events beside
 * them; the source document's seed is there too), starts the four subgraphs on them and
 * our gateway, and times the council's query: one area and year, and ten years in one
 * request, one at a time and under a little concurrency, and each partner's section alone.
 * The product's own .data/ is never touched. Not a test; see bench/README.md.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LAGESBILD_RAPPORT } from '@lagesbild/rapport';
import { type FieldNode, Kind, parse, print } from 'graphql';
import { SUBGRAPHS } from '../../schema/subgraphs';
import { describeMachine, loadAverage, type Machine } from './maskin';
import { cpuMs, stopAll, stopProcess } from './procs';
import { type SubgraphFetch, startRecorder } from './record';
import {
  councilToken,
  ROOT,
  resultStem,
  runBenchmark,
  startGateway as startOurGateway,
  startSubgraphs,
  writeSupergraph,
} from './stack';

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    klotter: { type: 'string' },
    incidenter: { type: 'string' },
    kontakter: { type: 'string' },
    faltobservationer: { type: 'string' },
    handelser: { type: 'string' },
    omrade: { type: 'string' },
    period: { type: 'string' },
    runs: { type: 'string' },
    concurrency: { type: 'string' },
    data: { type: 'string' },
    'one-year': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`pnpm bench:skala [-- options]
  --klotter N            graffiti reports (default 1 000 000)
  --incidenter N         förvaltning's incidents (200 000)
  --kontakter N          contact counts, one row per area, month, channel (50 000)
  --faltobservationer N  field observations (100 000)
  --handelser N          police events, each at one place (100 000)
  --omrade ID            the area asked for (sodermalm; any of the thirteen)
  --period P             the single period (2016); the multi-year request asks 2010–2019
  --runs N               sequential requests per measurement (20)
  --concurrency C        requests in flight for the concurrent measurement (4)
  --one-year             only the single area-year (not the ten-year request)
  --keep                 keep the temporary folder with the databases, logs and the
                         subgraph requests of each case as recorded (fetches.json)
  --data DIR             reuse the databases of a kept run (DIR = its data/ folder) instead
                         of generating them; the volume options are then ignored
  --no-write             print only; do not write bench/results/`);
  process.exit(0);
}

function count(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${raw} is not a whole number ≥ 0`);
  return n;
}

const VOLUME = {
  klotter: count(flags.klotter, 1_000_000),
  incidenter: count(flags.incidenter, 200_000),
  kontakter: count(flags.kontakter, 50_000),
  faltobservationer: count(flags.faltobservationer, 100_000),
  handelser: count(flags.handelser, 100_000),
};
const OMRADE = flags.omrade ?? 'sodermalm';
const PERIOD = flags.period ?? '2016';
const YEARS = Array.from({ length: 10 }, (_, i) => String(2010 + i));
const RUNS = Math.max(1, count(flags.runs, 20));
const CONCURRENCY = Math.max(1, count(flags.concurrency, 4));
/** Generation of a million rows, starts and the measurements: 23 min at load 14 on 2 cores. */
const TIME_LIMIT_MS = 60 * 60_000;

const log = (message: string) => console.error(`[skala] ${message}`);

/**
 * The council's query for several years in one request: one alias per year, each with the
 * report's selection of `lagesbild`, and the report's fragments (its counts' `Antal`, …).
 */
function multiYearQuery(years: string[]): string {
  const doc = parse(LAGESBILD_RAPPORT);
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const lagesbild = operation?.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'lagesbild',
  );
  if (!lagesbild?.selectionSet) throw new Error('The report query has no lagesbild selection.');
  const selection = print(lagesbild.selectionSet);
  const fields = years.map(
    (y) => `ar${y}: lagesbild(omrade: $omrade, period: "${y}") ${selection}`,
  );
  const fragments = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map(print);
  return [`query LagesbildFleraAr($omrade: String!) {\n${fields.join('\n')}\n}`, ...fragments].join(
    '\n\n',
  );
}

interface Case {
  name: string;
  body: string;
}

const ALL_CASES: Case[] = [
  {
    name: `${OMRADE} ${PERIOD}`,
    body: JSON.stringify({
      query: LAGESBILD_RAPPORT,
      variables: { omrade: OMRADE, period: PERIOD },
    }),
  },
  {
    name: `${OMRADE} ${YEARS[0]}–${YEARS.at(-1)} (${YEARS.length} years, one request)`,
    body: JSON.stringify({ query: multiYearQuery(YEARS), variables: { omrade: OMRADE } }),
  },
];
const CASES = flags['one-year'] ? ALL_CASES.slice(0, 1) : ALL_CASES;

let auth: Record<string, string> = {};

async function post(url: string, body: string): Promise<{ ms: number; text: string }> {
  const t0 = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return { ms: performance.now() - t0, text };
}

interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
  rps?: number;
}

function stats(ms: number[], wallMs?: number): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return {
    n: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1)!,
    ...(wallMs === undefined ? {} : { rps: (sorted.length * 1000) / wallMs }),
  };
}

async function sequential(runs: number, once: () => Promise<number>): Promise<Stats> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await once());
  return stats(ms);
}

async function concurrent(total: number, inFlight: number, once: () => Promise<number>) {
  const ms: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        next++;
        ms.push(await once());
      }
    }),
  );
  return stats(ms, performance.now() - t0);
}

const ANTAL_PREFIX = 'SYNT-ANTAL ';

/** The row counts a generator printed (its log line `SYNT-ANTAL {...}`). */
function radAntal(out: string): Record<string, number> | null {
  const line = out.split('\n').find((l) => l.startsWith(ANTAL_PREFIX));
  return line
    ? (JSON.parse(line.slice(ANTAL_PREFIX.length)) as { antal: Record<string, number> }).antal
    : null;
}

/** Runs one subgraph's generator into `file`; returns its row counts and seconds. */
async function generate(
  subgraph: string,
  args: string[],
  logFile: string,
): Promise<{ antal: Record<string, number>; seconds: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/generera.ts', ...args], {
    cwd: join(ROOT, 'subgraphs', subgraph),
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  await writeFile(logFile, out);
  if (code !== 0) throw new Error(`${subgraph}'s generator failed (${code}); see ${logFile}`);
  const antal = radAntal(out);
  if (!antal) throw new Error(`${subgraph}'s generator printed no row counts; see ${logFile}`);
  return { antal, seconds: (performance.now() - t0) / 1000 };
}

/**
 * A kept run's databases (`--data`): the row counts come from that run's generator logs,
 * beside its data folder; the seconds are not known (NaN, shown as "reused").
 */
async function reuse(
  data: string,
): Promise<Record<string, { antal: Record<string, number>; seconds: number }>> {
  const out: Record<string, { antal: Record<string, number>; seconds: number }> = {};
  for (const name of ['forvaltning', 'polis', 'klotter']) {
    if (!existsSync(join(data, `${name}.sqlite`))) {
      throw new Error(
        `--data ${data}: no ${name}.sqlite there (use the data/ folder of a run kept with --keep)`,
      );
    }
    const logFile = join(dirname(data), `generera-${name}.log`);
    const antal = existsSync(logFile) ? radAntal(await readFile(logFile, 'utf8')) : null;
    out[name] = { antal: antal ?? {}, seconds: Number.NaN };
  }
  return out;
}

const fixed = (n: number | undefined, digits = 0) => (n === undefined ? '–' : n.toFixed(digits));
const cpuText = (cpu: Record<string, number> | undefined) =>
  cpu
    ? Object.entries(cpu)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(', ')
    : '–';
const table = (head: string[], body: string[][]) =>
  [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');

let tmp = '';

async function main(): Promise<void> {
  tmp = await mkdtemp(join(tmpdir(), 'lagesbild-skala-'));
  const data = flags.data ? resolve(flags.data) : join(tmp, 'data');
  if (!flags.data) await mkdir(data, { recursive: true });
  const loadBefore = await loadAverage();
  const started = Date.now();
  log(
    flags.data
      ? `databases reused from ${data}; logs in ${tmp}`
      : `volume ${JSON.stringify(VOLUME)}; databases and logs in ${tmp}`,
  );

  // 1. The volume: förvaltning and polis one after the other beside klotter's million
  // (two processes at a time: the machine has two cores).
  const db = (name: string) => join(data, `${name}.sqlite`);
  const generated = flags.data ? await reuse(data) : await generateAll(db);
  for (const [name, g] of Object.entries(generated)) {
    log(
      `${name}: ${JSON.stringify(g.antal)} ${Number.isNaN(g.seconds) ? 'reused' : `in ${g.seconds.toFixed(0)} s`}`,
    );
  }
  await measure(data, loadBefore, started, generated);
}

async function generateAll(db: (name: string) => string) {
  const [klotter, [forvaltning, polis]] = await Promise.all([
    generate(
      'klotter',
      [String(VOLUME.klotter), '--databas', db('klotter'), '--stockholm', '--tyst'],
      join(tmp, 'generera-klotter.log'),
    ),
    (async () => {
      const f = await generate(
        'forvaltning',
        [
          '--databas',
          db('forvaltning'),
          '--incidenter',
          String(VOLUME.incidenter),
          '--kontakter',
          String(VOLUME.kontakter),
          '--faltobservationer',
          String(VOLUME.faltobservationer),
          '--tyst',
        ],
        join(tmp, 'generera-forvaltning.log'),
      );
      const p = await generate(
        'polis',
        ['--databas', db('polis'), '--handelser', String(VOLUME.handelser), '--tyst'],
        join(tmp, 'generera-polis.log'),
      );
      return [f, p] as const;
    })(),
  ]);
  return { forvaltning, polis, klotter };
}

async function measure(
  data: string,
  loadBefore: number,
  started: number,
  generated: Record<string, { antal: Record<string, number>; seconds: number }>,
): Promise<void> {
  // 2. The four subgraphs on those files (skolor on its seed alone), and our gateway.
  const council = await councilToken(data, 'bench:skala');
  auth = council.auth;
  const { urls: subgraphUrls, procs: subgraphProcs } = await startSubgraphs(
    council.serviceEnv,
    tmp,
  );
  const pidOf = (name: string) => subgraphProcs.find((p) => p.name === name)?.pid;
  const startGateway = async (name: string, urls: Record<string, string>) =>
    startOurGateway({
      name,
      urls,
      supergraph: await writeSupergraph(join(tmp, `${name}.graphql`), urls),
      council,
      logDir: tmp,
      // Ten years of the picture in one request is ten times its cost, and at this
      // volume a section may take longer than the council's default patience: the
      // benchmark measures latency, it does not cut it off. The response cache is off: the
      // report's operation is one it keeps, and a hit would time the cache, not the SQL.
      // (Identical requests in flight still share their subgraph queries, as in production.)
      env: {
        GATEWAY_MAX_COST: '1000000',
        SUBGRAPH_TIMEOUT_MS: '120000',
        GATEWAY_SVARSCACHE: 'off',
      },
    });

  // 3. What the gateway asks each subgraph for each case (recorded once), and the answer's
  // shape: it must be whole, and its counts say how much data one request covered.
  const recorder = await startRecorder(subgraphUrls);
  const recording = await startGateway('gateway-recording', recorder.urls);
  const fetches = new Map<string, SubgraphFetch[]>();
  const answers: { name: string; bytes: number; summary: string }[] = [];
  for (const c of CASES) {
    const { text } = await post(recording.url, c.body);
    const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors || !body.data) {
      throw new Error(`${c.name}: the answer is not whole: ${text.slice(0, 500)}`);
    }
    fetches.set(c.name, recorder.take());
    answers.push({ name: c.name, bytes: text.length, summary: summarise(body.data) });
  }
  await stopProcess(recording.proc);
  await recorder.close();
  // What each subgraph was asked, to replay or profile one section by hand (kept with --keep).
  await writeFile(
    join(tmp, 'fetches.json'),
    JSON.stringify(
      Object.fromEntries(
        [...fetches].map(([name, list]) => [
          name,
          list.map((f) => ({ subgraph: f.subgraph, body: JSON.parse(f.body) as unknown })),
        ]),
      ),
      null,
      2,
    ),
  );

  // 4. The combined query through our gateway, then each subgraph's section alone.
  const gateway = await startGateway('gateway', subgraphUrls);
  const combined: { name: string; mode: string; s: Stats; cpu?: Record<string, number> }[] = [];
  // CPU time per request of each process (utime + stime from /proc): unlike latency, it
  // hardly moves when other work shares the cores.
  const cpuOwners = [
    { name: 'gateway', pid: gateway.proc.pid },
    ...SUBGRAPHS.map((s) => ({ name: s.name, pid: pidOf(s.name) })),
  ].filter((o): o is { name: string; pid: number } => o.pid !== undefined);
  const cpuNow = async () =>
    Object.fromEntries(
      await Promise.all(cpuOwners.map(async (o) => [o.name, await cpuMs([o.pid])] as const)),
    );
  for (const c of CASES) {
    const once = async () => (await post(gateway.url, c.body)).ms;
    await once(); // warm: plan cache, statement cache, SQLite's page cache
    const cpuBefore = await cpuNow();
    const seq = await sequential(RUNS, once);
    const cpuAfter = await cpuNow();
    const cpu = Object.fromEntries(
      cpuOwners.map((o) => [o.name, ((cpuAfter[o.name] ?? 0) - (cpuBefore[o.name] ?? 0)) / RUNS]),
    );
    combined.push({ name: c.name, mode: 'sequential', s: seq, cpu });
    log(
      `${c.name}, sequential: p50 ${fixed(seq.p50)} ms, p99 ${fixed(seq.p99)} ms; CPU ms/request ${cpuText(cpu)}`,
    );
    const conc = await concurrent(RUNS * CONCURRENCY, CONCURRENCY, once);
    combined.push({ name: c.name, mode: `${CONCURRENCY} in flight`, s: conc });
    log(
      `${c.name}, ${CONCURRENCY} in flight: p50 ${fixed(conc.p50)} ms, p99 ${fixed(conc.p99)} ms, ${fixed(conc.rps, 1)} req/s`,
    );
  }
  const sections: {
    name: string;
    subgraph: string;
    requests: number;
    s: Stats;
    cpu?: number;
  }[] = [];
  for (const c of CASES) {
    const recorded = fetches.get(c.name) ?? [];
    for (const s of SUBGRAPHS) {
      const mine = recorded.filter((f) => f.subgraph === s.name);
      if (mine.length === 0) continue;
      // The section's requests one after another, as the gateway's plan sends them.
      const once = async () => {
        let ms = 0;
        for (const f of mine) ms += (await post(f.url, f.body)).ms;
        return ms;
      };
      await once();
      const pid = pidOf(s.name);
      const cpuBefore = pid === undefined ? 0 : await cpuMs([pid]);
      const st = await sequential(RUNS, once);
      const cpu = pid === undefined ? undefined : ((await cpuMs([pid])) - cpuBefore) / RUNS;
      sections.push({ name: c.name, subgraph: s.name, requests: mine.length, s: st, cpu });
      log(
        `${c.name}, ${s.name} alone (${mine.length} requests): p50 ${fixed(st.p50)} ms, CPU ${fixed(cpu, 1)} ms/request`,
      );
    }
  }
  await stopAll();

  // 5. The report.
  const machine = await describeMachine({ before: loadBefore, after: await loadAverage() });
  const text = render({ machine, generated, answers, combined, sections });
  console.log(text);
  if (!flags['no-write']) {
    const day = machine.date.slice(0, 10);
    const file = `${await resultStem(`skala-${day}`, ['.md'])}.md`;
    await writeFile(
      file,
      `# Scale benchmark ${day}\n\nWritten by \`pnpm bench:skala\` (bench/src/skala.ts).\n\n${text}\n`,
    );
    log(`written: ${file}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** How much one answer holds: per year, the counts the council reads. */
function summarise(data: Record<string, unknown>): string {
  // Counts are protected counts ({ antal, visning }); the benchmark signs in as the
  // council, which is cleared, so `antal` is the number.
  type Antal = { antal?: number | null };
  type Bild = {
    forvaltning?: { incidenterAntal?: Antal; kontakterAntal?: Antal };
    polis?: { handelserAntal?: Antal };
    klotter?: { antal?: Antal };
  };
  let incidenter = 0;
  let kontakter = 0;
  let handelser = 0;
  let klotter = 0;
  for (const value of Object.values(data)) {
    const b = value as Bild;
    incidenter += b.forvaltning?.incidenterAntal?.antal ?? 0;
    kontakter += b.forvaltning?.kontakterAntal?.antal ?? 0;
    handelser += b.polis?.handelserAntal?.antal ?? 0;
    klotter += b.klotter?.antal?.antal ?? 0;
  }
  const n = (x: number) => x.toLocaleString('sv-SE');
  return `${n(incidenter)} incidents, ${n(kontakter)} contacts, ${n(handelser)} police events, ${n(klotter)} graffiti reports`;
}

function render(r: {
  machine: Machine;
  generated: Record<string, { antal: Record<string, number>; seconds: number }>;
  answers: { name: string; bytes: number; summary: string }[];
  combined: { name: string; mode: string; s: Stats; cpu?: Record<string, number> }[];
  sections: { name: string; subgraph: string; requests: number; s: Stats; cpu?: number }[];
}): string {
  const { machine } = r;
  const busy = machine.loadAverage.before > machine.cores;
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.date}`,
    `Load average (1 min) before the run ${machine.loadAverage.before}, after ${machine.loadAverage.after}${
      busy ? ': above the core count, other work shared the cores and every figure is high.' : '.'
    }`,
    `SQLite (libSQL) files in a temporary folder; synthetic years 2000–2019 across Stockholm's 13 district areas beside the source document's seed; skolor on its seed alone. Sequential: ${RUNS} requests after one warm-up; concurrent: ${RUNS * CONCURRENCY} requests, ${CONCURRENCY} in flight. Council token (RADET).`,
    '',
    table(
      ['subgraph', 'rows per table (seed included)', 'generated in'],
      Object.entries(r.generated).map(([name, g]) => [
        name,
        Object.entries(g.antal)
          .map(([t, n]) => `${t} ${n.toLocaleString('sv-SE')}`)
          .join(', '),
        Number.isNaN(g.seconds) ? 'reused (--data)' : `${g.seconds.toFixed(0)} s`,
      ]),
    ),
    '',
    table(
      ['request', 'answer bytes', 'what it covers'],
      r.answers.map((a) => [a.name, a.bytes.toLocaleString('sv-SE'), a.summary]),
    ),
    '',
    'The combined lägesbild through our gateway:',
    '',
    table(
      ['request', 'mode', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'CPU ms/request'],
      r.combined.map((c) => [
        c.name,
        c.mode,
        String(c.s.n),
        fixed(c.s.p50),
        fixed(c.s.p99),
        fixed(c.s.max),
        fixed(c.s.rps, 1),
        cpuText(c.cpu),
      ]),
    ),
    '',
    "Each partner's section alone: the requests the gateway sends that subgraph for the request, sent directly one after another, sequentially:",
    '',
    table(
      ['request', 'subgraph', 'its requests', 'p50 ms', 'p99 ms', 'max ms', 'CPU ms/request'],
      r.sections.map((s) => [
        s.name,
        s.subgraph,
        String(s.requests),
        fixed(s.s.p50),
        fixed(s.s.p99),
        fixed(s.s.max),
        fixed(s.cpu, 1),
      ]),
    ),
  ].join('\n');
}

runBenchmark({
  tag: 'skala',
  timeLimitMs: TIME_LIMIT_MS,
  timeLimitText: `${TIME_LIMIT_MS / 60_000} min`,
  main,
  afterStop: async (code) => {
    // A failed run keeps its databases and logs to read; --keep keeps them always.
    if (code !== 1 && tmp && !flags.keep) await rm(tmp, { recursive: true, force: true });
    else if (tmp) console.error(`[skala] kept: ${tmp}`);
  },
});
