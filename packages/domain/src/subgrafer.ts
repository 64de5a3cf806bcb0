/**
 * The registry of subgraphs: every service that serves part of the graph, with its name
 * (also its federation graph name, its package `@lagesbild/<name>` and the prefix of its
 * variables, `<NAME>_PORT`), its default port and its folder. Composition, the launcher,
 * the import command, the deployment file, the subgraphs' own configuration and the tests
 * read this list: adding a subgraph is one entry here and its folder under `subgraphs/`.
 */
export interface SubgraphEntry {
  name: string;
  defaultPort: number;
  dir: string;
  /**
   * The field the subgraph adds to `Lagesbild` and `MiljoLage` with its section of the
   * live picture, or null for a subgraph without one (the council's publications).
   */
  lagesbildFalt: string | null;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  {
    name: 'forvaltning',
    defaultPort: 4001,
    dir: 'subgraphs/forvaltning',
    lagesbildFalt: 'forvaltning',
  },
  { name: 'polis', defaultPort: 4002, dir: 'subgraphs/polis', lagesbildFalt: 'polis' },
  { name: 'skolor', defaultPort: 4003, dir: 'subgraphs/skolor', lagesbildFalt: 'skolor' },
  { name: 'klotter', defaultPort: 4004, dir: 'subgraphs/klotter', lagesbildFalt: 'klotter' },
  // The council's adopted lägesbild: no section of its own in the live picture.
  { name: 'publicering', defaultPort: 4005, dir: 'subgraphs/publicering', lagesbildFalt: null },
];

export const GATEWAY_DEFAULT_PORT = 4000;

/** The registry entry of a subgraph; an unknown name is a programming error. */
export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`"${name}" is not in the subgraph registry (SUBGRAPHS).`);
  return entry;
}

export function defaultUrl(entry: SubgraphEntry): string {
  return `http://127.0.0.1:${entry.defaultPort}/graphql`;
}
