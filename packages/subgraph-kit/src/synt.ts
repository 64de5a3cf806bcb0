/**
 * What the subgraphs' synthetic volume generators share (`scripts/generera.ts` in each):
 * a seeded random source, Stockholm's thirteen district areas, and a batched writer. For
 * benchmarks only: nothing in a service imports this, and every row it helps write is
 * marked synthetic (ids start with `synt-`). No person appears in any of it.
 */
import { parseArgs } from 'node:util';
import { STADSDELSOMRADEN as REGISTRET } from '@lagesbild/domain';
import type { EntityName } from '@mikro-orm/core';
import { createOrm, migrate, type Orm } from './orm';
import type { SubgraphDefinition } from './subgraph';

/** A small deterministic generator (mulberry32), so two runs write the same rows. */
export function slump(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Stockholm's district areas from the one register (packages/domain), with their boards. */
export const STADSDELSOMRADEN: readonly { id: string; namn: string; namnd: string }[] =
  REGISTRET.map(({ id, namn }) => ({ id, namn, namnd: `${namn} stadsdelsnämnd` }));

/** The synthetic years: twenty of them, so a query can span a decade and more. */
export const SYNT_FORSTA_AR = 2000;
export const SYNT_AR = 20;
const DAY_MS = 86_400_000;

export interface SyntSlump {
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  /** A day inside the synthetic years, as 'YYYY-MM-DD'. */
  dag: () => string;
}

export function syntSlump(seed: number): SyntSlump {
  const rnd = slump(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const start = Date.UTC(SYNT_FORSTA_AR, 0, 1);
  const days = (Date.UTC(SYNT_FORSTA_AR + SYNT_AR, 0, 1) - start) / DAY_MS;
  const dag = () => new Date(start + Math.floor(rnd() * days) * DAY_MS).toISOString().slice(0, 10);
  return { rnd, pick, dag };
}

/**
 * Opens (migrates and, unless told otherwise, seeds with the source document's data) the
 * database a generator writes into: the synthetic rows land beside the seed, as a
 * partner's years of data would beside Norrmalm's 2016.
 */
export async function oppnaSyntDb<T>(
  definition: SubgraphDefinition<T>,
  databaseUrl: string,
  options: { seed?: boolean } = {},
): Promise<Orm> {
  const orm = await createOrm({
    databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    quiet: true,
  });
  await migrate(orm.orm);
  if (orm.kind === 'sqlite') {
    // A throwaway benchmark file: no rollback journal on disk and no fsync per commit, or
    // a million rows write every page twice and wait on the disk for each transaction.
    const connection = orm.orm.em.getConnection();
    await connection.execute('pragma journal_mode = memory');
    await connection.execute('pragma synchronous = off');
  }
  if ((options.seed ?? true) && definition.seed) await definition.seed(orm.orm.em.fork());
  return orm;
}

/**
 * Writes n rows made by `rad(i)` as multi-row INSERTs (`perSats` rows each), `perTransaktion`
 * rows to a transaction; returns the milliseconds it took.
 */
export async function skrivSatser(
  orm: Orm,
  entity: EntityName<object>,
  n: number,
  rad: (i: number) => Record<string, unknown>,
  options: { perSats?: number; perTransaktion?: number; logg?: (text: string) => void } = {},
): Promise<number> {
  const perSats = options.perSats ?? 500;
  const perTransaktion = options.perTransaktion ?? 20_000;
  const started = performance.now();
  for (let start = 0; start < n; start += perTransaktion) {
    const end = Math.min(n, start + perTransaktion);
    await orm.orm.em.fork().transactional(async (tx) => {
      for (let b = start; b < end; b += perSats) {
        const rows = [];
        for (let i = b; i < Math.min(end, b + perSats); i += 1) rows.push(rad(i));
        await tx.insertMany(entity, rows);
      }
    });
    options.logg?.(`  ${end.toLocaleString('sv-SE')} av ${n.toLocaleString('sv-SE')} skrivna`);
  }
  return performance.now() - started;
}

/**
 * The generators' command line: `--databas FILE` and `--<what> N` per kind of row (the
 * caller's defaults), `--tyst` for no progress lines.
 */
export function syntArgs<K extends string>(
  argv: string[],
  defaults: Record<K, number>,
  fallbackDatabase: string,
): { databas: string; antal: Record<K, number>; tyst: boolean } {
  const options: Record<string, { type: 'string' } | { type: 'boolean' }> = {
    databas: { type: 'string' },
    tyst: { type: 'boolean' },
  };
  for (const key of Object.keys(defaults)) options[key] = { type: 'string' };
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options,
    allowPositionals: false,
  });
  const antal = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) {
    const raw = values[key];
    if (typeof raw !== 'string') continue;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${key} ${raw}: ange ett heltal ≥ 0`);
    antal[key] = n;
  }
  const databas = typeof values.databas === 'string' ? values.databas : fallbackDatabase;
  return { databas, antal, tyst: values.tyst === true };
}

/**
 * Prints the rows per table as one line a benchmark can read (`SYNT-ANTAL {json}`): what
 * the volume actually is, seed included, not what was asked for.
 */
export async function skrivRadAntal(orm: Orm, subgraph: string, tabeller: string[]): Promise<void> {
  const connection = orm.orm.em.getConnection();
  const antal: Record<string, number> = {};
  for (const tabell of tabeller) {
    const [row] = await connection.execute<{ n: number | string }[]>(
      `select count(*) as n from ${tabell}`,
    );
    antal[tabell] = Number(row?.n ?? 0);
  }
  console.log(`SYNT-ANTAL ${JSON.stringify({ subgraph, antal })}`);
}
