/**
 * Which gateway `pnpm rapport` asks, when --gateway does not say: GATEWAY_URL, else
 * LAGESBILD_GATEWAY_URL (what the launcher gives its services), else the local gateway on
 * GATEWAY_PORT — the variable `pnpm start` reads — and only then port 4000. Without
 * GATEWAY_PORT here a report would silently be read from whatever other gateway answers
 * on 4000.
 */
export function gatewayAdress(given: string | undefined, env: NodeJS.ProcessEnv): string {
  if (given) return given;
  if (env.GATEWAY_URL) return env.GATEWAY_URL;
  if (env.LAGESBILD_GATEWAY_URL) return env.LAGESBILD_GATEWAY_URL;
  const port = env.GATEWAY_PORT?.trim();
  if (port) {
    if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
      throw new Error(
        `GATEWAY_PORT="${env.GATEWAY_PORT}" är inte ett giltigt portnummer (1–65535).`,
      );
    }
    return `http://127.0.0.1:${Number(port)}`;
  }
  return 'http://127.0.0.1:4000';
}
