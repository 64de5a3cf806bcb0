/**
 * The partners' subgraphs: name (also the federation graph name), default port, folder.
 * Composition, the launcher and the tests read this list; adding a partner is one line
 * here plus its package in schema/package.json's dependencies.
 */
export interface SubgraphEntry {
  name: string;
  defaultPort: number;
  dir: string;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'forvaltning', defaultPort: 4001, dir: 'subgraphs/forvaltning' },
  { name: 'polis', defaultPort: 4002, dir: 'subgraphs/polis' },
  { name: 'skolor', defaultPort: 4003, dir: 'subgraphs/skolor' },
  { name: 'klotter', defaultPort: 4004, dir: 'subgraphs/klotter' },
];

export const GATEWAY_DEFAULT_PORT = 4000;

export function defaultUrl(entry: SubgraphEntry): string {
  return `http://127.0.0.1:${entry.defaultPort}/graphql`;
}
