/**
 * `pnpm --filter @lagesbild/klotter generera [N] [--databas fil.sqlite] [--stockholm] [--tyst]`: writes N
 * synthetic reports (default 1 000 000) for the benchmark, spread over 20 years
 * (2000–2019), four synthetic areas, the three reporters, the categories, the
 * environments and 200 places. Clearly synthetic: every reporter id starts with "SYNT-",
 * the areas are "synt-omrade-N", the places "SYNT plats N", and the notes say so — never
 * Norrmalm's picture. Written in batches, each a transaction; the SLA computed per report
 * at write time, as every write path does. The default database is .data/klotter-synt.sqlite,
 * not the subgraph's own. `--stockholm` spreads them over Stockholm's thirteen district areas
 * instead (Norrmalm among them) and seeds the source document's reports first: the scale
 * benchmark's data (bench/src/skala.ts), always in a throwaway database.
 */
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { MILJOER, platsId } from '@lagesbild/domain';
import type { Orm } from '@lagesbild/subgraph-kit';
import {
  oppnaSyntDb as oppnaKitSyntDb,
  STADSDELSOMRADEN,
  skrivRadAntal,
  slump,
} from '@lagesbild/subgraph-kit/synt';
import { DATA_DIR } from '../src/config';
import { KATEGORIER, Klotteranmalan, RAPPORTORER } from '../src/entities';
import { dagsperiod } from '../src/registrering';
import { klotter } from '../src/server';
import { beraknaSla } from '../src/sla';

export const SYNT_PREFIX = 'SYNT-';
export const SYNT_OMRADEN = ['synt-omrade-1', 'synt-omrade-2', 'synt-omrade-3', 'synt-omrade-4'];
const FORSTA_AR = 2000;
const AR = 20;
const PLATSER = Array.from({ length: 200 }, (_, i) => `SYNT plats ${i + 1}`);

/** The database to write into; `seed` puts the source document's reports in first. */
export function oppnaSyntDb(databaseUrl: string, options: { seed?: boolean } = {}): Promise<Orm> {
  return oppnaKitSyntDb(klotter, databaseUrl, { seed: options.seed ?? false });
}

/** Writes n synthetic reports; returns the milliseconds it took. */
export async function generera(
  orm: Orm,
  n: number,
  options: {
    perSats?: number;
    perTransaktion?: number;
    logg?: (text: string) => void;
    /** The areas to spread over; SYNT_OMRADEN unless given (the scale benchmark: Stockholm's 13). */
    omraden?: readonly string[];
  } = {},
): Promise<number> {
  const omraden = options.omraden ?? SYNT_OMRADEN;
  const perSats = options.perSats ?? 500;
  const perTransaktion = options.perTransaktion ?? 20_000;
  const rnd = slump(20170501);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const started = performance.now();
  const nu = new Date().toISOString();
  const yearMs = 365 * 86_400_000;
  for (let start = 0; start < n; start += perTransaktion) {
    const end = Math.min(n, start + perTransaktion);
    await orm.orm.em.fork().transactional(async (tx) => {
      for (let b = start; b < end; b += perSats) {
        const rows = [];
        for (let i = b; i < Math.min(end, b + perSats); i += 1) {
          const ar = FORSTA_AR + Math.floor(rnd() * AR);
          const anmald = Date.UTC(ar, 0, 1) + Math.floor(rnd() * (yearMs - 86_400_000));
          const avrop = rnd() < 0.85 ? anmald + Math.floor(rnd() * 4 * 3_600_000) : null;
          const paPlats =
            avrop !== null && rnd() < 0.9 ? avrop + Math.floor(rnd() * 30 * 3_600_000) : null;
          const bort =
            rnd() < 0.75 ? (paPlats ?? anmald) + Math.floor(rnd() * 36 * 3_600_000) : null;
          const tider = {
            anmaldTid: new Date(anmald).toISOString(),
            avropTid: avrop === null ? null : new Date(avrop).toISOString(),
            paPlatsTid: paPlats === null ? null : new Date(paPlats).toISOString(),
            borttagenTid: bort === null ? null : new Date(bort).toISOString(),
          };
          const period = dagsperiod(tider.anmaldTid);
          const plats = pick(PLATSER);
          rows.push({
            id: `synt-${i + 1}`,
            skapad: nu,
            andrad: nu,
            omradeId: pick(omraden),
            period: period.text,
            fran: period.fran,
            till: period.till,
            rapportor: pick(RAPPORTORER),
            rapportorensId: `${SYNT_PREFIX}${i + 1}`,
            kategori: pick(KATEGORIER),
            miljo: pick(MILJOER),
            innehall: 'Syntetiskt klotter',
            platsId: platsId(plats),
            platsText: plats,
            anteckningar: 'Syntetisk testdata för prestandamätning; inte verkliga händelser.',
            ...tider,
            ...beraknaSla(tider),
          });
        }
        await tx.insertMany(Klotteranmalan, rows);
      }
    });
    options.logg?.(`  ${end.toLocaleString('sv-SE')} av ${n.toLocaleString('sv-SE')} skrivna`);
  }
  return performance.now() - started;
}

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const dbAt = args.indexOf('--databas');
  const databaseUrl = dbAt >= 0 ? (args[dbAt + 1] as string) : `${DATA_DIR}/klotter-synt.sqlite`;
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && i !== dbAt + 1) ?? 1_000_000);
  // --stockholm: the thirteen district areas, beside the seed (the scale benchmark's data).
  const stockholm = args.includes('--stockholm');
  const orm = await oppnaSyntDb(databaseUrl, { seed: stockholm });
  try {
    const ms = await generera(orm, n, {
      logg: args.includes('--tyst') ? undefined : console.log,
      ...(stockholm ? { omraden: STADSDELSOMRADEN.map((o) => o.id) } : {}),
    });
    await skrivRadAntal(orm, 'klotter', ['klotteranmalan', 'nollrapport']);
    console.log(
      `${n.toLocaleString('sv-SE')} syntetiska anmälningar i ${databaseUrl} på ${(ms / 1000).toFixed(1)} s.`,
    );
  } finally {
    await orm.orm.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
