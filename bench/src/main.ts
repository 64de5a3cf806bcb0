/**
 * `pnpm bench`: our gateway, Hive Gateway and the slowest subgraph alone (the floor),
 * side by side, under the same load, with the dashboard's combined picture and an
 * analyst's deep query. Not a test: it never runs in CI. See bench/README.md.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { describeMachine, loadAverage } from './maskin';
import {
  cpuMs,
  freePort,
  graphqlOk,
  HOST,
  type Proc,
  rssBytes,
  rssPeak,
  startProcess,
  stopAll,
  stopProcess,
  waitUntil,
} from './procs';
import { type ProfileSummary, summariseProfile } from './profile';
import { type BenchQuery, QUERIES } from './queries';
import { type SubgraphFetch, startRecorder } from './record';
import {
  BESIDE_CACHE,
  type Report,
  type Row,
  renderMarkdown,
  renderTable,
  takeBestHive,
} from './report';
import {
  BENCH,
  type Council,
  councilToken,
  positiveOption,
  resultStem,
  runBenchmark,
  startGateway as startOurGateway,
  startSubgraphs,
  writeSupergraph,
} from './stack';

const HIVE_BIN = join(BENCH, 'node_modules/@graphql-hive/gateway/dist/bin.js');
/**
 * Times each gateway is asked each query to count its subgraph requests: batching by tick
 * depends on timing (Hive Gateway sent 16 or 18 for the analyst's query, ask to ask).
 */
const FAN_OUT_ASKS = 3;

/**
 * Hive Gateway, measured in two configurations; per query the faster by req/s is the row
 * `hive` that the ratios and the goals compare against ("Hive Gateway at its best"), the
 * other is kept as a row under its own label.
 * Both pass the caller's `authorization` header on to every subgraph request, as our
 * gateway does (its forwardHeaders), or the subgraphs refuse them.
 * - `defaults`: nothing else set.
 * - `dedup + batch`: in-flight deduplication of identical subgraph requests
 *   (`transportEntries['*.http'].options.deduplicateInflightRequests`, the HTTP transport's
 *   option, @graphql-tools/executor-http; its key is URL + method + body + the propagated
 *   headers, i.e. the token, as ours) and subgraph batching (`__experimental__batchExecution`,
 *   @graphql-mesh/fusion-runtime → @graphql-tools/batch-execute: the fetches of one tick to
 *   one subgraph merged into one operation, per client request), both set explicitly. Both
 *   are defaults in 2.15.1's code, yet on the bench machine this configuration made Hive
 *   Gateway about 3× slower than the first (17 req/s against 52), so neither is assumed best.
 * Entity batching per type (batch-delegate) is always on. Its `batching` option is
 * client-to-gateway batching; the bench's clients send single operations, so it would
 * change nothing.
 */
interface HiveConfig {
  /** In the rows, the ratios and the goals: `hive (<label>)`. */
  label: string;
  /** Process and log names. */
  slug: string;
  /** What is set beyond header propagation, for the report. */
  options: string;
  /** gateway.config.mjs. */
  file: string;
}

const hiveConfigFile = (extra = '') => `export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
    }),
  },
${extra}};
`;

const HIVE_CONFIGS: HiveConfig[] = [
  {
    label: 'defaults',
    slug: 'hive-defaults',
    options: 'header propagation only',
    file: hiveConfigFile(),
  },
  {
    label: 'dedup + batch',
    slug: 'hive-dedup-batch',
    options:
      "transportEntries['*.http'].options.deduplicateInflightRequests: true, __experimental__batchExecution: true",
    file: hiveConfigFile(`  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: true } },
  },
  __experimental__batchExecution: true,
`),
  },
];

const { values: flags } = parseArgs({
  // `pnpm bench -- --duration 5` passes the `--` on.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    connections: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    settle: { type: 'string' },
    probe: { type: 'string' },
    rounds: { type: 'string' },
    profile: { type: 'boolean', default: false },
    prod: { type: 'boolean', default: false },
    'no-prod': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`pnpm bench [-- options]
  --connections N   concurrent connections (BENCH_CONNECTIONS, default 20)
  --duration S      seconds of load per target and query (BENCH_DURATION, default 10)
  --warmup S        seconds of unmeasured load before each (BENCH_WARMUP, default 2)
  --settle S        seconds of unmeasured load per query when a gateway has just started,
                    before its first row: the JIT settles, as in a service that has run a
                    while (BENCH_SETTLE, default 15)
  --probe S         seconds per subgraph request when choosing the floor (BENCH_PROBE, default 2)
  --rounds N        back-to-back loads of our gateway for the memory check (BENCH_ROUNDS, default 12)
  --profile         also one load with our gateway and every subgraph under --cpu-prof; summarises each
  --prod            (default) our gateway and the subgraphs compiled: node dist/index.js (pnpm build first)
  --no-prod         start them from src with tsx instead (BENCH_PROD=0)
  --no-write        print only; do not write bench/results/

By default every connection is a distinct reader (its own signed token, role RADET);
the rows "ours, one token" send one token on every connection.`);
  process.exit(0);
}

