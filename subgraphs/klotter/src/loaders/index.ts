import { type Miljo, narmasteGrovrePeriod, type Period } from '@lagesbild/domain';
import {
  type AreaPeriod,
  areaPeriodListLoader,
  areaPeriodLoader,
  entityLoader,
  groupLoader,
  grovrePeriodCte,
  grovrePeriodVillkor,
  radlasare,
} from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { type Kategori, Klotteranmalan, Nollrapport, type Rapportor } from '../entities';

/** One (reporter, category, environment) group of reports with its SLA outcome counts. */
export interface KlotterGruppRad {
  rapportor: Rapportor;
  kategori: Kategori;
  miljo: Miljo;
  antal: number;
  saneringUppfyllt: number;
  saneringEj: number;
  paPlatsUppfyllt: number;
  paPlatsEj: number;
}

/** What the picture needs for one area and period, from one aggregate statement. */
export interface KlotterSummering {
  grupper: KlotterGruppRad[];
  /** Attested zeros per reporter inside the period. */
  nollor: Map<Rapportor, number>;
}

interface SummaryRow {
  idx: string | number;
  kalla: 'anmalan' | 'noll';
  rapportor: string;
  kategori: string | null;
  miljo: string | null;
  antal: string | number;
  sanering_uppfyllt: string | number | null;
  sanering_ej: string | number | null;
  pa_plats_uppfyllt: string | number | null;
  pa_plats_ej: string | number | null;
}

const within = (alias: string) =>
  `${alias}.omrade_id = k.omrade_id and ${alias}.fran >= k.fran and ${alias}.till <= k.till`;

/**
 * Counts and SLA compliance per reporter, category and environment, plus the attested
 * zeros, for every area-period of a batch: one statement, grouped in SQL, reading only
 * the covering index klotteranmalan_aggregat_idx.
 */
const SUMMARY_SQL = `
  select k.idx, 'anmalan' as kalla, a.rapportor, a.kategori, a.miljo, count(*) as antal,
         sum(case when a.sla_sanering = 'UPPFYLLT' then 1 else 0 end) as sanering_uppfyllt,
         sum(case when a.sla_sanering = 'EJ_UPPFYLLT' then 1 else 0 end) as sanering_ej,
         sum(case when a.sla_pa_plats = 'UPPFYLLT' then 1 else 0 end) as pa_plats_uppfyllt,
         sum(case when a.sla_pa_plats = 'EJ_UPPFYLLT' then 1 else 0 end) as pa_plats_ej
    from k join klotteranmalan a on ${within('a')}
   group by k.idx, a.rapportor, a.kategori, a.miljo
  union all
  select k.idx, 'noll', n.rapportor, null, null, count(*), null, null, null, null
    from k join nollrapport n on ${within('n')}
   group by k.idx, n.rapportor`;

/** The periods written by reports or zero-reports that strictly contain each key's period. */
const GROVRE_SQL = `
  select distinct k.idx, a.period from k join klotteranmalan a on ${grovrePeriodVillkor('a')}
  union
  select distinct k.idx, n.period from k join nollrapport n on ${grovrePeriodVillkor('n')}`;

/** The same per reporter: one statement per batch. */
const GROVRE_PER_RAPPORTOR_SQL = `
  select distinct k.idx, a.rapportor, a.period from k join klotteranmalan a on ${grovrePeriodVillkor('a')}
  union
  select distinct k.idx, n.rapportor, n.period from k join nollrapport n on ${grovrePeriodVillkor('n')}`;

/**
 * A DataLoader over area-period keys on the kit's grovrePeriodCte (the search for longer
 * periods bounded to the key's year): one statement per batch, rows tagged with `idx`.
 */
function grovreLoader<Row extends { idx: string | number }, V>(
  em: EntityManager,
  sql: string,
  shape: (rows: Row[], key: AreaPeriod) => V,
): DataLoader<AreaPeriod, V, string> {
  return areaPeriodLoader<Row, V>(
    (cte) => em.getConnection().execute<Row[]>(`${cte.sql} ${sql}`, cte.params),
    shape,
    grovrePeriodCte,
  );
}

/** A page of reports: the filters, the page size and the cursor after which it starts. */
export interface SidNyckel {
  omradeId: string;
  period: Period | null;
  rapportor: Rapportor | null;
  kategori: Kategori | null;
  miljo: Miljo | null;
  forsta: number;
  efter: string | null;
}

export interface Sida {
  anmalningar: Klotteranmalan[];
  totalt: number;
  finnsFler: boolean;
  nastaMarkor: string | null;
}

/** An opaque cursor: the position (fran, id) of the last row of a page. */
export function markor(a: { fran: string; id: string }): string {
  return Buffer.from(JSON.stringify([a.fran, a.id])).toString('base64url');
}

export function lasMarkor(text: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) {
      return [v[0] as string, v[1] as string];
    }
  } catch {
    // Not a cursor of ours: the resolver says so.
  }
  return null;
}

const sidNyckel = (k: SidNyckel) =>
  [k.omradeId, k.period?.text, k.rapportor, k.kategori, k.miljo, k.forsta, k.efter].join('|');

/**
 * Pages for every key of a batch in one statement, whatever the batch's size. Per key, a
 * keyset read: its filters, the rows after the cursor in (fran, id) order, `forsta + 1` of
 * them (the extra one says whether there is a next page), beside its total counted from the
 * covering index (a left join, so a page past the end still has its total); the keys'
 * parts joined by UNION ALL. Nothing numbers the period's rows: a page costs its own rows,
 * not the period's (one area-year of a million-report table holds ≈4 000).
 */
