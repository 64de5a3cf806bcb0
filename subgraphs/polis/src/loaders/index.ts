import {
  MILJOER,
  type Miljo,
  type Niva,
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
  Bedomning,
  Gruppering,
  Handelse,
  HandelsePlats,
  Maltavla,
  NIVAER_SOM_RAPPORTERAR,
} from '../entities';

/**
 * The level an environment has in a period: from the latest current assessment inside it,
 * or null when none lies inside ("not assessed" — OKAND is an assessment, not this).
 */
export interface MiljoNivaer {
  bosatta: Niva | null;
  folkbokforda: Niva | null;
  utsattaForBrott: Niva | null;
  resor: Niva | null;
  /** The period of the assessment the levels come from; null when none lies inside. */
  bedomningsperiod: string | null;
  /** Current assessments of this environment inside the period. */
  bedomningar: number;
  /** Of the levels shown (the latest assessment's), those stating an occurrence. */
  ejNoll: number;
  handelser: number;
}

export interface PolisSummering {
  /**
   * From the assessments and events inside the period: RAPPORTERAT, RAPPORTERAT_NOLL or
   * EJ_RAPPORTERAT. Whether an EJ_RAPPORTERAT is in fact "assessed for the longer
   * half-year" takes the grovrePeriod loader; both have no number, so a count needs only this.
   */
  status: Rapporteringsstatus;
  perMiljo: Map<Miljo, MiljoNivaer>;
  /** Current assessments inside the period, and how many of them state an occurrence. */
  bedomningar: number;
  ejNoll: number;
  handelser: number;
}

const INGEN_BEDOMNING: Omit<MiljoNivaer, 'handelser'> = {
  bosatta: null,
  folkbokforda: null,
  utsattaForBrott: null,
  resor: null,
  bedomningsperiod: null,
  bedomningar: 0,
  ejNoll: 0,
};

interface SummaryRow {
  idx: string | number;
  kalla: 'bedomning' | 'handelse';
  miljo: string;
  bosatta: string | null;
  folkbokforda: string | null;
  utsatta_for_brott: string | null;
  resor: string | null;
  bperiod: string | null;
  antal: string | number;
  ej_noll: string | number | null;
}

const within = (alias: string) =>
  `${alias}.omrade_id = k.omrade_id and ${alias}.fran >= k.fran and ${alias}.till <= k.till`;

const REPORTING = "('FATAL', 'NAGRA', 'MANGA')";

/**
 * One statement per batch of area-periods. For each environment, the latest current
 * assessment lying inside the period (a year's picture holds its two half-years; the
 * later one speaks for the year), how many current assessments there are and how many say
 * anything but none/unknown; and the events per environment, counted in SQL.
 */
const SUMMARY_SQL = `
  select idx, 'bedomning' as kalla, miljo, bosatta, folkbokforda, utsatta_for_brott, resor,
         bperiod, antal, ej_noll
    from (
      select k.idx as idx, b.miljo as miljo, b.bosatta as bosatta,
             b.folkbokforda as folkbokforda, b.utsatta_for_brott as utsatta_for_brott,
             b.resor as resor, b.period as bperiod,
             count(*) over (partition by k.idx, b.miljo) as antal,
             sum(case when b.bosatta in ${REPORTING} or b.folkbokforda in ${REPORTING}
                        or b.utsatta_for_brott in ${REPORTING} or b.resor in ${REPORTING}
                      then 1 else 0 end) over (partition by k.idx, b.miljo) as ej_noll,
             row_number() over (partition by k.idx, b.miljo order by b.fran desc, b.till asc)
               as rn
        from k join bedomning b on ${within('b')} and b.ersatt = false
    ) senaste
   where rn = 1
  union all
  select k.idx, 'handelse', h.miljo, null, null, null, null, null, count(*), null
    from k join handelse h on ${within('h')}
   group by k.idx, h.miljo`;

