/**
 * Prints one subgraph's SDL as its code builds it. Run in a process of its own per
 * subgraph: type-graphql keeps its metadata per process, and two subgraphs that extend the
 * same shared entity would otherwise see each other's fields — partners deploy separately,
 * and their schemas are built separately too. The subgraph is found through the registry
 * (its folder's `src/schema.ts`), so a new one needs no dependency here.
 */
import { pathToFileURL } from 'node:url';
import { SUBGRAPHS } from './subgraphs';

const name = process.argv[2];
const entry = SUBGRAPHS.find((s) => s.name === name);
if (!entry) {
  console.error(`usage: print-sdl.ts <${SUBGRAPHS.map((s) => s.name).join('|')}>`);
  process.exit(3);
}
const file = new URL(`../${entry.dir}/src/schema.ts`, import.meta.url);
const built = (await import(pathToFileURL(file.pathname).href)) as {
  buildSchema?: () => Promise<{ sdl: string }>;
};
if (!built.buildSchema) {
  console.error(`${entry.dir}/src/schema.ts exports no buildSchema()`);
  process.exit(3);
}
process.stdout.write((await built.buildSchema()).sdl);