function sidLoader(em: EntityManager) {
  // A page is only read: its rows as plain instances (the kit's radlasare), not mapped
  // through the unit of work — em.map for 500 rows was the largest part of klotter's CPU
  // for the picture at a million reports.
  const rad = radlasare(em, Klotteranmalan);
  return new DataLoader<SidNyckel, Sida, string>(
    async (keys) => {
      const params: (string | number)[] = [];
      const delar = keys.map((k, i) => {
        // Only the filters a key has, so each part can use the index that fits it
        // (klotteranmalan_miljo_idx for an environment, klotteranmalan_sida_idx otherwise).
        const villkor = ['a.omrade_id = ?', 'a.fran >= ?', 'a.till <= ?'];
        const filter: string[] = [
          k.omradeId,
          k.period?.fran ?? '0000-01-01',
          k.period?.till ?? '9999-12-31',
        ];
        for (const [kolumn, varde] of [
          ['rapportor', k.rapportor],
          ['kategori', k.kategori],
          ['miljo', k.miljo],
        ] as const) {
          if (varde === null) continue;
          villkor.push(`a.${kolumn} = ?`);
          filter.push(varde);
        }
        const c = k.efter ? lasMarkor(k.efter) : null;
        const efter = c ? ' and (a.fran > ? or (a.fran = ? and a.id > ?))' : '';
        params.push(String(i), ...filter, ...filter, ...(c ? [c[0], c[0], c[1]] : []));
        params.push(k.forsta + 1);
        const where = villkor.join(' and ');
        return `select * from
            (select cast(? as integer) as k_idx, count(*) as k_totalt
               from klotteranmalan a where ${where}) as t${i}
          left join
            (select a.* from klotteranmalan a where ${where}${efter}
              order by a.fran, a.id limit ?) as s${i}
          on 1 = 1`;
      });
      // Each key's rows in page order (a UNION ALL promises no order of its own).
      const rows = await em
        .getConnection()
        .execute<Record<string, unknown>[]>(
          `select * from (${delar.join(' union all ')}) as sidor order by k_idx, fran, id`,
          params as string[],
        );
      const perKey = keys.map(() => ({ rows: [] as Klotteranmalan[], totalt: 0 }));
      for (const row of rows) {
        const page = perKey[Number(row.k_idx)];
        if (!page) continue;
        page.totalt = Number(row.k_totalt);
        // A page past the end is one row of nulls beside its total.
        if (row.id != null) page.rows.push(rad(row));
      }
      return keys.map((k, i) => {
        const page = perKey[i] as { rows: Klotteranmalan[]; totalt: number };
        const finnsFler = page.rows.length > k.forsta;
        const anmalningar = page.rows.slice(0, k.forsta);
        const last = anmalningar.at(-1);
        return {
          anmalningar,
          totalt: page.totalt,
          finnsFler,
          nastaMarkor: finnsFler && last ? markor(last) : null,
        };
      });
    },
    { cacheKeyFn: sidNyckel },
  );
}

export function createLoaders(em: EntityManager) {
  return {
    anmalan: entityLoader(em, Klotteranmalan),
    vidPlats: groupLoader(em, Klotteranmalan, 'platsId', { orderBy: { fran: 'asc', id: 'asc' } }),
    sida: sidLoader(em),
    nollrapporter: areaPeriodListLoader(em, Nollrapport, { rapportor: 'asc', fran: 'asc' }),
    /** The shortest longer period with reports or zero-reports, for the section's status. */
    grovre: grovreLoader<{ idx: string | number; period: string }, Period | null>(
      em,
      GROVRE_SQL,
      (rows, key) =>
        narmasteGrovrePeriod(
          rows.map((r) => r.period),
          key.period,
        ),
    ),
    /** The same per reporter; asked only when the section has such a period at all. */
    grovrePerRapportor: grovreLoader<
      { idx: string | number; rapportor: string; period: string },
      Map<Rapportor, Period>
    >(em, GROVRE_PER_RAPPORTOR_SQL, (rows, key) => {
      const perioder = new Map<Rapportor, string[]>();
      for (const r of rows) {
        const lista = perioder.get(r.rapportor as Rapportor) ?? [];
        lista.push(r.period);
        perioder.set(r.rapportor as Rapportor, lista);
      }
      const ut = new Map<Rapportor, Period>();
      for (const [rapportor, lista] of perioder) {
        const p = narmasteGrovrePeriod(lista, key.period);
        if (p) ut.set(rapportor, p);
      }
      return ut;
    }),
    summering: areaPeriodLoader<SummaryRow, KlotterSummering>(
      (cte) => em.getConnection().execute<SummaryRow[]>(`${cte.sql} ${SUMMARY_SQL}`, cte.params),
      (rows) => {
        const grupper: KlotterGruppRad[] = [];
        const nollor = new Map<Rapportor, number>();
        for (const r of rows) {
          // PostgreSQL returns bigint/numeric aggregates as strings.
          if (r.kalla === 'noll') {
            nollor.set(r.rapportor as Rapportor, Number(r.antal));
            continue;
          }
          grupper.push({
            rapportor: r.rapportor as Rapportor,
            kategori: r.kategori as Kategori,
            miljo: r.miljo as Miljo,
            antal: Number(r.antal),
            saneringUppfyllt: Number(r.sanering_uppfyllt ?? 0),
            saneringEj: Number(r.sanering_ej ?? 0),
            paPlatsUppfyllt: Number(r.pa_plats_uppfyllt ?? 0),
            paPlatsEj: Number(r.pa_plats_ej ?? 0),
          });
        }
        return { grupper, nollor };
      },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
