/**
 * What a draft captures: the combined live picture of one area and period, and of the
 * periods linked with it (a half-year's year and other half; a year's two halves), asked
 * from the gateway in one operation, and turned into cells and the sums that link them.
 * Pure: the caller sends the query (with the coordinator's token) and hands the answer in.
 */
import {
  harTal,
  MILJOER,
  PARTNER_GENITIV,
  PARTNERS,
  type Period,
  parsePeriod,
  Rapporteringsstatus,
} from '@lagesbild/domain';
import type {
  Avsnitt,
  Bedomningsniva,
  Cell,
  Dimension,
  PartnerNamn,
  Relation,
  Underlag,
} from './modell';
import { uppraknat } from './text';

/**
 * The picture of the period (`period`) and its two linked periods (`lankad1`, `lankad2`),
 * through aliases of one fragment: every count a publication holds, per partner its section
 * totals, per environment, and klotter per reporter, each with its reporting state and the
 * same for the longer period it reported for (`grovre`). Depth 7, 3 aliases: well inside
 * the gateway's limits (15, 30). `pnpm check:partner` validates it against a partner's
 * changed schema.
 */
export const PUBLICERING_UNDERLAG = /* GraphQL */ `
  query PubliceringUnderlag(
    $omrade: String!
    $period: Period!
    $lankad1: Period!
    $lankad2: Period!
  ) {
    period: lagesbild(omrade: $omrade, period: $period) {
      ...PubliceringLage
    }
    lankad1: lagesbild(omrade: $omrade, period: $lankad1) {
      ...PubliceringLage
    }
    lankad2: lagesbild(omrade: $omrade, period: $lankad2) {
      ...PubliceringLage
    }
  }

  fragment PubliceringLage on Lagesbild {
    omradeId
    period
    forvaltning {
      ...PubliceringForvaltning
      grovrePeriod
      grovre {
        ...PubliceringForvaltning
      }
    }
    polis {
      ...PubliceringPolis
      grovrePeriod
      grovre {
        ...PubliceringPolis
      }
    }
    skolor {
      ...PubliceringSkolor
      grovrePeriod
      grovre {
        ...PubliceringSkolor
      }
    }
    klotter {
      ...PubliceringKlotter
      grovrePeriod
      grovre {
        ...PubliceringKlotter
      }
    }
    miljoer {
      miljo
      forvaltning {
        ...PubliceringForvaltningMiljo
        grovrePeriod
        grovre {
          ...PubliceringForvaltningMiljo
        }
      }
      polis {
        ...PubliceringPolisMiljo
        grovrePeriod
        grovre {
          ...PubliceringPolisMiljo
        }
      }
      skolor {
        ...PubliceringSkolorMiljo
        grovrePeriod
        grovre {
          ...PubliceringSkolorMiljo
        }
      }
      klotter {
        ...PubliceringKlotterMiljo
        grovrePeriod
        grovre {
          ...PubliceringKlotterMiljo
        }
      }
    }
  }

  fragment PubliceringForvaltning on ForvaltningLage {
    rapporteringsstatus
    incidenterAntal {
      ...PubliceringAntal
    }
    kontakterAntal {
      ...PubliceringAntal
    }
  }

  fragment PubliceringPolis on PolisLage {
    rapporteringsstatus
    handelserAntal {
      ...PubliceringAntal
    }
  }

  fragment PubliceringSkolor on SkolorLage {
    rapporteringsstatus
    besvarade
  }

  fragment PubliceringKlotter on KlotterLage {
    rapporteringsstatus
    antal {
      ...PubliceringAntal
    }
    perRapportor {
      rapportor
      rapporteringsstatus
      antal {
        ...PubliceringAntal
      }
    }
  }

  fragment PubliceringForvaltningMiljo on ForvaltningMiljo {
    rapporteringsstatus
    incidenterAntal {
      ...PubliceringAntal
    }
    kontakterAntal {
      ...PubliceringAntal
    }
    faltobservationerAntal {
      ...PubliceringAntal
    }
  }

  fragment PubliceringPolisMiljo on PolisMiljo {
    rapporteringsstatus
    bosatta
    folkbokforda
    utsattaForBrott
    resor
    handelserAntal {
      ...PubliceringAntal
    }
  }

  fragment PubliceringSkolorMiljo on SkolorMiljo {
    rapporteringsstatus
    besvarade
    skolorMedTecken {
      ...PubliceringAntal
    }
  }

  fragment PubliceringKlotterMiljo on KlotterMiljo {
    rapporteringsstatus
    antal {
      ...PubliceringAntal
    }
  }

  fragment PubliceringAntal on SkyddatAntal {
    antal
    undertryckt
    visning
  }
`;

