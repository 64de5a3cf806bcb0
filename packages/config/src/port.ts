/**
 * Ports that Node's fetch (undici, after the Fetch standard's "bad port" list) refuses to
 * connect to: a service listening on one starts, but the gateway, the launcher's health
 * check and every other fetch client fail against it with "fetch failed" — so such a port
 * is refused when it is configured, naming the variable, never discovered 120 s later.
 */
export const BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/**
 * Reads one port value: an integer from `min` (0 lets the system choose; tests use it) to
 * 65535 and not on the fetch standard's bad-port list. The message names the variable.
 */
export function parsePort(variable: string, raw: string, min = 0): number {
  const text = raw.trim();
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port < min || port > 65_535) {
    throw new Error(`${variable}="${raw}" är inte ett giltigt portnummer (${min}–65535).`);
  }
  if (BAD_PORTS.has(port)) {
    let suggestion = port + 1;
    while (BAD_PORTS.has(suggestion)) suggestion += 1;
    throw new Error(
      `${variable}=${port}: port ${port} spärras av Nodes fetch (en av webbläsarnas "bad ports"), så tjänsterna kan inte nå varandra där. Välj en annan port, t.ex. ${variable}=${suggestion}.`,
    );
  }
  return port;
}

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
  return parsePort(variable, raw);
}

/**
 * Two services given the same port: the second cannot listen, or — worse — the launcher
 * talks to the first thinking it is the second. Throws naming both variables.
 */
export function assertDistinctPorts(ports: readonly { variable: string; port: number }[]): void {
  const seen = new Map<number, string>();
  for (const { variable, port } of ports) {
    if (port === 0) continue;
    const other = seen.get(port);
    if (other) {
      throw new Error(
        `${other} och ${variable} är båda ${port}: varje tjänst behöver en egen port.`,
      );
    }
    seen.set(port, variable);
  }
}