function summering(rows: SummaryRow[]): PolisSummering {
  const perMiljo = new Map<Miljo, MiljoNivaer>();
  const entry = (miljo: Miljo) => {
    const found = perMiljo.get(miljo);
    if (found) return found;
    const created: MiljoNivaer = { ...INGEN_BEDOMNING, handelser: 0 };
    perMiljo.set(miljo, created);
    return created;
  };
  let bedomningar = 0;
  let ejNoll = 0;
  let handelser = 0;
  for (const r of rows) {
    const e = entry(r.miljo as Miljo);
    // PostgreSQL returns bigint aggregates as strings.
    const antal = Number(r.antal);
    if (r.kalla === 'handelse') {
      e.handelser = antal;
      handelser += antal;
      continue;
    }
    Object.assign(e, {
      bosatta: r.bosatta as Niva,
      folkbokforda: r.folkbokforda as Niva,
      utsattaForBrott: r.utsatta_for_brott as Niva,
      resor: r.resor as Niva,
      bedomningsperiod: r.bperiod,
      bedomningar: antal,
    });
    const levels = [e.bosatta, e.folkbokforda, e.utsattaForBrott, e.resor];
    e.ejNoll = levels.filter((v) => v !== null && NIVAER_SOM_RAPPORTERAR.includes(v)).length;
    bedomningar += antal;
    ejNoll += Number(r.ej_noll ?? 0);
  }
  // The police have reported for the period when an assessment or an event lies inside
  // it: an event is a report of something that happened (and a number to count), so a
  // period with the truck attack but no assessment still counts its one event.
  return {
    status: rapporteringsstatus(bedomningar + handelser, ejNoll + handelser),
    perMiljo,
    bedomningar,
    ejNoll,
    handelser,
  };
}

export function nivaerFor(s: PolisSummering, miljo: Miljo): MiljoNivaer {
  return s.perMiljo.get(miljo) ?? { ...INGEN_BEDOMNING, handelser: 0 };
}

/** Current assessments in the display order of environments, then by period. */
export function aktuella(rows: Bedomning[]): Bedomning[] {
  return rows
    .filter((b) => !b.ersatt)
    .sort(
      (a, b) => MILJOER.indexOf(a.miljo) - MILJOER.indexOf(b.miljo) || a.fran.localeCompare(b.fran),
    );
}

/** Events at each place, through the join table: one statement per batch of place ids. */
function handelserVidPlats(em: EntityManager): DataLoader<string, Handelse[]> {
  return new DataLoader<string, Handelse[]>(async (platsIds) => {
    const marks = platsIds.map(() => '?').join(', ');
    const rows = await em
      .getConnection()
      .execute<(Record<string, unknown> & { hp_plats_id: string })[]>(
        `select hp.plats_id as hp_plats_id, h.* from handelse_plats hp
         join handelse h on h.id = hp.handelse_id
        where hp.plats_id in (${marks})
        order by h.fran, h.id`,
        [...platsIds],
      );
    const byPlats = new Map<string, Handelse[]>();
    for (const { hp_plats_id, ...row } of rows) {
      const list = byPlats.get(hp_plats_id) ?? [];
      list.push(em.map(Handelse, row));
      byPlats.set(hp_plats_id, list);
    }
    return platsIds.map((id) => byPlats.get(id) ?? []);
  });
}

export function createLoaders(em: EntityManager) {
  return {
    gruppering: entityLoader(em, Gruppering),
    grupperingarIOmrade: groupLoader(em, Gruppering, 'omradeId', { orderBy: { namn: 'asc' } }),
    handelserForGruppering: groupLoader(em, Handelse, 'grupperingId', {
      orderBy: { fran: 'asc', id: 'asc' },
    }),
    handelsePlatser: groupLoader(em, HandelsePlats, 'handelseId', {
      orderBy: { platsId: 'asc' },
    }),
    handelserVidPlats: handelserVidPlats(em),
    handelser: areaPeriodListLoader(em, Handelse),
    /** Every version inside the period; the resolvers show the current ones. */
    bedomningar: areaPeriodListLoader(em, Bedomning),
    maltavlor: groupLoader(em, Maltavla, 'omradeId', { orderBy: { namn: 'asc' } }),
    /**
     * The shortest longer period the police have records for: an assessment (the
     * half-year, when a quarter, a month or a day is asked) or events dated only to a
     * longer period (the seed's three events of "2016", when 2016-H2 is asked). Neither is
     * counted into the shorter period; `grovre` shows them for the period they were
     * written for.
     */
    grovrePeriod: grovrePeriodLoader(em, [Bedomning, Handelse]),
    summering: areaPeriodLoader<SummaryRow, PolisSummering>(
      (cte) => em.getConnection().execute<SummaryRow[]>(`${cte.sql} ${SUMMARY_SQL}`, cte.params),
      (rows) => summering(rows),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