/** A publication is for a year or a half-year. */
export function arPubliceringsperiod(p: Period): boolean {
  return p.typ === 'AR' || p.typ === 'HALVAR';
}

/**
 * The periods linked with a publication's: for a half-year its year and the other half,
 * for a year its two halves. The sums between them (year = H1 + H2 + records dated only
 * to the year) are what lets one publication be worked out from another.
 */
export function lankadePerioder(p: Period): [Period, Period] {
  if (p.typ === 'HALVAR') {
    return [parsePeriod(String(p.ar)), parsePeriod(`${p.ar}-H${p.nummer === 1 ? 2 : 1}`)];
  }
  if (p.typ === 'AR') return [parsePeriod(`${p.ar}-H1`), parsePeriod(`${p.ar}-H2`)];
  throw new UnderlagError(
    `En lägesbild publiceras för ett år eller ett halvår, inte för perioden ${p.text}.`,
    'PERIOD',
  );
}

/** The variables of PUBLICERING_UNDERLAG for an area and a period. */
export function underlagVariabler(omrade: string, period: Period): Record<string, string> {
  const [a, b] = lankadePerioder(period);
  return { omrade, period: period.text, lankad1: a.text, lankad2: b.text };
}

/**
 * The picture could not be captured whole; the message says why, in Swedish. `slag`:
 * OFULLSTANDIG — a section or row did not answer; DOLD — the reader's role does not see
 * every number; PERIOD — not a year or a half-year.
 */
export class UnderlagError extends Error {
  constructor(
    message: string,
    readonly slag: 'OFULLSTANDIG' | 'DOLD' | 'PERIOD' = 'OFULLSTANDIG',
  ) {
    super(message);
    this.name = 'UnderlagError';
  }
}

/** A SkyddatAntal as the gateway answers it. */
interface AntalSvar {
  antal: number | null;
  undertryckt: boolean;
  visning: string;
}

type Status = `${Rapporteringsstatus}`;

interface Sektion {
  rapporteringsstatus: Status;
  grovrePeriod?: string | null;
  grovre?: Sektion | null;
  [falt: string]: unknown;
}

interface MiljoSvar {
  miljo: string;
  forvaltning: Sektion | null;
  polis: Sektion | null;
  skolor: Sektion | null;
  klotter: Sektion | null;
}

/** One `lagesbild` of the answer. */
export interface LagesbildSvar {
  omradeId: string;
  period: string;
  forvaltning: Sektion | null;
  polis: Sektion | null;
  skolor: Sektion | null;
  klotter: Sektion | null;
  miljoer: MiljoSvar[];
}

/** The answer's data: the period and its two linked periods. */
export interface UnderlagSvar {
  period: LagesbildSvar | null;
  lankad1: LagesbildSvar | null;
  lankad2: LagesbildSvar | null;
}

/** A partner's counts: which field holds each `matt`, on its section and on its rows. */
const AVSNITT_TAL: Record<PartnerNamn, { falt: string; matt: string }[]> = {
  forvaltning: [
    { falt: 'incidenterAntal', matt: 'incidenter' },
    { falt: 'kontakterAntal', matt: 'kontakter' },
  ],
  polis: [{ falt: 'handelserAntal', matt: 'handelser' }],
  skolor: [{ falt: 'besvarade', matt: 'besvaradeSkolor' }],
  klotter: [{ falt: 'antal', matt: 'anmalningar' }],
};

