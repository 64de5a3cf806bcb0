import type { Machine } from './maskin';
import type { ProfileSummary } from './profile';

export interface Row {
  target: string;
  query: string;
  /** Distinct tokens across the connections: one per connection, or 1 ("one token"). */
  readers?: number;
  requests: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx and bodies other than the checked one. */
  errors: number;
  non2xx: number;
  mismatches: number;
  /** Requests the client gave up on after 10 s (part of errors). */
  timeouts?: number;
  peakRssMb?: number;
  gatewayCpuMsPerRequest?: number;
  subgraphsCpuMsPerRequest?: number;
  /** The load generator's (autocannon, in the bench's process) CPU per request. */
  loadCpuMsPerRequest?: number;
  /**
   * Hive Gateway's rows: its configuration (settings.hive). Per query the faster by req/s is
   * the row `hive`, the one the ratios and goals compare against; the other is
   * `hive (<configuration>)`.
   */
  hive?: string;
}

export interface Report {
  machine: Machine;
  settings: {
    connections: number;
    duration: number;
    warmup: number;
    /** Seconds of load per query a gateway had after its start, before its first row. */
    settle?: number;
    /** Distinct tokens in the default rows (one per connection). */
    readers?: number;
    rounds?: number;
    /** Our gateway and subgraphs compiled (dist/index.js) rather than tsx. */
    prod?: boolean;
    /** Hive Gateway's configurations: what each set beyond header propagation. */
    hive?: string;
  };
  rows: Row[];
  /** Our gateway's resident memory: idle, before the rounds and after each. */
  memory: { label: string; rssMb: number }[];
  /** Per query and subgraph: its requests, the slowest one's time alone, its load probe. */
  probes: {
    query: string;
    subgraph: string;
    /** HTTP requests (a batch is one). */
    requests: number;
    /** Operations in them (a batch counts each). */
    operations?: number;
    /** Operations in the slowest request (the section loaded). */
    slowestOperations?: number;
    aloneMs: number;
    rps: number;
    bytes: number;
  }[];
  /** Subgraph HTTP requests each gateway sends for one query (a batch is one request). */
  fanOut: {
    query: string;
    /** The most over the asks (the figure the goal reads), and the fewest. */
    ours: number;
    oursMin?: number;
    /** Operations in the first ask's requests (a batch counts each). */
    oursOperations?: number;
    /** Hive Gateway's, in the configuration taken as best (the row `hive`). */
    hive: number;
    hiveMin?: number;
    /** Each configuration's, most and fewest over the asks. */
    hiveConfigs?: { config: string; most: number; fewest: number }[];
    /** The configuration taken as best for this query (its row is `hive`). */
    hiveBest?: string;
  }[];
  /** Our gateway's profile. */
  profile?: ProfileSummary;
  /** Each subgraph's profile, under the same load. */
  subgraphProfiles?: { subgraph: string; summary: ProfileSummary }[];
}

const fixed = (n: number | undefined, digits = 0) => (n === undefined ? '–' : n.toFixed(digits));
const span = (min: number | undefined, max: number) =>
  min === undefined || min === max ? String(max) : `${min}–${max}`;

