import { type Miljo, narmasteGrovrePeriod, type Period } from '@lagesbild/domain';
import {
  areaPeriodListLoader,
  areaPeriodLoader,
  entityLoader,
  groupLoader,
  grovrePeriodLoader,
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

const containing = (alias: string) =>
  `${alias}.omrade_id = k.omrade_id and ${alias}.fran <= k.fran and ${alias}.till >= k.till
   and (${alias}.fran < k.fran or ${alias}.till > k.till)`;

/**
 * Per reporter, the periods it wrote reports or zero-reports for that strictly contain
 * each key's period (a report dated 2016 when 2016-H2 is asked): one statement per batch.
 */
const GROVRE_PER_RAPPORTOR_SQL = `
  select distinct k.idx, a.rapportor, a.period from k join klotteranmalan a on ${containing('a')}
  union
  select distinct k.idx, n.rapportor, n.period from k join nollrapport n on ${containing('n')}`;

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
 * Pages for every key of a batch in one statement: the keys as a VALUES table, the
 * matching rows numbered per key by a window function (rows after the cursor first), the
 * total per key counted by another, and only each key's first `forsta + 1` rows returned
 * (the extra one says whether there is a next page).
 */
function sidLoader(em: EntityManager) {
  return new DataLoader<SidNyckel, Sida, string>(
    async (keys) => {
      const params: (string | number | null)[] = [];
      const values = keys.map((k, i) => {
        const c = k.efter ? lasMarkor(k.efter) : null;
        params.push(
          String(i),
          k.omradeId,
          k.period?.fran ?? '0000-01-01',
          k.period?.till ?? '9999-12-31',
          k.rapportor,
          k.kategori,
          k.miljo,
          c?.[0] ?? null,
          c?.[1] ?? null,
          k.forsta + 1,
        );
        return '(?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as integer))';
      });
      const efter =
        '(k.efter_id is null or a.fran > k.efter_fran or (a.fran = k.efter_fran and a.id > k.efter_id))';
      const sql = `
        with k(idx, omrade_id, fran, till, rapportor, kategori, miljo, efter_fran, efter_id, grans)
          as (values ${values.join(', ')})
        select * from (
          select k.idx as k_idx, k.grans as k_grans, a.*,
                 count(*) over (partition by k.idx) as k_totalt,
                 case when ${efter} then 1 else 0 end as k_efter,
                 row_number() over (partition by k.idx
                   order by case when ${efter} then 0 else 1 end, a.fran, a.id) as k_nr
            from k join klotteranmalan a on ${within('a')}
             and (k.rapportor is null or a.rapportor = k.rapportor)
             and (k.kategori is null or a.kategori = k.kategori)
             and (k.miljo is null or a.miljo = k.miljo)
        ) s
        where (s.k_efter = 1 and s.k_nr <= s.k_grans) or s.k_nr = 1
        order by s.k_idx, s.k_nr`;
      const rows = await em
        .getConnection()
        .execute<Record<string, unknown>[]>(sql, params as string[]);
      const perKey = keys.map(() => ({ rows: [] as Klotteranmalan[], totalt: 0 }));
      for (const row of rows) {
        const { k_idx, k_grans: _g, k_totalt, k_efter, k_nr: _n, ...columns } = row;
        const page = perKey[Number(k_idx)];
        if (!page) continue;
        page.totalt = Number(k_totalt);
        // A page past the end still returns one row, only so the total is known.
        if (Number(k_efter) !== 1) continue;
        page.rows.push(em.map(Klotteranmalan, columns));
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
    grovre: grovrePeriodLoader(em, [Klotteranmalan, Nollrapport]),
    /** The same per reporter; asked only when the section has such a period at all. */
    grovrePerRapportor: areaPeriodLoader<
      { idx: string | number; rapportor: string; period: string },
      Map<Rapportor, Period>
    >(
      (cte) => em.getConnection().execute(`${cte.sql} ${GROVRE_PER_RAPPORTOR_SQL}`, cte.params),
      (rows, key) => {
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
      },
    ),
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