const MILJO_TAL: Record<PartnerNamn, { falt: string; matt: string }[]> = {
  forvaltning: [
    { falt: 'incidenterAntal', matt: 'incidenter' },
    { falt: 'kontakterAntal', matt: 'kontakter' },
    { falt: 'faltobservationerAntal', matt: 'faltobservationer' },
  ],
  polis: [{ falt: 'handelserAntal', matt: 'handelser' }],
  // A school's answers are per environment: one school can show signs of several, so
  // neither count adds up to a total.
  skolor: [
    { falt: 'besvarade', matt: 'besvaradeSkolor' },
    { falt: 'skolorMedTecken', matt: 'skolorMedTecken' },
  ],
  klotter: [{ falt: 'antal', matt: 'anmalningar' }],
};

/**
 * The breakdowns whose parts really add up to the total (checked in the subgraphs' code):
 * every incident, event and graffiti report has exactly one environment, a contact at most
 * one (the rest has none), and every graffiti report one reporter. The schools' counts do
 * not: a school that answered about two environments counts in both.
 */
const SUMMERAR: readonly { partner: PartnerNamn; matt: string; dimension: Dimension }[] = [
  { partner: 'forvaltning', matt: 'incidenter', dimension: 'miljo' },
  { partner: 'forvaltning', matt: 'kontakter', dimension: 'miljo' },
  { partner: 'polis', matt: 'handelser', dimension: 'miljo' },
  { partner: 'klotter', matt: 'anmalningar', dimension: 'miljo' },
  { partner: 'klotter', matt: 'anmalningar', dimension: 'rapportor' },
];

/**
 * Counts that add up over time: a year's records are its halves' and those dated only to
 * the year. Distinct schools do not (a school answering in both halves is one school).
 */
const ADDITIVA_MATT = new Set([
  'incidenter',
  'kontakter',
  'faltobservationer',
  'handelser',
  'anmalningar',
]);

/** `2016-H2|polis|handelser|miljo=VIT_MAKT` (see Cell in modell.ts). */
export function cellId(
  period: string,
  partner: PartnerNamn,
  matt: string,
  dimension: Dimension,
  nyckel: string | null,
): string {
  const bas = `${period}|${partner}|${matt}|${dimension}`;
  return nyckel === null ? bas : `${bas}=${nyckel}`;
}

/** Collects cells by id, the first one given winning (the publication's own before linked). */
class Celler {
  readonly perId = new Map<string, Cell>();
  /** Partners whose counts the reader was not given in full. */
  readonly dolda = new Set<PartnerNamn>();

  add(
    period: string,
    partner: PartnerNamn,
    matt: string,
    dimension: Dimension,
    nyckel: string | null,
    radStatus: Status,
    varde: unknown,
  ): void {
    const id = cellId(period, partner, matt, dimension, nyckel);
    if (this.perId.has(id)) return;
    let tal: number | null = null;
    let status = radStatus as Rapporteringsstatus;
    if (typeof varde === 'number') {
      tal = varde;
    } else if (varde !== null && typeof varde === 'object') {
      const a = varde as AntalSvar;
      if (a.undertryckt) this.dolda.add(partner);
      tal = a.antal;
    } else if (harTal(status)) {
      // The partner reported for the period, but not this count (förvaltning's IA incidents
      // in a period with only contacts): not reported, never a 0.
      status = Rapporteringsstatus.EJ_RAPPORTERAT;
    }
    this.perId.set(id, { id, period, partner, matt, dimension, nyckel, varde: tal, status });
  }
}

function sektion(l: LagesbildSvar | MiljoSvar, partner: PartnerNamn): Sektion | null {
  return l[partner];
}

