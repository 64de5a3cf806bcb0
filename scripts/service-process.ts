import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * How one service's process is started — by the launcher, and by the tests when they bring
 * a stopped subgraph back — so both run it the same way. `node --import tsx`: the
 * services run from TypeScript source, with no decorator metadata, exactly how partners
 * run them. `dir` is relative to the repository root.
 */
export function spawnService(dir: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: `${root}${dir}`,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The environment the launcher gives a subgraph: its own, plus its port and where the
 * gateway answers (`LAGESBILD_GATEWAY_URL`, for a subgraph that reads the combined picture,
 * as the council's publications do), unless the environment already says.
 */
export function subgraphEnv(
  base: NodeJS.ProcessEnv,
  name: string,
  port: number,
): NodeJS.ProcessEnv {
  const gatewayUrl =
    base.LAGESBILD_GATEWAY_URL ?? `http://127.0.0.1:${base.GATEWAY_PORT ?? '4000'}/graphql`;
  return {
    ...base,
    [`${name.toUpperCase()}_PORT`]: String(port),
    LAGESBILD_GATEWAY_URL: gatewayUrl,
  };
}