/** A flag, or else its environment variable (`BENCH_…`), as a positive number. */
function numberOption(flag: string | undefined, variable: string, fallback: number): number {
  return positiveOption(flag ?? process.env[variable], fallback, variable);
}

const CONNECTIONS = numberOption(flags.connections, 'BENCH_CONNECTIONS', 20);
const DURATION = numberOption(flags.duration, 'BENCH_DURATION', 10);
const WARMUP = numberOption(flags.warmup, 'BENCH_WARMUP', 2);
const SETTLE = numberOption(flags.settle, 'BENCH_SETTLE', 15);
const PROBE = numberOption(flags.probe, 'BENCH_PROBE', 2);
const ROUNDS = numberOption(flags.rounds, 'BENCH_ROUNDS', 12);
/** Compiled services (E's contract: S/dist/index.js after `pnpm build`), unless --no-prod. */
const PROD = flags.prod || (!flags['no-prod'] && process.env.BENCH_PROD !== '0');

/** Everything the run can take, with room for starts: past this it stops itself. */
const TIME_LIMIT_MS =
  // ≈300 s for the starts (five subgraphs, up to eight gateways) and the checks on a busy
  // machine. Loads per query: ours, ours with one token, the floor and Hive Gateway in each
  // of its configurations; then the cache row and the floor beside it, the rounds and the
  // profiled row.
  (300 +
    (DURATION + WARMUP) *
      (QUERIES.length * (3 + HIVE_CONFIGS.length) + 2 + ROUNDS + (flags.profile ? 2 : 0)) +
    // Settling: ours and each Hive configuration per query, the cache gateway and the
    // profiled one for the lägesbild.
    SETTLE * (QUERIES.length * (1 + HIVE_CONFIGS.length) + 1 + (flags.profile ? 1 : 0)) +
    PROBE * 16) *
  1000;

const log = (message: string) => console.error(`[bench] ${message}`);

interface Target {
  name: string;
  url: string;
  /** The gateway's process; the floor has none (the subgraph is counted with the subgraphs). */
  proc?: Proc;
}

interface Expected {
  query: BenchQuery;
  /** The request body sent to the target. */
  body: string;
  /** The response the target must give, parsed. */
  response: unknown;
}

/**
 * Every process started gets its environment: one shared secret (random per run), so the
 * gateways and the subgraphs verify the token the benchmark signs. Set in main().
 */
let council: Council = { serviceEnv: {}, auth: {}, readers: async () => [] };
/**
 * The council's (RADET) bearer token: readiness, reference, checks and the one-token rows.
 * Set in main().
 */
let auth: Record<string, string> = {};
/** One token per connection, same role, distinct subjects: the default load. Set in main(). */
let readers: Record<string, string>[] = [];

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body,
  });
  return { status: response.status, text: await response.text() };
}

const requestBody = (q: BenchQuery) =>
  JSON.stringify({ query: q.query, variables: q.variables, operationName: null });

let current: autocannon.Instance | undefined;

/**
 * Loads `url` with `body` on CONNECTIONS connections; connection i sends the token
 * `who[i % who.length]` (its own reader by default; one token for the one-token rows).
 */
function load(
  url: string,
  body: string,
  seconds: number,
  expectBody?: string,
  who: Record<string, string>[] = readers,
): Promise<autocannon.Result> {
  if (who.length === 0) throw new Error('no token to load with');
  let next = 0;
  return new Promise((resolve, reject) => {
    current = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...who[0] },
        // Called once per connection, before its first request; a reconnect keeps it.
        setupClient: (client) => {
          client.setHeaders({ 'content-type': 'application/json', ...who[next++ % who.length] });
        },
        body,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        ...(expectBody === undefined ? {} : { expectBody }),
      },
      (error, result) => {
        current = undefined;
        if (error) reject(error);
        else resolve(result);
      },
    );
  });
}

