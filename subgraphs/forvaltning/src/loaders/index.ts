import {
  type Miljo,
  type Period,
  type Rapporteringsstatus,
  rapporteringsstatus,
} from '@lagesbild/domain';
import {
  areaPeriodListLoader,
  areaPeriodLoader,
  entityLoader,
  groupLoader,
  grovrePeriodLoader,
} from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
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

/** One source's records in one environment (or in all): how many, and what they count. */
export interface Summa {
  /** Records. */
  rader: number;
  /** The sum of the records' stated counts. */
  antal: number;
  /** Records whose count is not stated ("vid något tillfälle"): the sum is then unknown. */
  okanda: number;
}

const INGEN: Summa = { rader: 0, antal: 0, okanda: 0 };

/** Counts per source and environment for one area and period. */
export interface ForvaltningSummering {
  /** source → environment ('' for none) → its Summa */
  perKalla: Map<string, Map<string, Summa>>;
}

export function summa(s: ForvaltningSummering, kalla: string, miljo?: Miljo): Summa {
  const byMiljo = s.perKalla.get(kalla);
  if (!byMiljo) return INGEN;
  if (miljo !== undefined) return byMiljo.get(miljo) ?? INGEN;
  const t = { ...INGEN };
  for (const v of byMiljo.values()) {
    t.rader += v.rader;
    t.antal += v.antal;
    t.okanda += v.okanda;
  }
  return t;
}

/** The records that decide whether förvaltning has reported for a period. */
export const STATUSKALLOR = ['incident', 'kontakt', 'faltobservation', 'atervandare'] as const;
/** The same sources as entities, for the longer period they were reported for. */
export const STATUSENTITETER = [Incident, Kontakt, Faltobservation, Atervandare];

/**
 * Whether förvaltning has reported for the period: any record counts, a zero is a zero, an
 * observation of unknown count is not a zero; with no record inside the period, whether
 * it has records for a longer period that contains it (`grovre`).
 */
export function forvaltningStatus(s: ForvaltningSummering, grovre = false): Rapporteringsstatus {
  let rader = 0;
  let ejNoll = 0;
  for (const kalla of STATUSKALLOR) {
    const t = summa(s, kalla);
    rader += t.rader;
    ejNoll += t.antal + t.okanda;
  }
  return rapporteringsstatus(rader, ejNoll, grovre);
}

/** Whether the status can be told without asking for a longer period (it has records). */
export function harRader(s: ForvaltningSummering): boolean {
  return STATUSKALLOR.some((kalla) => summa(s, kalla).rader > 0);
}

interface SummaryRow {
  idx: string | number;
  kalla: string;
  miljo: string | null;
  rader: string | number;
  antal: string | number | null;
  okanda: string | number | null;
}

const within = (alias: string) =>
  `${alias}.omrade_id = k.omrade_id and ${alias}.fran >= k.fran and ${alias}.till <= k.till`;

/**
 * One statement per batch of area-periods: every count the picture and its environment
 * rows need, grouped in SQL. An observation with no stated count ("vid något tillfälle")
 * is counted apart (`okanda`), never as a number; an attested zero counts as a row but
 * adds nothing.
 */
const SUMMARY_SQL = `
  select k.idx, 'incident' as kalla, i.miljo as miljo, count(*) as rader, count(*) as antal,
         0 as okanda
    from k join incident i on ${within('i')} group by k.idx, i.miljo
  union all
  select k.idx, 'kontakt', c.miljo, count(*), sum(c.antal), 0
    from k join kontakt c on ${within('c')} group by k.idx, c.miljo
  union all
  select k.idx, 'faltobservation', f.miljo, count(*), sum(f.antal),
         sum(case when f.antal is null then 1 else 0 end)
    from k join faltobservation f on ${within('f')} group by k.idx, f.miljo
  union all
  select k.idx, 'atervandare', null, count(*), sum(a.kanda_antal), 0
    from k join atervandare a on ${within('a')} group by k.idx`;

