import type { Machine } from './maskin';
import type { ProfileSummary } from './profile';

export interface Row {
  target: string;
  query: string;
  requests: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx and bodies other than the checked one. */
  errors: number;
  non2xx: number;
  mismatches: number;
  peakRssMb?: number;
  gatewayCpuMsPerRequest?: number;
  subgraphsCpuMsPerRequest?: number;
}

export interface Report {
  machine: Machine;
  settings: { connections: number; duration: number; warmup: number };
  rows: Row[];
  memory: { label: string; rssMb: number }[];
  /** Per query and subgraph: its requests, the slowest one's time alone, its load probe. */
  probes: {
    query: string;
    subgraph: string;
    requests: number;
    aloneMs: number;
    rps: number;
    bytes: number;
  }[];
  /** Subgraph requests each gateway sends for one query. */
  fanOut: { query: string; ours: number; hive: number }[];
  profile?: ProfileSummary;
}

const fixed = (n: number | undefined, digits = 0) => (n === undefined ? '–' : n.toFixed(digits));

function table(head: string[], body: string[][]): string {
  const lines = [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`);
  return lines.join('\n');
}

export function ratios(rows: Row[]): string[][] {
  const queries = [...new Set(rows.map((r) => r.query))];
  return queries.map((q) => {
    const find = (prefix: string) =>
      rows.find(
        (r) =>
          r.query === q &&
          r.target.startsWith(prefix) &&
          !r.target.includes('prof') &&
          !r.target.includes('cache'),
      );
    const ours = find('ours');
    const cached = rows.find((r) => r.query === q && r.target === 'ours (cache on)');
    const hive = find('hive');
    const floor = find('floor');
    const div = (a?: number, b?: number) => (a !== undefined && b ? (a / b).toFixed(2) : '–');
    return [
      q,
      div(ours?.rps, hive?.rps),
      div(ours?.p99, hive?.p99),
      div(ours?.rps, floor?.rps),
      div(ours?.p99, floor?.p99),
      div(cached?.rps, floor?.rps),
      div(cached?.p99, floor?.p99),
    ];
  });
}

function sections(report: Report): string[] {
  const { machine, settings, rows, memory, probes, fanOut, profile } = report;
  const out = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.date}`,
    `Load average (1 min) before the run ${machine.loadAverage.before}, after ${machine.loadAverage.after}${
      machine.loadAverage.before > machine.cores
        ? ': above the core count, other work shared the cores and every figure is low.'
        : '.'
    }`,
    `Load: autocannon, ${settings.connections} connections, ${settings.duration} s per row after ${settings.warmup} s warm-up, 127.0.0.1; every process on the same cores.`,
    '',
    table(
      [
        'target',
        'query',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'peak RSS MB',
        'gateway CPU ms/req',
        'subgraphs CPU ms/req',
      ],
      rows.map((r) => [
        r.target,
        r.query,
        fixed(r.rps),
        fixed(r.p50),
        fixed(r.p99),
        String(r.errors),
        fixed(r.peakRssMb),
        fixed(r.gatewayCpuMsPerRequest, 2),
        fixed(r.subgraphsCpuMsPerRequest, 2),
      ]),
    ),
    '',
    table(
      [
        'query',
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
    `Subgraph requests per query: ${fanOut
      .map((f) => `${f.query} ours ${f.ours}, Hive ${f.hive}`)
      .join('; ')}.`,
    '',
    `Our gateway's resident memory over ${memory.length - 1} back-to-back loads of the lägesbild query: ${memory
      .map((m) => `${m.label} ${m.rssMb.toFixed(0)} MB`)
      .join(', ')}`,
    '',
    'Floor candidates: the requests the gateway sends each subgraph for the query; the slowest of them alone (one at a time), then loaded briefly; the slowest section is the floor:',
    '',
    table(
      ['query', 'subgraph', 'requests per query', 'slowest alone ms', 'its req/s', 'its bytes'],
      probes.map((p) => [
        p.query,
        p.subgraph,
        String(p.requests),
        fixed(p.aloneMs, 1),
        fixed(p.rps),
        String(p.bytes),
      ]),
    ),
  ];
  if (profile) {
    out.push(
      '',
      `CPU profile of our gateway under the lägesbild load (${profile.totalMs.toFixed(0)} ms sampled), self time:`,
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
    );
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