function table(head: string[], body: string[][]): string {
  const lines = [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/**
 * Per query, of Hive Gateway's rows in its configurations (`hive (<configuration>)`), the
 * faster by req/s becomes the row `hive` (Hive Gateway at its best); the fan-out's `hive`
 * is that configuration's. Changes `rows` and `fanOut` in place; returns `rows`.
 */
export function takeBestHive(rows: Row[], fanOut: Report['fanOut']): Row[] {
  for (const query of new Set(rows.map((r) => r.query))) {
    const best = rows.filter((r) => r.query === query).reduce((a, b) => (b.rps > a.rps ? b : a));
    best.target = 'hive';
    const f = fanOut.find((x) => x.query === query);
    const counts = f?.hiveConfigs?.find((c) => c.config === best.hive);
    if (f && counts) {
      f.hiveBest = counts.config;
      f.hive = counts.most;
      f.hiveMin = counts.fewest;
    }
  }
  return rows;
}

/** A row's target as printed: the row `hive` says which configuration it is. */
const targetLabel = (r: Row) =>
  r.target === 'hive' && r.hive !== undefined ? `hive (best: ${r.hive})` : r.target;

/** Which configuration the row `hive` of a query is, for the ratios and goals. */
const hiveTaken = (hive: Row | undefined) => (hive?.hive === undefined ? '' : ` (${hive.hive})`);

/** The floor row measured right after the row with the cache on (main.ts). */
export const BESIDE_CACHE = ', beside the cache';

/** The rows the ratios compare: distinct readers, cache off, not profiled. */
function pick(rows: Row[], query: string) {
  const floor = rows.find(
    (r) => r.query === query && r.target.startsWith('floor') && !r.target.endsWith(BESIDE_CACHE),
  );
  return {
    ours: rows.find((r) => r.query === query && r.target === 'ours'),
    oneToken: rows.find((r) => r.query === query && r.target === 'ours, one token'),
    cached: rows.find((r) => r.query === query && r.target === 'ours (cache on)'),
    hive: rows.find((r) => r.query === query && r.target === 'hive'),
    floor,
    /** The floor measured right after the cached row (an older run's: the one floor). */
    cachedFloor: rows.find((r) => r.query === query && r.target.endsWith(BESIDE_CACHE)) ?? floor,
  };
}

export function ratios(rows: Row[]): string[][] {
  const queries = [...new Set(rows.map((r) => r.query))];
  return queries.map((q) => {
    const { ours, cached, hive, floor, cachedFloor } = pick(rows, q);
    const div = (a?: number, b?: number) => (a !== undefined && b ? (a / b).toFixed(2) : '–');
    return [
      q,
      hive?.hive ?? '–',
      div(ours?.rps, hive?.rps),
      div(ours?.p99, hive?.p99),
      div(ours?.rps, floor?.rps),
      div(ours?.p99, floor?.p99),
      div(cached?.rps, cachedFloor?.rps),
      div(cached?.p99, cachedFloor?.p99),
    ];
  });
}

/** Ours ÷ floor expected from CPU per request, and without our gateway's (the report says how). */
export function cpuRatios(rows: Row[], cores: number): string[][] {
  const queries = [...new Set(rows.map((r) => r.query))];
  return queries.flatMap((q) => {
    const { ours, floor } = pick(rows, q);
    const g = ours?.gatewayCpuMsPerRequest;
    const s = ours?.subgraphsCpuMsPerRequest;
    const l = ours?.loadCpuMsPerRequest;
    const fs = floor?.subgraphsCpuMsPerRequest;
    const fl = floor?.loadCpuMsPerRequest;
    if (!ours || !floor || [g, s, l, fs, fl].some((v) => v === undefined)) return [];
    const floorRate = Math.min(1000 / fs!, (cores * 1000) / (fs! + fl!));
    const oursRate = (cores * 1000) / (g! + s! + l!);
    const freeGatewayRate = (cores * 1000) / (s! + l!);
    return [
      [
        q,
        `${fs!.toFixed(2)} + ${fl!.toFixed(2)} → ${floorRate.toFixed(0)} (${floor.rps.toFixed(0)})`,
        `${g!.toFixed(2)} + ${s!.toFixed(2)} + ${l!.toFixed(2)} → ${oursRate.toFixed(0)} (${ours.rps.toFixed(0)})`,
        `${(oursRate / floorRate).toFixed(2)} (${(ours.rps / floor.rps).toFixed(2)})`,
        (freeGatewayRate / floorRate).toFixed(2),
      ],
    ];
  });
}

export interface Goal {
  goal: string;
  value: string;
  target: string;
  /** undefined: not measured in this run. */
  pass: boolean | undefined;
}

/** The issue's "Done when" list (issue 17), each against its target. */
export function goals(report: Report): Goal[] {
  const { rows, fanOut, memory } = report;
  const picture = 'lägesbild';
  const out: Goal[] = [];
  const ratio = (
    goal: string,
    a: number | undefined,
    b: number | undefined,
    min?: number,
    max?: number,
  ) => {
    const v = a !== undefined && b ? a / b : undefined;
    out.push({
      goal,
      value: v === undefined ? '–' : v.toFixed(2),
      target: min !== undefined ? `≥ ${min}` : `≤ ${max}`,
      pass: v === undefined ? undefined : min !== undefined ? v >= min : v <= max!,
    });
  };
  const queries = [...new Set(rows.map((r) => r.query))];
  for (const q of queries) {
    const { ours, hive } = pick(rows, q);
    ratio(`ours ÷ Hive${hiveTaken(hive)} req/s, ${q}`, ours?.rps, hive?.rps, 2.0);
    ratio(`ours ÷ Hive${hiveTaken(hive)} p99, ${q}`, ours?.p99, hive?.p99, undefined, 0.5);
  }
  const { ours, cached, floor, cachedFloor } = pick(rows, picture);
  ratio(`ours ÷ floor req/s, ${picture}`, ours?.rps, floor?.rps, 0.5);
  ratio(`cache on ÷ floor req/s, ${picture}`, cached?.rps, cachedFloor?.rps, 6);
  const below = (goal: string, v: number | undefined, max: number, unit: string, strict = false) =>
    out.push({
      goal,
      value:
        v === undefined
          ? '–'
          : `${v.toFixed(unit === '' ? 0 : unit === 'MB' ? 0 : 2)}${unit ? ` ${unit}` : ''}`,
      target: `${strict ? '<' : '≤'} ${max}${unit ? ` ${unit}` : ''}`,
      pass: v === undefined ? undefined : strict ? v < max : v <= max,
    });
  below(
    `subgraph HTTP requests per ${picture} (ours, most of three asks)`,
    fanOut.find((f) => f.query === picture)?.ours,
    5,
    '',
  );
  below(`subgraphs' CPU per ${picture} (ours)`, ours?.subgraphsCpuMsPerRequest, 8, 'ms');
  below(`gateway CPU per ${picture} (ours)`, ours?.gatewayCpuMsPerRequest, 3, 'ms');
  below('gateway RSS idle', memory.find((m) => m.label === 'idle')?.rssMb, 200, 'MB', true);
  const rounds = memory.filter((m) => m.label.startsWith('after round'));
  const last = rounds.at(-1);
  below(
    `gateway RSS after ${rounds.length} rounds${rounds.length < 12 ? ' (the goal is 12)' : ''}`,
    last?.rssMb,
    200,
    'MB',
    true,
  );
  if (rounds.length < 12 && out.at(-1)) out.at(-1)!.pass = undefined;
  return out;
}

function profileTables(title: string, profile: ProfileSummary): string[] {
  return [
    '',
    `${title} (${profile.totalMs.toFixed(0)} ms sampled), self time:`,
    '',
    table(
      ['package', 'ms', 'share'],
      profile.packages.map((p) => [p.name, fixed(p.ms), `${(p.share * 100).toFixed(1)} %`]),
    ),
    '',
    table(
      ['function', 'ms', 'share'],
      profile.functions.map((p) => [
        `\`${p.name}\``,
        fixed(p.ms),
        `${(p.share * 100).toFixed(1)} %`,
      ]),
    ),
  ];
}

function sections(report: Report): string[] {
  const { machine, settings, rows, memory, probes, fanOut, profile } = report;
  const readers = settings.readers ?? 1;
  const out = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.date}`,
    `Load average (1 min) before the run ${machine.loadAverage.before}, after ${machine.loadAverage.after}${
      machine.loadAverage.before > machine.cores
        ? ': above the core count, other work shared the cores and every figure is low.'
        : '.'
    }`,
    `Load: autocannon, ${settings.connections} connections, ${settings.duration} s per row after ${settings.warmup} s warm-up, 127.0.0.1; every process on the same cores.${settings.settle ? ` Each gateway (ours, ours with the cache, each Hive configuration) was loaded ${settings.settle} s per query after its start before its first row (the JIT settles; bench/README.md, "Settled").` : ''}`,
    `Readers: ${
      readers > 1
        ? `every connection its own signed token (role RADET, distinct subject): ${readers} distinct readers per row, except the rows "ours, one token" (one token on every connection, as the bench did before issue 17)`
        : 'one token on every connection'
    }.`,
    `Services: ${
      settings.prod === undefined
        ? 'started from src with tsx'
        : settings.prod
          ? 'our gateway and the subgraphs compiled (`node --enable-source-maps dist/index.js` after `pnpm build`)'
          : 'our gateway and the subgraphs from src with tsx (--no-prod)'
    }.${
      settings.hive
        ? ` Hive Gateway: ${settings.hive}${rows.some((r) => r.hive !== undefined) ? '; per query the faster by req/s is the row "hive" (best), compared against in the ratios and goals' : ''}.`
        : ''
    }`,
    '',
    table(
      [
        'target',
        'query',
        'readers',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'peak RSS MB',
        'gateway CPU ms/req',
        'subgraphs CPU ms/req',
        'load generator CPU ms/req',
      ],
      rows.map((r) => [
        targetLabel(r),
        r.query,
        r.readers === undefined ? '–' : String(r.readers),
        fixed(r.rps),
        fixed(r.p50),
        fixed(r.p99),
        String(r.errors),
        fixed(r.peakRssMb),
        fixed(r.gatewayCpuMsPerRequest, 2),
        fixed(r.subgraphsCpuMsPerRequest, 2),
        fixed(r.loadCpuMsPerRequest, 2),
      ]),
    ),
    '',
    table(
      [
        'query',
        'Hive taken (best req/s)',
        'ours ÷ Hive req/s',
        'ours ÷ Hive p99',
        'ours ÷ floor req/s',
        'ours ÷ floor p99',
        'cache on ÷ floor req/s',
        'cache on ÷ floor p99',
      ],
      ratios(rows),
    ),
    '',
    'Done when (issue 17; distinct readers, cache off unless said):',
    '',
    table(
      ['goal', 'measured', 'target', ''],
      goals(report).map((g) => [
        g.goal,
        g.value,
        g.target,
        g.pass === undefined ? 'not measured' : g.pass ? 'pass' : 'FAIL',
      ]),
    ),
    '',
    `Ours ÷ floor expected from CPU per request. Every process here shares the machine's ${report.machine.cores} cores. The floor is one subgraph process, so one thread bounds it: about 1 000 ÷ its CPU ms per request req/s (or the cores ÷ its CPU and the load generator's, if that is less). Ours uses every core: about ${report.machine.cores} 000 ÷ (gateway + subgraphs + load generator) req/s. Measured figures in brackets. The last column leaves our gateway's CPU out: what any gateway could reach at most, with these subgraphs on this machine.`,
    '',
    table(
      [
        'query',
        'floor: subgraph + load generator ms/req → req/s',
        'ours: gateway + subgraphs + load generator ms/req → req/s',
        'ours ÷ floor',
        'with a gateway costing nothing',
      ],
      cpuRatios(rows, report.machine.cores),
    ),
    '',
    `Subgraph HTTP requests per query (a batch — one request carrying a JSON array of operations — is one; the fewest–most over three asks, batching by tick varies with timing): ${fanOut
      .map(
        (f) =>
          `${f.query} ours ${span(f.oursMin, f.ours)}${f.oursOperations !== undefined ? ` (first ask: ${f.oursOperations} operations)` : ''}, Hive ${
            f.hiveConfigs
              ? f.hiveConfigs
                  .map(
                    (c) =>
                      `(${c.config}${c.config === f.hiveBest ? ', best' : ''}) ${span(c.fewest, c.most)}`,
                  )
                  .join(', Hive ')
              : span(f.hiveMin, f.hive)
          }`,
      )
      .join('; ')}.`,
    '',
    `Our gateway's resident memory, idle and over ${memory.filter((m) => m.label.startsWith('after round')).length} back-to-back loads of the lägesbild query: ${memory
      .map((m) => `${m.label} ${m.rssMb.toFixed(0)} MB`)
      .join(', ')}`,
    '',
    'Floor candidates: the requests the gateway sends each subgraph for the query (a batched request as sent, all its operations); the slowest of them alone (one at a time), then loaded briefly; the slowest section is the floor:',
    '',
    table(
      [
        'query',
        'subgraph',
        'requests per query',
        'operations',
        'slowest alone ms',
        'its operations',
        'its req/s',
        'its bytes',
      ],
      probes.map((p) => [
        p.query,
        p.subgraph,
        String(p.requests),
        p.operations === undefined ? '–' : String(p.operations),
        fixed(p.aloneMs, 1),
        p.slowestOperations === undefined ? '–' : String(p.slowestOperations),
        fixed(p.rps),
        String(p.bytes),
      ]),
    ),
  ];
  if (profile) {
    out.push(
      ...profileTables(
        'CPU profile of our gateway under the distinct-reader lägesbild load, from the measured load on',
        profile,
      ),
    );
  }
  for (const { subgraph, summary } of report.subgraphProfiles ?? []) {
    out.push(...profileTables(`CPU profile of ${subgraph} under the same load`, summary));
  }
  return out;
}

export function renderTable(report: Report): string {
  return sections(report).join('\n');
}

export function renderMarkdown(report: Report): string {
  return [
    `# Benchmark ${report.machine.date.slice(0, 10)}`,
    '',
    'Written by `pnpm bench` (bench/src/main.ts). Bodies were checked before every load',
    '(deep-equal to our gateway’s answer; the floor to what the subgraph answered the gateway)',
    'and during it (autocannon `expectBody`: any other body counts as an error).',
    '',
    ...sections(report),
    '',
  ].join('\n');
}
