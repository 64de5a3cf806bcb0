/**
 * Reads a port from the environment; explicit arguments win, as they do everywhere in
 * this project's config.
 */
export function portFrom(
  explicit: number | undefined,
  env: NodeJS.ProcessEnv,
  variable: string,
  fallback: number,
): number {
  if (explicit !== undefined) return explicit;
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${variable}="${raw}" är inte ett giltigt portnummer (0–65535).`);
  }
  return port;
}
