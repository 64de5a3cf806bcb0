import {
  areaPeriodListLoader,
  areaPeriodLoader,
  entityLoader,
  groupLoader,
  grovrePeriodLoader,
} from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Enkat, Fraga, Skola, Svar, Svarsuppsattning } from '../entities';

/** The schools' figures for one area and period, every number counted in SQL. */
export interface SkolorSummering {
  enkater: number;
  /** Surveys in the period with no recipient list: then "sent to" is unknown. */
  enkaterUtanMottagare: number;
  /** Distinct schools the period's surveys were sent to (where known). */
  mottagare: number;
  /** Distinct schools that answered any of the period's surveys. */
  besvarade: number;
  /** Per environment: schools that answered a yes/no question about it, and those saying yes. */
  perMiljo: Map<string, { besvarade: number; ja: number }>;
}

/** A survey's figures: recipients, answer sets, and per question and alternative. */
export interface EnkatSummering {
  mottagare: number;
  besvarade: number;
  perFraga: Map<string, { besvarade: number; ja: number; alternativ: Map<string, number> }>;
}

interface SummaryRow {
  idx: string | number;
  kind: string;
  miljo: string | null;
  a: string | number | null;
  b: string | number | null;
}

interface EnkatRow {
  enkat_id: string;
  kind: string;
  fraga_id: string | null;
  alternativ: string | null;
  a: string | number | null;
  b: string | number | null;
}

interface ObservationRow {
  idx: string | number;
  miljo: string;
  text: string;
}

// PostgreSQL returns bigint/numeric aggregates as strings.
const num = (v: string | number | null) => Number(v ?? 0);

const within = (alias: string) =>
  `${alias}.omrade_id = k.omrade_id and ${alias}.fran >= k.fran and ${alias}.till <= k.till`;

/**
 * One statement per batch of area-periods. A school counts once however many surveys or
 * questions it answered; "saw signs" is a yes to a yes/no question about the environment.
 */
const SUMMARY_SQL = `
  select k.idx, 'enkater' as kind, null as miljo, count(*) as a,
         sum(case when exists (select 1 from enkat_mottagare m where m.enkat_id = e.id)
                  then 0 else 1 end) as b
    from k join enkat e on ${within('e')} group by k.idx
  union all
  select k.idx, 'mottagare', null, count(distinct m.skola_id), 0
    from k join enkat e on ${within('e')} join enkat_mottagare m on m.enkat_id = e.id
   group by k.idx
  union all
  select k.idx, 'besvarade', null, count(distinct u.skola_id), 0
    from k join enkat e on ${within('e')} join svarsuppsattning u on u.enkat_id = e.id
   group by k.idx
  union all
  select k.idx, 'miljo', f.miljo, count(distinct s.skola_id),
         count(distinct case when s.ja = true then s.skola_id end)
    from k join enkat e on ${within('e')}
    join fraga f on f.enkat_id = e.id and f.typ = 'JA_NEJ' and f.miljo is not null
    join svar s on s.fraga_id = f.id and s.ja is not null
   group by k.idx, f.miljo`;

/** The free text schools wrote beside a yes, per environment: for cleared readers only. */
const OBSERVATION_SQL = `
  select k.idx, f.miljo, s.text
    from k join enkat e on ${within('e')}
    join fraga f on f.enkat_id = e.id and f.typ = 'JA_NEJ' and f.miljo is not null
    join svar s on s.fraga_id = f.id and s.ja = true and s.text is not null
   order by k.idx, f.miljo, s.text`;

function enkatSql(n: number): string {
  const list = Array.from({ length: n }, () => '?').join(', ');
  return `
    select u.enkat_id, 'besvarade' as kind, null as fraga_id, null as alternativ,
           count(*) as a, 0 as b
      from svarsuppsattning u where u.enkat_id in (${list}) group by u.enkat_id
    union all
    select m.enkat_id, 'mottagare', null, null, count(*), 0
      from enkat_mottagare m where m.enkat_id in (${list}) group by m.enkat_id
    union all
    select s.enkat_id, 'fraga', s.fraga_id, null, count(*),
           sum(case when s.ja = true then 1 else 0 end)
      from svar s where s.enkat_id in (${list}) group by s.enkat_id, s.fraga_id
    union all
    select s.enkat_id, 'alternativ', s.fraga_id, s.alternativ, count(*), 0
      from svar s where s.enkat_id in (${list}) and s.alternativ is not null
     group by s.enkat_id, s.fraga_id, s.alternativ`;
}

