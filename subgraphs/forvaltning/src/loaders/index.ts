import { type Miljo, Rapporteringsstatus, rapporteringsstatus } from '@lagesbild/domain';
import {
  areaPeriodListLoader,
  areaPeriodLoader,
  type DiskretionInstallningar,
  entityLoader,
  groupLoader,
  STANDARD_DISKRETION,
} from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import {
  Atervandare,
  Atgard,
  AtgardStatushandelse,
  Delsteg,
  Faltobservation,
  Handlingsplan,
  Incident,
  Kallanmarkning,
  Kontakt,
  Omrade,
  Plats,
  Samverkansforum,
} from '../entities';

/** Counts per source and environment for one area and period. */
export interface ForvaltningSummering {
  /** source → environment ('' for none) → { rader: rows, antal: what they count } */
  perKalla: Map<string, Map<string, { rader: number; antal: number }>>;
}

export function summa(
  s: ForvaltningSummering,
  kalla: string,
  miljo?: Miljo,
): { rader: number; antal: number } {
  const byMiljo = s.perKalla.get(kalla);
  if (!byMiljo) return { rader: 0, antal: 0 };
  if (miljo !== undefined) return byMiljo.get(miljo) ?? { rader: 0, antal: 0 };
  let rader = 0;
  let antal = 0;
  for (const v of byMiljo.values()) {
    rader += v.rader;
    antal += v.antal;
  }
  return { rader, antal };
}

/** Whether förvaltning has reported for the period: any record counts, a zero is a zero. */
export function forvaltningStatus(s: ForvaltningSummering): Rapporteringsstatus {
  let rader = 0;
  let ejNoll = 0;
  for (const kalla of ['incident', 'kontakt', 'faltobservation', 'atervandare']) {
    const t = summa(s, kalla);
    rader += t.rader;
    ejNoll += t.antal;
  }
  return rapporteringsstatus(rader, ejNoll);
}

interface SummaryRow {
  idx: string | number;
  kalla: string;
  miljo: string | null;
  rader: string | number;
  antal: string | number | null;
}

const within = (alias: string) =>
  `${alias}.omrade_id = k.omrade_id and ${alias}.fran >= k.fran and ${alias}.till <= k.till`;

/**
 * One statement per batch of area-periods: every count the picture and its environment
 * rows need, grouped in SQL. An observation with no stated count ("vid något tillfälle")
 * counts as one occurrence; an attested zero counts as a row but adds nothing.
 */
const SUMMARY_SQL = `
  select k.idx, 'incident' as kalla, i.miljo as miljo, count(*) as rader, count(*) as antal
    from k join incident i on ${within('i')} group by k.idx, i.miljo
  union all
  select k.idx, 'kontakt', c.miljo, count(*), sum(c.antal)
    from k join kontakt c on ${within('c')} group by k.idx, c.miljo
  union all
  select k.idx, 'faltobservation', f.miljo, count(*),
         sum(case when f.antal is null or f.antal > 0 then 1 else 0 end)
    from k join faltobservation f on ${within('f')} group by k.idx, f.miljo
  union all
  select k.idx, 'atervandare', null, count(*), sum(a.kanda_antal)
    from k join atervandare a on ${within('a')} group by k.idx`;

export function createLoaders(
  em: EntityManager,
  installningar: DiskretionInstallningar = STANDARD_DISKRETION,
) {
  return {
    installningar,
    omrade: entityLoader(em, Omrade),
    plats: entityLoader(em, Plats),
    platserIOmrade: groupLoader(em, Plats, 'omradeId', { orderBy: { namn: 'asc' } }),
    handlingsplanForOmrade: groupLoader(em, Handlingsplan, 'omradeId', {
      orderBy: { fastalld: 'desc' },
    }),
    atgarder: groupLoader(em, Atgard, 'handlingsplanId', { orderBy: { nr: 'asc' } }),
    delsteg: groupLoader(em, Delsteg, 'atgardId', { orderBy: { nr: 'asc' } }),
    historik: groupLoader(em, AtgardStatushandelse, 'atgardId', {
      orderBy: { tidpunkt: 'asc', delstegNr: 'asc' },
    }),
    samverkansforum: groupLoader(em, Samverkansforum, 'omradeId', { orderBy: { namn: 'asc' } }),
    incidenter: areaPeriodListLoader(em, Incident),
    kontakter: areaPeriodListLoader(em, Kontakt),
    faltobservationer: areaPeriodListLoader(em, Faltobservation),
    atervandare: areaPeriodListLoader(em, Atervandare),
    kallanmarkningar: areaPeriodListLoader(em, Kallanmarkning),
    summering: areaPeriodLoader<SummaryRow, ForvaltningSummering>(
      (cte) => em.getConnection().execute<SummaryRow[]>(`${cte.sql} ${SUMMARY_SQL}`, cte.params),
      (rows) => {
        const perKalla = new Map<string, Map<string, { rader: number; antal: number }>>();
        for (const r of rows) {
          const byMiljo = perKalla.get(r.kalla) ?? new Map();
          perKalla.set(r.kalla, byMiljo);
          // PostgreSQL returns bigint/numeric aggregates as strings.
          byMiljo.set(r.miljo ?? '', { rader: Number(r.rader), antal: Number(r.antal ?? 0) });
        }
        return { perKalla };
      },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