/**
 * The body a target answers, checked against the expected one; returned for expectBody.
 * Up to three asks: on a crowded machine one answer can miss a source (the gateway's
 * subgraph timeout) right after a load; a target that answers differently thrice fails.
 */
async function checkBody(target: Target, expected: Expected, ask = 1): Promise<string> {
  const { status, text } = await post(target.url, expected.body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${target.name} answered ${expected.query.name} with non-JSON (${status})`);
  }
  if (status !== 200 || !isDeepStrictEqual(parsed, expected.response)) {
    if (ask < 3) {
      log(
        `${target.name} answered ${expected.query.name} differently (HTTP ${status}); asking again`,
      );
      await new Promise((r) => setTimeout(r, 1000));
      return checkBody(target, expected, ask + 1);
    }
    const file = join(tmp, `mismatch-${target.name}-${expected.query.name}.json`);
    await writeFile(file, JSON.stringify({ expected: expected.response, got: parsed }, null, 2));
    throw new Error(
      `${target.name} answered ${expected.query.name} differently from the reference (HTTP ${status}); both are in ${file}`,
    );
  }
  // The same request must get the same bytes every time, or expectBody would count noise.
  const again = await post(target.url, expected.body);
  if (again.text !== text) {
    throw new Error(`${target.name} answers ${expected.query.name} with varying bytes`);
  }
  return text;
}

async function measure(
  target: Target,
  expected: Expected,
  subgraphPids: number[],
  who: Record<string, string>[] = readers,
  /** Called as the measured load starts (after the check and the warm-up). */
  onMeasuring?: () => void,
): Promise<Row> {
  const exact = await checkBody(target, expected);
  await load(target.url, expected.body, WARMUP, exact, who);
  const gatewayPid = target.proc?.pid;
  const gatewayBefore = gatewayPid ? await cpuMs([gatewayPid]) : 0;
  const subgraphsBefore = await cpuMs(subgraphPids);
  const peak = gatewayPid ? rssPeak(gatewayPid) : undefined;
  onMeasuring?.();
  // autocannon runs in this process, which does nothing else meanwhile but the RSS probe.
  const loadCpuBefore = process.cpuUsage();
  const result = await load(target.url, expected.body, DURATION, exact, who);
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const gatewayCpu = gatewayPid ? (await cpuMs([gatewayPid])) - gatewayBefore : undefined;
  const subgraphsCpu = (await cpuMs(subgraphPids)) - subgraphsBefore;
  const peakRss = peak ? await peak.stop() : undefined;
  const requests = result.requests.total;
  if (requests === 0) {
    log(
      `${target.name} × ${expected.query.name}: no request completed within ${DURATION} s (answers slower than the load lasted): no figure; lengthen --duration`,
    );
  }
  const row: Row = {
    target: target.name,
    query: expected.query.name,
    readers: Math.min(who.length, CONNECTIONS),
    requests,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    timeouts: result.timeouts,
    peakRssMb: peakRss === undefined ? undefined : peakRss / 2 ** 20,
    gatewayCpuMsPerRequest:
      gatewayCpu === undefined || !requests ? undefined : gatewayCpu / requests,
    subgraphsCpuMsPerRequest: requests ? subgraphsCpu / requests : undefined,
    loadCpuMsPerRequest: requests ? (loadCpu.user + loadCpu.system) / 1000 / requests : undefined,
  };
  log(
    `${row.target} × ${row.query}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.errors} errors${row.errors ? ` (${result.errors} connection, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.mismatches} other bodies)` : ''}; CPU ms/req gateway ${row.gatewayCpuMsPerRequest?.toFixed(2) ?? '–'}, subgraphs ${row.subgraphsCpuMsPerRequest?.toFixed(2) ?? '–'}`,
  );
  return row;
}

/**
 * A gateway just started runs its first requests cold: V8 compiles the hot paths of the
 * gateway and of the subgraphs it asks as they run, and a short warm-up leaves that inside
 * the measured load (with 2 s, a row came out 20–40 % below the same row after 20 s). Each
 * gateway is therefore loaded SETTLE seconds per query before its first row, as a service
 * that has run a while; every target gets the same, and the subgraphs are shared.
 */
async function settle(target: Target, expected: readonly Expected[]): Promise<void> {
  for (const e of expected) {
    const exact = await checkBody(target, e);
    await load(target.url, e.body, SETTLE, exact);
  }
  log(`${target.name}: settled (${SETTLE} s per query)`);
}

async function startGateway(
  name: string,
  subgraphUrls: Record<string, string>,
  extraNodeArgs: string[] = [],
  /** The response cache (gateway/src/svarscache.ts): off unless a row is about it. */
  svarscache: 'on' | 'off' = 'off',
): Promise<Target> {
  return startOurGateway({
    name,
    urls: subgraphUrls,
    supergraph: supergraphPath,
    council,
    logDir: tmp,
    env: { GATEWAY_SVARSCACHE: svarscache },
    nodeArgs: extraNodeArgs,
    prod: PROD,
  });
}

async function startHive(
  hive: HiveConfig,
  supergraphFile = supergraphPath,
  name = hive.slug,
): Promise<Target> {
  const port = await freePort();
  const cwd = join(tmp, name);
  await mkdir(cwd, { recursive: true });
  const config = join(cwd, 'gateway.config.mjs');
  await writeFile(config, hive.file);
  const proc = startProcess(
    name,
    [
      HIVE_BIN,
      'supergraph',
      supergraphFile,
      '--config-path',
      config,
      '--host',
      HOST,
      '--port',
      String(port),
    ],
    { cwd, env: { ...council.serviceEnv }, logFile: join(tmp, `${name}.log`) },
  );
  const url = `http://${HOST}:${port}/graphql`;
  await waitUntil(proc, graphqlOk(url, auth));
  return { name: `hive (${hive.label})`, url, proc };
}

