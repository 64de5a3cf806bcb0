import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAGESBILD_RAPPORT } from '@lagesbild/rapport';
import { createTestDatabase, type TestDatabase, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../schema/subgraphs';
import { prodNodeArgs } from '../scripts/prod-command';
import { freePort, type GraphQLBody, ROOT } from './support/system';

/**
 * Production runs the services compiled (issue 17): `pnpm start --prod` builds them with tsc
 * when a source is newer than the last build, and starts each as
 * `node --enable-source-maps dist/index.js` in its folder. Compiled code meets what tsx
 * hides — extensionless imports, workspace packages exporting .ts, files read relative to
 * import.meta.url, decorators without metadata — so the whole picture is asked for once,
 * through the compiled gateway from the compiled subgraphs.
 */
describe('pnpm start --prod: the compiled services', () => {
  let launcher: ChildProcess;
  let output = '';
  let dataDir: string;
  let gatewayUrl: string;
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lagesbild-kompilerad-'));
    const supergraphPath = join(dataDir, 'supergraph.graphql');
    await copyFile(join(ROOT, 'schema/supergraph.graphql'), supergraphPath);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LAGESBILD_DATA_DIR: dataDir,
      SUPERGRAPH_PATH: supergraphPath,
    };
    const gatewayPort = await freePort();
    env.GATEWAY_PORT = String(gatewayPort);
    for (const s of SUBGRAPHS) {
      env[`${s.name.toUpperCase()}_PORT`] = String(await freePort());
      if (process.env.LAGESBILD_TEST_DB === 'postgresql') {
        const db = await createTestDatabase(s.name);
        databases.push(db);
        env[`${s.name.toUpperCase()}_DATABASE_URL`] = db.file;
      }
    }
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    launcher = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--prod'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (d: Buffer) => {
      output += d.toString();
    };
    launcher.stdout?.on('data', collect);
    launcher.stderr?.on('data', collect);
    // A build on this 2-core machine under load takes up to a minute or two.
    const deadline = Date.now() + 230_000;
    while (!output.includes('Press Ctrl-C to stop.')) {
      if (launcher.exitCode !== null) throw new Error(`launcher exited early:\n${output}`);
      if (Date.now() > deadline) {
        launcher.kill('SIGKILL');
        throw new Error(`launcher did not get ready:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 240_000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      const exited = once(launcher, 'exit');
      launcher.kill('SIGINT');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
    for (const db of databases) await db.remove();
  });

  const services = [
    { name: 'gateway', dir: 'gateway' },
    ...SUBGRAPHS.map((s) => ({ name: s.name, dir: s.dir })),
  ];

  it('runs every service from its dist/ with plain node, no tsx', () => {
    expect(output).toContain('running compiled (dist/)');
    for (const { name, dir } of services) {
      const match = new RegExp(`\\[launcher\\] ${name} started \\(pid (\\d+),`).exec(output);
      expect(match, `${name} started`).not.toBeNull();
      const args = readFileSync(`/proc/${match?.[1]}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(args.slice(1)).toEqual(prodNodeArgs(dir));
      expect(args.join(' ')).not.toContain('tsx');
    }
  });

  it('each Dockerfile and start:prod script runs the service the same way', () => {
    for (const { dir } of services) {
      const dockerfile = readFileSync(join(ROOT, dir, 'Dockerfile'), 'utf8');
      const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
      expect(cmd && JSON.parse(cmd), `${dir}/Dockerfile`).toEqual(['node', ...prodNodeArgs(dir)]);
      const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
      expect(manifest.scripts['start:prod'], `${dir}/package.json`).toBe(
        ['node', ...prodNodeArgs(dir)].join(' '),
      );
    }
  });

  it('answers the council’s lägesbild through the gateway, every partner’s section present', async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': 'RADET' })),
      },
      body: JSON.stringify({
        query: LAGESBILD_RAPPORT,
        variables: { omrade: 'norrmalm', period: '2016' },
      }),
    });
    const body = (await response.json()) as GraphQLBody;
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    const lagesbild = body.data?.lagesbild as Record<string, unknown> | null | undefined;
    expect(lagesbild).toBeTruthy();
    for (const partner of ['polis', 'klotter', 'skolor']) {
      expect(JSON.stringify(lagesbild)).toContain(partner);
    }
  });
});