/**
 * For each registered place id, its own id and every descendant's (parts, their parts, …),
 * one recursive statement per batch. `union` (not `union all`) stops at a row already
 * seen, so even a cycle written by hand into the table ends.
 */
const OMFATTAR_SQL = (n: number) => `
  with recursive d(rot, id) as (
    select id, id from plats where id in (${Array(n).fill('?').join(', ')})
    union
    select d.rot, p.id from plats p join d on p.del_av_id = d.id
  )
  select rot, id from d`;

/** A place and a period (null: any time): the key of Plats.incidenter. */
export interface PlatsPeriod {
  platsId: string;
  period: Period | null;
}

export function createLoaders(em: EntityManager) {
  return {
    omrade: entityLoader(em, Omrade),
    plats: entityLoader(em, Plats),
    platserIOmrade: groupLoader(em, Plats, 'omradeId', { orderBy: { namn: 'asc' } }),
    delar: groupLoader(em, Plats, 'delAvId', { orderBy: { namn: 'asc' } }),
    /** A registered place's id and its descendants' ids, the place first, then by id. */
    omfattar: new DataLoader<string, string[]>(async (ids) => {
      const rows = await em
        .getConnection()
        .execute<{ rot: string; id: string }[]>(OMFATTAR_SQL(ids.length), [...ids]);
      const perRot = new Map<string, string[]>();
      for (const r of rows) {
        if (r.id === r.rot) continue;
        const list = perRot.get(r.rot);
        if (list) list.push(r.id);
        else perRot.set(r.rot, [r.id]);
      }
      return ids.map((id) => [id, ...(perRot.get(id) ?? []).sort()]);
    }),
    /** Incidents at a place, within a period or at any time; one SELECT per batch. */
    incidenterVidPlats: new DataLoader<PlatsPeriod, Incident[], string>(
      async (keys) => {
        const perPeriod = new Map<string, { period: Period | null; ids: Set<string> }>();
        for (const k of keys) {
          const text = k.period?.text ?? '';
          const group = perPeriod.get(text) ?? { period: k.period, ids: new Set<string>() };
          group.ids.add(k.platsId);
          perPeriod.set(text, group);
        }
        const where = {
          $or: [...perPeriod.values()].map(({ period, ids }) => ({
            platsId: { $in: [...ids] },
            ...(period ? { fran: { $gte: period.fran }, till: { $lte: period.till } } : {}),
          })),
        };
        const rows = await em.find(Incident, where, { orderBy: { fran: 'asc', id: 'asc' } });
        return keys.map((k) =>
          rows.filter(
            (r) =>
              r.platsId === k.platsId &&
              (!k.period || (r.fran >= k.period.fran && r.till <= k.period.till)),
          ),
        );
      },
      { cacheKeyFn: (k) => `${k.platsId}|${k.period?.text ?? ''}` },
    ),
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
    /** The shortest longer period förvaltning reported for (2016 for 2016-H2), or null. */
    grovrePeriod: grovrePeriodLoader(em, STATUSENTITETER),
    summering: areaPeriodLoader<SummaryRow, ForvaltningSummering>(
      (cte) => em.getConnection().execute<SummaryRow[]>(`${cte.sql} ${SUMMARY_SQL}`, cte.params),
      (rows) => {
        const perKalla = new Map<string, Map<string, Summa>>();
        for (const r of rows) {
          const byMiljo = perKalla.get(r.kalla) ?? new Map<string, Summa>();
          perKalla.set(r.kalla, byMiljo);
          // PostgreSQL returns bigint/numeric aggregates as strings; sum() over only nulls is null.
          byMiljo.set(r.miljo ?? '', {
            rader: Number(r.rader),
            antal: Number(r.antal ?? 0),
            okanda: Number(r.okanda ?? 0),
          });
        }
        return { perKalla };
      },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