let tmp = '';
let supergraphPath = '';

const mb = (bytes: number) => bytes / 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A .cpuprofile written into `dir` by --cpu-prof, summarised from `fromMs` after the
 * process started (the measured load's start), and kept whole under results/.
 */
async function keptProfile(
  dir: string,
  keep: string,
  fromMs: number,
): Promise<ProfileSummary | undefined> {
  const file = (await readdir(dir).catch(() => [] as string[])).find((f) =>
    f.endsWith('.cpuprofile'),
  );
  if (!file) {
    log(`no CPU profile in ${dir}`);
    return undefined;
  }
  // Kept (not committed: .gitignore) to open in Chrome DevTools or speedscope.
  const kept = join(BENCH, 'results', `${keep}.cpuprofile`);
  await mkdir(join(BENCH, 'results'), { recursive: true });
  await copyFile(join(dir, file), kept);
  log(`profile: ${kept}`);
  return summariseProfile(join(dir, file), 15, fromMs);
}

async function main(): Promise<void> {
  tmp = await mkdtemp(join(tmpdir(), 'lagesbild-bench-'));
  const started = Date.now();
  const loadBefore = await loadAverage();
  log(
    `${CONNECTIONS} connections (${CONNECTIONS} distinct readers), ${DURATION} s per load (+${WARMUP} s warm-up), ${PROD ? 'compiled (--prod)' : 'tsx (--no-prod)'}; logs in ${tmp}`,
  );

  council = await councilToken(join(tmp, 'data'), 'bench:radet');
  auth = council.auth;
  readers = await council.readers(CONNECTIONS);

  // 1. The subgraphs, once, seeded into a temporary data folder.
  const { urls: subgraphUrls, procs: subgraphs } = await startSubgraphs(council.serviceEnv, tmp, {
    prod: PROD,
  });
  let subgraphPids = subgraphs.map((p) => p.pid);
  log(`subgraphs up: ${Object.values(subgraphUrls).join(', ')}`);

  // The same supergraph for both gateways, its join__graph URLs pointing at the free ports.
  supergraphPath = await writeSupergraph(join(tmp, 'supergraph.graphql'), subgraphUrls);

  // 2. The reference: our gateway's answers, and what it asked each subgraph for them.
  const recorder = await startRecorder(subgraphUrls);
  const recording = await startGateway('ours-recording', recorder.urls);
  const reference: Expected[] = [];
  const fetches = new Map<string, SubgraphFetch[]>();
  /** Subgraph HTTP requests per ask: per-tick batching can vary with timing, so ask thrice. */
  const oursCounts = new Map<string, number[]>();
  for (const query of QUERIES) {
    const body = requestBody(query);
    // The first ask of a freshly started system can outlast a subgraph timeout on a busy
    // machine (cold code paths): up to three asks for a clean answer, the first clean kept.
    let response: { data?: unknown; errors?: unknown[] } = {};
    for (let ask = 1; ; ask++) {
      const { status, text } = await post(recording.url, body);
      response = JSON.parse(text) as typeof response;
      if (status === 200 && !response.errors && response.data) break;
      await recorder.settled();
      recorder.take();
      if (ask === 3) {
        const file = join(tmp, `reference-${query.name}.json`);
        await writeFile(file, text);
        throw new Error(
          `the reference answer to ${query.name} is not clean after three asks (HTTP ${status}): ${text.slice(0, 600)}… (whole in ${file})`,
        );
      }
      log(`the reference answer to ${query.name} is not clean (HTTP ${status}); asking again`);
    }
    reference.push({ query, body, response });
    const first = recorder.take();
    fetches.set(query.name, first);
    const counts = [first.length];
    for (let i = 1; i < FAN_OUT_ASKS; i++) {
      await post(recording.url, body);
      await recorder.settled();
      counts.push(recorder.take().length);
    }
    oursCounts.set(query.name, counts);
  }
  await stopProcess(recording.proc!);

  // How many subgraph HTTP requests each gateway sends for the same answers (a batch — one
  // request carrying a JSON array of operations — is one): the fan-out explains much of the
  // subgraphs' CPU per request.
  // The most of FAN_OUT_ASKS asks is the figure (the goal's count), the fewest beside it.
  const fanOut: Report['fanOut'] = QUERIES.map((q) => ({
    query: q.name,
    ours: Math.max(...(oursCounts.get(q.name) ?? [0])),
    oursMin: Math.min(...(oursCounts.get(q.name) ?? [0])),
    oursOperations: (fetches.get(q.name) ?? []).reduce((n, f) => n + f.operations, 0),
    hive: 0,
  }));
  const recordedSupergraph = await writeSupergraph(
    join(tmp, 'supergraph-recorded.graphql'),
    recorder.urls,
  );
  // Hive Gateway in each configuration; `hive` and `hiveMin` are set to the one taken as
  // best once the rows are measured.
  for (const hiveConfig of HIVE_CONFIGS) {
    const hiveRecording = await startHive(
      hiveConfig,
      recordedSupergraph,
      `${hiveConfig.slug}-recording`,
    );
    for (const [i, expected] of reference.entries()) {
      await checkBody(hiveRecording, expected);
      await recorder.settled();
      recorder.take();
      const counts: number[] = [];
      for (let ask = 0; ask < FAN_OUT_ASKS; ask++) {
        await post(hiveRecording.url, expected.body);
        await recorder.settled();
        counts.push(recorder.take().length);
      }
      const f = fanOut[i]!;
      f.hiveConfigs = [
        ...(f.hiveConfigs ?? []),
        { config: hiveConfig.label, most: Math.max(...counts), fewest: Math.min(...counts) },
      ];
    }
    await stopProcess(hiveRecording.proc!);
  }
  await recorder.close();
  for (const f of fanOut) {
    log(
      `${f.query}: subgraph HTTP requests over ${FAN_OUT_ASKS} asks: ours ${f.oursMin}–${f.ours} (the first ${f.oursOperations} operations), ${(f.hiveConfigs ?? []).map((c) => `Hive (${c.config}) ${c.fewest}–${c.most}`).join(', ')}`,
    );
  }

  // 3. The floor per query: the subgraph requests the gateway sends for it. Per subgraph the
  // one slowest answered alone (timed one at a time) is that subgraph's section — a batched
  // request as sent, all its operations together, since that is one request's work — and
  // each section is then loaded briefly, and the slowest is the floor (a gateway cannot
  // answer faster than its slowest part).
  const floors = new Map<string, { expected: Expected; url: string; subgraph: string }>();
  const probes: Report['probes'] = [];
  for (const query of QUERIES) {
    const recorded = fetches.get(query.name) ?? [];
    const perSubgraph = new Map<string, { fetch: SubgraphFetch; ms: number; exact: string }>();
    for (const f of recorded) {
      const exact = await checkBody(
        { name: f.subgraph, url: f.url },
        { query, body: f.body, response: f.response },
      );
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) await post(f.url, f.body);
      const ms = (performance.now() - t0) / 10;
      const known = perSubgraph.get(f.subgraph);
      if (!known || ms > known.ms) perSubgraph.set(f.subgraph, { fetch: f, ms, exact });
    }
    let slowest:
      | { expected: Expected; url: string; subgraph: string; rps: number; ms: number }
      | undefined;
    for (const [subgraph, { fetch: f, ms, exact }] of perSubgraph) {
      const result = await load(f.url, f.body, PROBE, exact);
      const rps = result.requests.total / result.duration;
      const mine = recorded.filter((r) => r.subgraph === subgraph);
      probes.push({
        query: query.name,
        subgraph,
        requests: mine.length,
        operations: mine.reduce((n, r) => n + r.operations, 0),
        slowestOperations: f.operations,
        aloneMs: ms,
        rps,
        bytes: exact.length,
      });
      // A tie (on a crowded machine a short probe can complete nothing: 0 and 0) goes to
      // the one slower alone.
      if (!slowest || rps < slowest.rps || (rps === slowest.rps && ms > slowest.ms)) {
        slowest = {
          expected: { query, body: f.body, response: f.response },
          url: f.url,
          subgraph,
          rps,
          ms,
        };
      }
    }
    if (!slowest) throw new Error(`no subgraph request recorded for ${query.name}`);
    floors.set(query.name, slowest);
    log(
      `${query.name}: ${recorded.length} subgraph requests; slowest section alone: ${slowest.subgraph} (${slowest.rps.toFixed(0)} req/s)`,
    );
  }

  const rows: Row[] = [];
  const memory: Report['memory'] = [];
  const remember = async (label: string, pid: number) => {
    const rssMb = mb(await rssBytes(pid));
    memory.push({ label, rssMb });
    log(`our gateway's RSS ${label}: ${rssMb.toFixed(0)} MB`);
  };

  // 4a. Our gateway: idle, distinct readers, one token, then the sustained run for its memory.
  const ours = await startGateway('ours', subgraphUrls);
  // Idle: started and answered its readiness probe, no query yet; a moment for start-up work
  // (the supergraph, GraphiQL's page) to settle.
  await sleep(2000);
  await remember('idle', ours.proc!.pid);
  await settle(ours, reference);
  // Each ratio's two rows are measured one right after the other: the machine's speed drifts
  // over minutes (the same floor request cost 1.9 to 3.4 ms of CPU in three runs of one
  // morning), and a floor measured at the end of the run compared ours with another machine.
  const floorRow = (query: string, beside = '') => {
    const floor = floors.get(query)!;
    return measure(
      { name: `floor (${floor.subgraph})${beside}`, url: floor.url },
      floor.expected,
      subgraphPids,
    );
  };
  for (const expected of reference) {
    rows.push(await measure(ours, expected, subgraphPids));
    rows.push(await floorRow(expected.query.name));
  }
  for (const expected of reference) {
    rows.push(await measure({ ...ours, name: 'ours, one token' }, expected, subgraphPids, [auth]));
  }
  await remember('before the rounds', ours.proc!.pid);
  for (let round = 1; round <= ROUNDS; round++) {
    const exact = await checkBody(ours, reference[0]!);
    const r = await load(ours.url, reference[0]!.body, DURATION, exact);
    if (r.errors + r.timeouts + r.non2xx + r.mismatches > 0) {
      log(
        `sustained round ${round}: ${r.errors} connection errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx, ${r.mismatches} other bodies`,
      );
    }
    log(`sustained round ${round}: ${r.requests.total} requests`);
    await remember(`after round ${round}`, ours.proc!.pid);
  }
  await stopProcess(ours.proc!);

  // 4a'. Our gateway with the response cache on, for the dashboard's combined picture: every
  // request still asks each subgraph it used for its revision (a write must never leave a
  // stale picture), so this measures a real hit, not a memory read. checkBody's second
  // request is the first hit: its bytes must equal the miss's.
  const cached = await startGateway('ours-cache', subgraphUrls, [], 'on');
  await settle({ ...cached, name: 'ours (cache on)' }, [reference[0]!]);
  const cachedRow = await measure(
    { ...cached, name: 'ours (cache on)' },
    reference[0]!,
    subgraphPids,
  );
  const probe = await fetch(cached.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: reference[0]!.body,
  });
  await probe.arrayBuffer();
  if (probe.headers.get('x-lagesbild-cache') !== 'traff') {
    throw new Error(
      `ours (cache on) did not answer ${reference[0]!.query.name} from its cache after the run`,
    );
  }
  rows.push(cachedRow);
  await stopProcess(cached.proc!);
  rows.push(await floorRow(reference[0]!.query.name, BESIDE_CACHE));

  // 4b. Hive Gateway on the same supergraph and subgraphs, in each configuration; per query
  // the faster by req/s becomes the row `hive` (report.ts: the ratios and goals read it).
  const hiveRows: Row[] = [];
  for (const hiveConfig of HIVE_CONFIGS) {
    const hive = await startHive(hiveConfig);
    await settle(hive, reference);
    for (const expected of reference) {
      hiveRows.push({ ...(await measure(hive, expected, subgraphPids)), hive: hiveConfig.label });
    }
    await stopProcess(hive.proc!);
  }
  rows.push(...takeBestHive(hiveRows, fanOut));
  for (const r of hiveRows.filter((r) => r.target === 'hive')) {
    log(`${r.query}: Hive Gateway at its best is ${r.hive} (${r.rps.toFixed(0)} req/s)`);
  }

  // 5. Optionally: where the time goes, in our gateway and in each subgraph, under the
  // distinct-reader load of the lägesbild. The subgraphs are restarted under --cpu-prof on
  // the same ports and data (V8 writes the profile when the process exits).
  let profile: ProfileSummary | undefined;
  const subgraphProfiles: NonNullable<Report['subgraphProfiles']> = [];
  if (flags.profile) {
    const dir = join(tmp, 'profile');
    await Promise.all(subgraphs.map((p) => stopProcess(p)));
    const profiledSubgraphs = await startSubgraphs(council.serviceEnv, tmp, {
      prod: PROD,
      urls: subgraphUrls,
      nodeArgs: (name) => ['--cpu-prof', `--cpu-prof-dir=${join(dir, name)}`],
    });
    subgraphPids = profiledSubgraphs.procs.map((p) => p.pid);
    const profiled = await startGateway('ours-profiled', subgraphUrls, [
      '--cpu-prof',
      `--cpu-prof-dir=${join(dir, 'gateway')}`,
    ]);
    await settle({ ...profiled, name: 'ours (profiled)' }, [reference[0]!]);
    let measuring = 0;
    rows.push(
      await measure(
        { ...profiled, name: 'ours (profiled)' },
        reference[0]!,
        subgraphPids,
        readers,
        () => {
          measuring = Date.now();
        },
      ),
    );
    await stopProcess(profiled.proc!);
    await Promise.all(profiledSubgraphs.procs.map((p) => stopProcess(p)));
    // Summaries from the measured load on: start-up and warm-up left out (the kept files
    // are whole).
    const since = (p: { startedAt: number }) => measuring - p.startedAt;
    profile = await keptProfile(join(dir, 'gateway'), 'gateway', since(profiled.proc!));
    for (const p of profiledSubgraphs.procs) {
      const summary = await keptProfile(join(dir, p.name), p.name, since(p));
      if (summary) subgraphProfiles.push({ subgraph: p.name, summary });
    }
  }

  await stopAll();
  const info = await describeMachine({ before: loadBefore, after: await loadAverage() });
  const settings = {
    connections: CONNECTIONS,
    duration: DURATION,
    warmup: WARMUP,
    settle: SETTLE,
    readers: CONNECTIONS,
    rounds: ROUNDS,
    prod: PROD,
    hive: HIVE_CONFIGS.map((c) => `${c.label} (${c.options})`).join('; '),
  };
  const report: Report = {
    machine: info,
    settings,
    rows,
    memory,
    probes,
    fanOut,
    profile,
    ...(subgraphProfiles.length ? { subgraphProfiles } : {}),
  };
  console.log(renderTable(report));
  if (!flags['no-write']) {
    const stem = await resultStem(info.date.slice(0, 10), ['.md', '.json']);
    await writeFile(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(`${stem}.md`, renderMarkdown(report));
    log(`written: ${stem}.md and .json`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await rm(tmp, { recursive: true, force: true });
}

runBenchmark({
  tag: 'bench',
  timeLimitMs: TIME_LIMIT_MS,
  timeLimitText: `${TIME_LIMIT_MS / 1000} s`,
  main,
  beforeStop: () => current?.stop(),
  afterStop: async (code) => {
    // An interrupted run leaves nothing behind; a failed one keeps its logs to read.
    if (code !== 1 && tmp) await rm(tmp, { recursive: true, force: true });
  },
});
