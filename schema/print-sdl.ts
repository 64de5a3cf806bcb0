/**
 * Prints one subgraph's SDL as its code builds it. Run in a process of its own per
 * subgraph: type-graphql keeps its metadata per process, and two subgraphs that extend the
 * same shared entity would otherwise see each other's fields — partners deploy separately,
 * and their schemas are built separately too.
 */
export {};

const subgraph = process.argv[2];
if (!subgraph) {
  console.error('usage: print-sdl.ts <subgraph>');
  process.exit(3);
}
const built = (await import(`@lagesbild/${subgraph}`)) as {
  buildSchema?: () => Promise<{ sdl: string }>;
};
if (!built.buildSchema) {
  console.error(`@lagesbild/${subgraph} exports no buildSchema()`);
  process.exit(3);
}
process.stdout.write((await built.buildSchema()).sdl);
