/**
 * `pnpm start`: every subgraph that exists and the gateway, as separate processes (the
 * way partners deploy them), on the embedded default — SQLite files under .data/, seeded
 * from the source document on first start. Builds the dashboard first when its build is
 * missing or older than its sources, waits for the services' health, prints where to look,
 * and stops them all on Ctrl-C.
 *
 * Ports: GATEWAY_PORT (4000) and <SUBGRAPH>_PORT (FORVALTNING_PORT=4001, …).
 *
 * `pnpm start --prod`: the services compiled (`pnpm build` first when any source is newer
 * than the last build), each as `node --enable-source-maps dist/index.js` in its folder (the
 * gateway with a heap cap, scripts/prod-command.ts) — how production runs them; without it,
 * from TypeScript source through tsx.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadExposure } from '../gateway/src/limits';
import { assertDistinctPorts, parsePort } from '../packages/http-kit/src/port';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '../schema/subgraphs';
import { build, buildIsFresh } from './build';
import { ensureDashboardBuilt } from './dashboard-build';
import { prodNodeArgs } from './prod-command';
import { spawnService, subgraphEnv } from './service-process';

/** Every service started so far, so a failed start still stops what it began. */
const started: Service[] = [];
const host = '127.0.0.1';
const root = fileURLToPath(new URL('..', import.meta.url));