/** One lagesbild's cells: its own, and its longer period's where a section or row has one. */
function lasLagesbild(l: LagesbildSvar, celler: Celler): void {
  const saknas: PartnerNamn[] = PARTNERS.filter((p) => l[p] === null);
  if (saknas.length > 0) {
    const namn = uppraknat(saknas.map((p) => PARTNER_GENITIV[p]));
    throw new UnderlagError(
      `${namn} avsnitt för ${l.period} kunde inte läsas; lägesbilden är inte hel.`,
    );
  }
  for (const partner of PARTNERS) {
    const s = sektion(l, partner) as Sektion;
    const perioder: [string, Sektion][] = [[l.period, s]];
    if (s.grovre && s.grovrePeriod) perioder.push([s.grovrePeriod, s.grovre]);
    for (const [period, sek] of perioder) {
      for (const t of AVSNITT_TAL[partner]) {
        celler.add(period, partner, t.matt, 'total', null, sek.rapporteringsstatus, sek[t.falt]);
      }
      if (partner === 'klotter') {
        const rader = (sek.perRapportor ?? []) as {
          rapportor: string;
          rapporteringsstatus: Status;
          antal: AntalSvar | null;
        }[];
        for (const r of rader) {
          celler.add(
            period,
            'klotter',
            'anmalningar',
            'rapportor',
            r.rapportor,
            r.rapporteringsstatus,
            r.antal,
          );
        }
      }
    }
  }
  for (const m of l.miljoer) {
    for (const partner of PARTNERS) {
      const rad = sektion(m, partner);
      if (!rad) {
        throw new UnderlagError(
          `${PARTNER_GENITIV[partner]} rad för ${m.miljo} ${l.period} kunde inte läsas; lägesbilden är inte hel.`,
        );
      }
      const rader: [string, Sektion][] = [[l.period, rad]];
      if (rad.grovre && rad.grovrePeriod) rader.push([rad.grovrePeriod, rad.grovre]);
      for (const [period, r] of rader) {
        for (const t of MILJO_TAL[partner]) {
          celler.add(period, partner, t.matt, 'miljo', m.miljo, r.rapporteringsstatus, r[t.falt]);
        }
      }
    }
  }
}

/**
 * The sums that hold among the cells: within a table, total = Σ parts + a known rest
 * (records without an environment); between a year and its halves, year = H1 + H2 + the
 * records dated only to the year. Only where every number is there and the sum really
 * holds; a part without a number (a reporter that did not report has no reports in the
 * period) is left out of the sum, which then still holds.
 *
 * The year's rest is known — year − H1 − H2, 0 when nothing is dated only to the year —
 * wherever the year and both halves have numbers: a reader who sees all three reported
 * (RAPPORTERAT, no longer period) may well know it, and a rest the reader might know is
 * taken as known (2021: 9 and 2021-H1: 7 with nothing dated only to 2021 give 2021-H2 = 2).
 * Where a half has no number the rest is unknown, some number ≥ 0. The schools count
 * distinct schools, which do not add up over time: no sum.
 */
function relationerAv(celler: ReadonlyMap<string, Cell>): Relation[] {
  const relationer: Relation[] = [];
  const alla = [...celler.values()];
  for (const total of alla) {
    if (total.dimension !== 'total' || total.varde === null) continue;
    for (const s of SUMMERAR) {
      if (s.partner !== total.partner || s.matt !== total.matt) continue;
      const delar = alla.filter(
        (c) =>
          c.period === total.period &&
          c.partner === s.partner &&
          c.matt === s.matt &&
          c.dimension === s.dimension &&
          c.varde !== null,
      );
      if (delar.length === 0) continue;
      const rest = total.varde - delar.reduce((sum, c) => sum + (c.varde as number), 0);
      if (rest < 0) continue;
      relationer.push({
        summa: total.id,
        delar: delar.map((c) => c.id),
        rest: 'kand',
        restVarde: rest,
      });
    }
  }
  // A year and its halves, cell by cell.
  for (const ar of alla) {
    const p = parsePeriod(ar.period);
    if (p.typ !== 'AR' || ar.varde === null || !ADDITIVA_MATT.has(ar.matt)) continue;
    const halvar = [1, 2]
      .map((h) => celler.get(cellId(`${p.ar}-H${h}`, ar.partner, ar.matt, ar.dimension, ar.nyckel)))
      .filter((c): c is Cell => c !== undefined && c.varde !== null);
    if (halvar.length === 0) continue;
    const summa = halvar.reduce((s, c) => s + (c.varde as number), 0);
    if (summa > ar.varde) continue;
    const delar = halvar.map((c) => c.id);
    relationer.push(
      halvar.length === 2
        ? { summa: ar.id, delar, rest: 'kand', restVarde: ar.varde - summa }
        : { summa: ar.id, delar, rest: 'okand' },
    );
  }
  return relationer;
}