export function createLoaders(em: EntityManager) {
  const sql = <Row>(query: string, params: unknown[]) =>
    em.getConnection().execute<Row[]>(query, params);
  return {
    skola: entityLoader(em, Skola),
    skolorIOmrade: groupLoader(em, Skola, 'omradeId', { orderBy: { namn: 'asc', id: 'asc' } }),
    enkat: entityLoader(em, Enkat),
    enkater: areaPeriodListLoader(em, Enkat),
    /**
     * The shortest longer period a survey was sent for (the year 2016 when 2016-H2 is
     * asked). Whether any school answered it is the summary's to say.
     */
    grovrePeriod: grovrePeriodLoader(em, [Enkat]),
    fragor: groupLoader(em, Fraga, 'enkatId', { orderBy: { nr: 'asc' } }),
    svarsuppsattningar: groupLoader(em, Svarsuppsattning, 'enkatId', {
      orderBy: { skolaId: 'asc' },
    }),
    svar: groupLoader(em, Svar, 'svarsuppsattningId', { orderBy: { fragaId: 'asc' } }),
    summering: areaPeriodLoader<SummaryRow, SkolorSummering>(
      (cte) => sql<SummaryRow>(`${cte.sql} ${SUMMARY_SQL}`, cte.params),
      (rows) => {
        const s: SkolorSummering = {
          enkater: 0,
          enkaterUtanMottagare: 0,
          mottagare: 0,
          besvarade: 0,
          perMiljo: new Map(),
        };
        for (const r of rows) {
          if (r.kind === 'enkater') {
            s.enkater = num(r.a);
            s.enkaterUtanMottagare = num(r.b);
          } else if (r.kind === 'mottagare') s.mottagare = num(r.a);
          else if (r.kind === 'besvarade') s.besvarade = num(r.a);
          else if (r.kind === 'miljo' && r.miljo) {
            s.perMiljo.set(r.miljo, { besvarade: num(r.a), ja: num(r.b) });
          }
        }
        return s;
      },
    ),
    observationer: areaPeriodLoader<ObservationRow, Map<string, string[]>>(
      (cte) => sql<ObservationRow>(`${cte.sql} ${OBSERVATION_SQL}`, cte.params),
      (rows) => {
        const byMiljo = new Map<string, string[]>();
        for (const r of rows) byMiljo.set(r.miljo, [...(byMiljo.get(r.miljo) ?? []), r.text]);
        return byMiljo;
      },
    ),
    enkatSummering: new DataLoader<string, EnkatSummering>(async (ids) => {
      const rows = await sql<EnkatRow>(enkatSql(ids.length), [...ids, ...ids, ...ids, ...ids]);
      const byId = new Map<string, EnkatSummering>(
        ids.map((id) => [id, { mottagare: 0, besvarade: 0, perFraga: new Map() }]),
      );
      for (const r of rows) {
        const s = byId.get(r.enkat_id);
        if (!s) continue;
        if (r.kind === 'besvarade') s.besvarade = num(r.a);
        else if (r.kind === 'mottagare') s.mottagare = num(r.a);
        else if (r.fraga_id) {
          const f = s.perFraga.get(r.fraga_id) ?? { besvarade: 0, ja: 0, alternativ: new Map() };
          s.perFraga.set(r.fraga_id, f);
          if (r.kind === 'fraga') Object.assign(f, { besvarade: num(r.a), ja: num(r.b) });
          else if (r.alternativ !== null) f.alternativ.set(r.alternativ, num(r.a));
        }
      }
      return ids.map((id) => byId.get(id)!);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
