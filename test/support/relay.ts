import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SUBGRAPHS } from '../../schema/subgraphs';
import { spawnService } from '../../scripts/service-process';
import { freePort, type RunningSystem } from './system';

/**
 * A second gateway process (started as the launcher starts one) that reaches the real
 * subgraphs through a relay: the relay records every HTTP request it passes on — so what a
 * test counts are requests that reached a real subgraph — and can hold polis's requests
 * until the test lets them go, answer them with a server error, or never answer them.
 * The batching and the in-flight dedup tests stand on it.
 */

export interface Relayed {
  subgraph: string;
  body: string;
  /** The operations the request carried: an array's length, or 1 for a plain request. */
  operations: number;
  batch: boolean;
  authorization: string | undefined;
  /** The gateway closed the request before the relay answered it. */
  dropped: boolean;
}

/** What the relay does with polis's requests. */
export type Polis = 'pass' | 'hold' | 'server-error' | 'hang';

export class Relay {
  readonly seen: Relayed[] = [];
  polis: Polis = 'pass';
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;
  private readonly servers: Server[] = [];

  /** Polis's requests wait from now until letGo(). */
  hold(): void {
    this.polis = 'hold';
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  letGo(): void {
    this.polis = 'pass';
    this.release?.();
    this.held = undefined;
  }

  /** The requests passed on to `subgraph`, from the `from`th request seen on. */
  of(subgraph: string, from = 0): Relayed[] {
    return this.seen.slice(from).filter((r) => r.subgraph === subgraph);
  }

  /** Starts one relay port per subgraph, to the given targets; answers their URLs. */
  async start(targets: Record<string, string>): Promise<Record<string, string>> {
    const urls: Record<string, string> = {};
    for (const [subgraph, target] of Object.entries(targets)) {
      const server = createServer((req, res) => {
        this.pass(subgraph, target, req, res).catch(() => res.destroy());
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      this.servers.push(server);
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('no relay port');
      urls[subgraph] = `http://127.0.0.1:${address.port}/graphql`;
    }
    return urls;
  }

  async stop(): Promise<void> {
    this.letGo();
    for (const server of this.servers) {
      server.closeAllConnections();
      server.close();
    }
  }

  private async pass(
    subgraph: string,
    target: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const parsed: unknown = JSON.parse(body);
    const record: Relayed = {
      subgraph,
      body,
      operations: Array.isArray(parsed) ? parsed.length : 1,
      batch: Array.isArray(parsed),
      authorization: req.headers.authorization,
      dropped: false,
    };
    res.on('close', () => {
      if (!res.writableFinished) record.dropped = true;
    });
    this.seen.push(record);
    if (subgraph === 'polis') {
      if (this.polis === 'hang') return;
      if (this.polis === 'server-error') {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('Bad Gateway');
        return;
      }
      if (this.polis === 'hold') await this.held;
    }
    if (record.dropped) return;
    const answer = await fetch(`${target}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      },
      body,
    });
    const text = await answer.text();
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(text);
  }
}

/** Waits for a condition the test needs before it goes on; gives up after a while. */
export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface RelayedGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * A gateway on a free port over `system`'s supergraph and data folder, reaching each
 * subgraph at `urls` (a relay's); `env` adds to or overrides its settings. Resolves when
 * it answers /health; fails with its output when it exits first.
 */
export async function startRelayedGateway(
  system: RunningSystem,
  urls: Record<string, string>,
  env: Record<string, string> = {},
): Promise<RelayedGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const gateway = spawnService('gateway', {
    ...process.env,
    GATEWAY_PORT: String(port),
    SUPERGRAPH_PATH: system.supergraphPath,
    LAGESBILD_DATA_DIR: system.dataDir,
    SUBGRAPH_TIMEOUT_MS: '30000',
    ...env,
    ...Object.fromEntries(SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_URL`, urls[s.name]])),
  });
  let output = '';
  gateway.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  gateway.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  await until(`the second gateway's health\n${output}`, async () => {
    if (gateway.exitCode !== null) throw new Error(`gateway exited:\n${output}`);
    return fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
  });
  return {
    url,
    async stop() {
      if (gateway.exitCode !== null) return;
      const exited = once(gateway, 'exit');
      gateway.kill('SIGTERM');
      await exited;
    },
  };
}
