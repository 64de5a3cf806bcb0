import { type Env, rapportSchema, readEnv } from '@lagesbild/config';
import { GATEWAY_DEFAULT_PORT } from '@lagesbild/domain';

/**
 * Which gateway `pnpm rapport` asks, when --gateway does not say: GATEWAY_URL, else
 * LAGESBILD_GATEWAY_URL (what the launcher gives its services), else the local gateway on
 * GATEWAY_PORT — the variable `pnpm start` reads, by the same rule — and only then the
 * default port. Without GATEWAY_PORT here a report would silently be read from whatever
 * other gateway answers on 4000.
 */
export function gatewayAdress(given: string | undefined, env: Env): string {
  if (given) return given;
  const read = readEnv(rapportSchema, env);
  return (
    read.GATEWAY_URL ??
    read.LAGESBILD_GATEWAY_URL ??
    `http://127.0.0.1:${read.GATEWAY_PORT ?? GATEWAY_DEFAULT_PORT}`
  );
}
