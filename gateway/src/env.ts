/**
 * Reading the gateway's numeric and boolean environment variables: unset or empty means
 * "not given" (the caller's default applies); anything else that is not valid is refused
 * with a message naming the variable, so a typo fails the start instead of being ignored.
 */

export function millisecondsFrom(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1) {
    throw new Error(`${variable}="${raw}" är inte ett giltigt antal millisekunder (heltal ≥ 1).`);
  }
  return ms;
}

export function positiveInteger(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${variable}="${raw}" är inte ett giltigt antal (heltal ≥ 1).`);
  }
  return n;
}

export function booleanFrom(env: NodeJS.ProcessEnv, variable: string): boolean | undefined {
  const raw = env[variable]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${variable}="${env[variable]}" ska vara true eller false.`);
}