const flags = process.argv.slice(2).filter((a) => a !== '--');
const unknown = flags.filter((a) => a !== '--prod');
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}; the only one is --prod (compiled services).`);
  process.exit(2);
}
const prod = flags.includes('--prod');

interface Service {
  name: string;
  dir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  graphqlUrl: string;
  child?: ChildProcess;
}

/** The port in `variable`, checked at once: a number, 1–65535, not one fetch refuses. */
function portOf(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  return parsePort(variable, raw, 1);
}

async function assertFree(port: number, variable: string): Promise<void> {
  const server = createServer();
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch {
    throw new Error(
      `Port ${port} is already in use. Stop whatever holds it, or choose another with ${variable}=…`,
    );
  }
  server.close();
  await once(server, 'close');
}

function prefixOutput(name: string, child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => console.log(`[${name}] ${readable(line)}`));
  }
}

/**
 * The services log JSON (pino) for machines; a person at the terminal reads
 * "POST /graphql 200 12 ms" or the message, with the level when it is not info.
 */
function readable(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const level =
      entry.level && entry.level !== 'info' ? `${String(entry.level).toUpperCase()} ` : '';
    if (entry.msg === 'request') {
      return `${level}${entry.method} ${entry.path} ${entry.status} ${entry.ms} ms [${entry.requestId}]`;
    }
    const err = entry.err as { message?: string } | undefined;
    return `${level}${String(entry.msg ?? line)}${err?.message ? `: ${err.message}` : ''}`;
  } catch {
    return line;
  }
}

async function waitForHealth(service: Service, deadline: number): Promise<void> {
  const url = `http://${host}:${service.port}/health`;
  while (Date.now() < deadline) {
    if (service.child?.exitCode !== null && service.child?.exitCode !== undefined) {
      throw new Error(`${service.name} exited with code ${service.child.exitCode} while starting`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} did not become healthy at ${url} within the time allowed`);
}

function start(service: Service): ChildProcess {
  const child = prod
    ? spawn(process.execPath, prodNodeArgs(service.dir), {
        cwd: `${root}${service.dir}`,
        env: service.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawnService(service.dir, service.env);
  prefixOutput(service.name, child);
  service.child = child;
  started.push(service);
  // Tests (and an operator) find a service's process here, to stop one partner on purpose.
  console.log(`[launcher] ${service.name} started (pid ${child.pid}, port ${service.port})`);
  return child;
}

async function stopAll(services: Service[]): Promise<void> {
  await Promise.all(
    services.map(async (s) => {
      const child = s.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

async function main(): Promise<void> {
  const gatewayPort = portOf('GATEWAY_PORT', GATEWAY_DEFAULT_PORT);
  const subgraphs: Service[] = SUBGRAPHS.map((entry) => {
    const variable = `${entry.name.toUpperCase()}_PORT`;
    const port = portOf(variable, entry.defaultPort);
    return {
      name: entry.name,
      dir: entry.dir,
      port,
      env: subgraphEnv({ ...process.env, GATEWAY_PORT: String(gatewayPort) }, entry.name, port),
      graphqlUrl: `http://${host}:${port}/graphql`,
    };
  });
  const gateway: Service = {
    name: 'gateway',
    dir: 'gateway',
    port: gatewayPort,
    env: {
      ...process.env,
      GATEWAY_PORT: String(gatewayPort),
      ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, s.graphqlUrl])),
    },
    graphqlUrl: `http://${host}:${gatewayPort}/graphql`,
  };
  const all = [...subgraphs, gateway];
  assertDistinctPorts(
    all.map((s) => ({
      variable: s.name === 'gateway' ? 'GATEWAY_PORT' : `${s.name.toUpperCase()}_PORT`,
      port: s.port,
    })),
  );

  for (const s of subgraphs) await assertFree(s.port, `${s.name.toUpperCase()}_PORT`);
  await assertFree(gatewayPort, 'GATEWAY_PORT');

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping Lägesbild …');
    await stopAll(all);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  // Before any process starts: the gateway serves dashboard/dist as it finds it.
  await ensureDashboardBuilt();
  if (prod) {
    if (buildIsFresh()) console.log('[launcher] compiled services are up to date (pnpm build)');
    else {
      console.log('[launcher] compiling the services (pnpm build) …');
      build();
    }
  }

  const deadline = Date.now() + 120_000;
  for (const s of subgraphs) start(s);
  await Promise.all(subgraphs.map((s) => waitForHealth(s, deadline)));
  start(gateway);
  // The gateway's own 120 s from its start: on a busy machine the subgraphs may have used
  // most of theirs, and the gateway only starts once they answer.
  await waitForHealth(gateway, Date.now() + 120_000);

  // One partner down must not blank the council's picture (docs/architecture.md#the-rules): a subgraph that
  // stops leaves the gateway answering with the others; only the gateway's end ends all.
  for (const s of subgraphs) {
    s.child?.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(
        `${s.name} stopped (${signal ?? `exit code ${code}`}); the gateway keeps serving the other sources and names ${s.name} as unavailable.`,
      );
    });
  }
  gateway.child?.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(
      `gateway stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`,
    );
    void shutdown(1);
  });

  const base = `http://${host}:${gatewayPort}`;
  const rows: [string, string][] = [
    ['Dashboard', `${base}/dashboard`],
    ['Gateway (GraphQL)', `${base}/graphql`],
    // Production mode serves no GraphiQL unless GATEWAY_GRAPHIQL=true (issue 7).
    ...(loadExposure(process.env).graphiql
      ? [['GraphiQL', `${base}/graphiql`] as [string, string]]
      : []),
    ...subgraphs.map((s): [string, string] => [`Subgraph ${s.name}`, s.graphqlUrl]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  console.log(
    [
      '',
      `Lägesbild is running${prod ? ' compiled (dist/)' : ''} on its embedded default (SQLite under .data/, seeded from the`,
      'Norrmalm 2017 action plan). Where to look:',
      ...rows.map(([label, url]) => `  ${label.padEnd(width)}${url}`),
      'Every request needs a signed token. GraphiQL opens signed in as an analyst (development);',
      "`pnpm tokens` prints a development token for each role, for GraphiQL's Headers pane:",
      '  { "Authorization": "Bearer <token>" }',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(
    `Could not start Lägesbild: ${error instanceof Error ? error.message : String(error)}`,
  );
  await stopAll(started);
  process.exit(1);
});