/** The police's levels per environment for the period itself. */
function nivaerAv(l: LagesbildSvar): Bedomningsniva[] {
  const niva = (v: unknown) => (typeof v === 'string' ? v : null);
  return MILJOER.map((miljo) => {
    const rad = l.miljoer.find((m) => m.miljo === miljo)?.polis ?? null;
    return {
      miljo,
      bosatta: niva(rad?.bosatta),
      folkbokforda: niva(rad?.folkbokforda),
      utsattaForBrott: niva(rad?.utsattaForBrott),
      resor: niva(rad?.resor),
    };
  });
}

/**
 * The gateway's answer to PUBLICERING_UNDERLAG as an Underlag: the period's cells (and
 * its sections' longer period's, under that period's id), the sums among them, the police's
 * levels, and the linked periods' true counts with the sums that tie them in. A count the
 * reader may not see in full (suppressed for their role), or a section that did not
 * answer, refuses the capture: a publication is made from every number or not at all.
 */
export function underlagAv(
  svar: UnderlagSvar,
  omradeId: string,
  period: string,
  hamtad: string,
): Underlag {
  if (!svar.period || !svar.lankad1 || !svar.lankad2) {
    throw new UnderlagError(`Lägesbilden för ${omradeId} ${period} kunde inte läsas.`);
  }
  const egna = new Celler();
  lasLagesbild(svar.period, egna);
  const lankade = new Celler();
  for (const [id, c] of egna.perId) lankade.perId.set(id, c);
  lasLagesbild(svar.lankad1, lankade);
  lasLagesbild(svar.lankad2, lankade);
  const dolda = PARTNERS.filter((p) => egna.dolda.has(p) || lankade.dolda.has(p));
  if (dolda.length > 0) {
    const namn = uppraknat(dolda.map((p) => PARTNER_GENITIV[p]));
    throw new UnderlagError(
      `${namn} antal visas inte i sin helhet för din roll; ett utkast görs av den som ser alla antal (samordnaren).`,
      'DOLD',
    );
  }
  const alla = lankade.perId;
  const egnaIds = new Set(egna.perId.keys());
  const relationer = relationerAv(alla);
  const avsnitt: Avsnitt[] = PARTNERS.map((partner) => {
    const s = svar.period?.[partner] as Sektion;
    return {
      partner,
      rapporteringsstatus: s.rapporteringsstatus as Rapporteringsstatus,
      grovrePeriod: s.grovre && s.grovrePeriod ? s.grovrePeriod : null,
    };
  });
  return {
    omradeId: svar.period.omradeId,
    period: svar.period.period,
    hamtad,
    avsnitt,
    celler: [...egna.perId.values()],
    relationer: relationer.filter((r) => [r.summa, ...r.delar].every((id) => egnaIds.has(id))),
    nivaer: nivaerAv(svar.period),
    lankade: {
      celler: [...alla.values()].filter((c) => !egnaIds.has(c.id)),
      relationer: relationer.filter((r) => ![r.summa, ...r.delar].every((id) => egnaIds.has(id))),
    },
  };
}
