/**
 * Hand-made answers to LagesbildRapport for the report's unit tests, shaped after the seed
 * (Norrmalm's action plan): what the gateway gives for 2016, 2015 (nothing reported but
 * klotter's zero), 2016-H2 (förvaltning's, the schools' and klotter's records dated only to
 * 2016) and 2030 (not begun).
 */
import type {
  ForvaltningAvsnitt,
  KlotterAnmalningar,
  KlotterAvsnitt,
  Lagesbild,
  MiljoRad,
  PolisAvsnitt,
  SkolorAvsnitt,
  SkyddatAntal,
  Sla,
} from './types';

export const antal = (n: number): SkyddatAntal => ({
  antal: n,
  undertryckt: false,
  visning: String(n),
});
export const FATAL: SkyddatAntal = { antal: null, undertryckt: true, visning: 'fåtal' };
export const EJ_REDOVISAD: SkyddatAntal = {
  antal: null,
  undertryckt: true,
  visning: 'ej redovisad',
};
export const OKANT: SkyddatAntal = { antal: null, undertryckt: false, visning: 'okänt antal' };

const plats = (id: string, namn: string, delAv: { id: string; namn: string } | null = null) => ({
  id,
  namn,
  delAv,
});

export function forvaltning2016(): ForvaltningAvsnitt {
  return {
    rapporteringsstatus: 'RAPPORTERAT',
    incidenterAntal: antal(3),
    incidenter: [
      {
        datum: null,
        period: '2016',
        typ: 'SKADEGORELSE',
        miljo: 'VIT_MAKT',
        beskrivning: 'Skadegörelse utfördes på en dörr.',
        plats: { ...plats('gavlegatan-1', 'Gävlegatan 1'), adress: 'Gävlegatan 1' },
      },
      {
        datum: null,
        period: '2016',
        typ: 'HOT',
        miljo: 'VIT_MAKT',
        beskrivning: 'Hotfull stämning i samband med författarbesök.',
        plats: { ...plats('stadsbiblioteket', 'Stadsbiblioteket'), adress: 'Sveavägen 73' },
      },
      {
        datum: null,
        period: '2016',
        typ: 'KRANKANDE_UTTALANDEN',
        miljo: 'VIT_MAKT',
        beskrivning: 'Kränkande och rasistiska uttalanden mot besökare och mot personal.',
        plats: { ...plats('stadsbiblioteket', 'Stadsbiblioteket'), adress: 'Sveavägen 73' },
      },
    ],
    kontakterAntal: antal(1),
    kontakter: [
      {
        kanal: 'MOTTAGNINGSTELEFON',
        miljo: 'ISLAMISTISK',
        antal: antal(1),
        atgard: 'Kontakt togs med polisen.',
        utfall: 'Polisen gjorde bedömningen att frågan kunde avskrivas.',
      },
      {
        kanal: 'STODTELEFON',
        miljo: null,
        antal: antal(0),
        atgard: null,
        utfall: 'Förvaltningen har inte mottagit något samtal från stödtelefonen.',
      },
    ],
    faltobservationer: [
      {
        enhet: 'Enheten för fält- och fritid',
        typ: 'PROPAGANDA',
        miljo: 'VIT_MAKT',
        antal: null,
        beskrivning:
          'Verksamheten har vid något tillfälle uppmärksammat invandrarfientlig propaganda i form av klistermärken.',
      },
    ],
    atervandare: [{ kandaAntal: antal(0), insatserAntal: antal(0), kommentar: null }],
    kallanmarkningar: [],
  };
}

export function polis2016(): PolisAvsnitt {
  const bedomning = (miljo: string, bosatta: string | null) => ({
    miljo,
    period: '2016-H2',
    bosatta: bosatta as PolisAvsnitt['bedomningar'][number]['bosatta'],
    folkbokforda: 'OKAND' as const,
    utsattaForBrott: null,
    resor: 'FATAL' as const,
    text: 'Polisens underrättelseenhet skriver i sin rapport att det finns ett fåtal individer.',
    utgivare: 'Polisens underrättelseenhet',
    publicerad: '2016-12',
  });
  return {
    rapporteringsstatus: 'RAPPORTERAT',
    publicerad: '2016-12',
    bedomningar: [bedomning('VIT_MAKT', 'FATAL'), bedomning('OSPECIFICERAD', 'OKAND')],
    handelserAntal: antal(2),
    handelser: [
      {
        typ: 'DEMONSTRATION',
        rubrik: 'Tillståndsgivna demonstrationer under 2016',
        datum: null,
        period: '2016',
        miljo: 'OSPECIFICERAD',
        vald: false,
        beskrivning: 'Demonstrationer.',
        platser: [],
      },
      {
        typ: 'ATTACK',
        rubrik: 'Koordinerad våldsam attack vid Centralstationen och Sergels torg',
        datum: null,
        period: '2016-01',
        miljo: 'AUTONOMA',
        vald: true,
        beskrivning: 'Attack.',
        platser: [plats('sergels-torg', 'Sergels torg')],
      },
    ],
  };
}

export function skolor2016(): SkolorAvsnitt {
  return {
    rapporteringsstatus: 'RAPPORTERAT',
    utskick: null,
    besvarade: 6,
    svarsfrekvensVisning: 'okänd',
  };
}

const sla = (s: Partial<Sla>): Sla => ({
  uppfyllt: antal(0),
  ejUppfyllt: antal(0),
  okant: antal(0),
  kanda: antal(0),
  totalt: antal(0),
  andelUppfyllt: { andel: null, undertryckt: false, visning: '–' },
  ...s,
});

export function klotter2016(): KlotterAvsnitt & KlotterAnmalningar {
  return {
    rapporteringsstatus: 'RAPPORTERAT',
    antal: antal(5),
    perRapportor: [
      {
        rapportor: 'TRAFIKKONTORET',
        namn: 'Trafikkontoret',
        rapporteringsstatus: 'RAPPORTERAT',
        antal: antal(4),
      },
      {
        rapportor: 'SISAB',
        namn: 'SISAB',
        rapporteringsstatus: 'RAPPORTERAT_NOLL',
        antal: antal(0),
      },
      { rapportor: 'MTR', namn: 'MTR', rapporteringsstatus: 'RAPPORTERAT', antal: FATAL },
    ],
    perKategori: [],
    sanering: sla({
      uppfyllt: antal(1),
      okant: antal(4),
      kanda: antal(1),
      totalt: antal(5),
      andelUppfyllt: { andel: 1, undertryckt: false, visning: '100 %' },
    }),
    paPlats: sla({ okant: antal(5), totalt: antal(5) }),
    anmalningar: {
      totalt: 2,
      anmalningar: [
        {
          rapportor: 'TRAFIKKONTORET',
          kategori: 'RASISTISKT',
          miljo: 'VIT_MAKT',
          innehall: 'Sieg Heil',
          platsText: 'Observatorielundens parklek',
          plats: plats('observatorielundens-parklek', 'Observatorielundens parklek', {
            id: 'observatorielunden',
            namn: 'Observatorielunden',
          }),
        },
        {
          rapportor: 'TRAFIKKONTORET',
          kategori: 'RASISTISKT',
          miljo: 'VIT_MAKT',
          innehall: 'Hakkors',
          platsText: 'Karlbergsvägen',
          plats: plats('karlbergsvagen', 'Karlbergsvägen'),
        },
      ],
    },
  };
}

const EJ = 'EJ_RAPPORTERAT' as const;

/** What a miljö row holds for a partner that has not reported for the period. */
function miljoRad(miljo: string, namn: string, rad: Partial<MiljoRad> = {}): MiljoRad {
  const ingen = { rapporteringsstatus: EJ, grovrePeriod: null, grovre: null };
  return {
    miljo,
    namn,
    forvaltning: {
      ...ingen,
      incidenterAntal: null,
      kontakterAntal: null,
      faltobservationerAntal: null,
    },
    polis: { ...ingen, bosatta: null, handelserAntal: null },
    skolor: { ...ingen, besvarade: null, skolorMedTecken: null },
    klotter: { ...ingen, antal: null },
    ...rad,
  };
}

const ingenGrovre = { grovrePeriod: null, grovre: null };

const omrade: Lagesbild['omrade'] = {
  id: 'norrmalm',
  namn: 'Norrmalm',
  namnd: 'Norrmalms stadsdelsnämnd',
  handlingsplan: {
    namn: 'Norrmalms stadsdelsnämnds handlingsplan mot våldsbejakande extremism',
    fastalld: '2017-05',
    uppfoljning: 'Följs upp årligen.',
    atgarder: [
      {
        nr: 1,
        namn: 'Förvaltningsövergripande grupp',
        syfte: 'Forum för underlag till lägesbilden.',
        ansvarig: 'Trygghets- och säkerhetssamordnaren',
        andraBerorda: [],
        status: 'PAGAR',
        statusText: 'Pågår',
        delsteg: [],
      },
      {
        nr: 9,
        namn: 'Trygghetsvandringar',
        syfte: 'Öka tryggheten.',
        ansvarig: 'Trygghets- och säkerhetssamordnaren',
        andraBerorda: ['Polisen'],
        status: 'PAGAR',
        // As förvaltning computes it after sub-step 2 was moved to Pågår.
        statusText: 'Delsteg 1 och 2 pågår, delsteg 3 är förslag',
        delsteg: [
          { nr: 1, text: 'Kartlägga', status: 'PAGAR', statusText: 'Pågår' },
          { nr: 2, text: 'Genomföra', status: 'PAGAR', statusText: 'Pågår' },
          { nr: 3, text: 'Följa upp', status: 'FORSLAG', statusText: 'Förslag' },
        ],
      },
    ],
  },
  grupperingar: [],
};

/** 2015 as the previous period of 2016: only klotter said anything (a reported zero). */
export function foregaende2015(): NonNullable<Lagesbild['foregaende']> {
  return {
    period: '2015',
    periodLage: 'AVSLUTAD',
    forvaltning: {
      rapporteringsstatus: EJ,
      grovrePeriod: null,
      incidenterAntal: null,
      kontakterAntal: null,
    },
    polis: { rapporteringsstatus: EJ, grovrePeriod: null, handelserAntal: null },
    skolor: { rapporteringsstatus: EJ, grovrePeriod: null, besvarade: null },
    klotter: { rapporteringsstatus: 'RAPPORTERAT_NOLL', grovrePeriod: null, antal: antal(0) },
  };
}

export function bild2016(): Lagesbild {
  return {
    omradeId: 'norrmalm',
    period: '2016',
    fran: '2016-01-01',
    till: '2017-01-01',
    periodLage: 'AVSLUTAD',
    omrade,
    forvaltning: { ...forvaltning2016(), ...ingenGrovre },
    polis: { ...polis2016(), ...ingenGrovre },
    skolor: { ...skolor2016(), ...ingenGrovre },
    klotter: { ...klotter2016(), ...ingenGrovre },
    miljoer: [
      miljoRad('VIT_MAKT', 'Vit makt-miljön', {
        forvaltning: {
          rapporteringsstatus: 'RAPPORTERAT',
          incidenterAntal: antal(3),
          kontakterAntal: antal(0),
          faltobservationerAntal: OKANT,
          ...ingenGrovre,
        },
        polis: {
          rapporteringsstatus: 'RAPPORTERAT',
          bosatta: 'FATAL',
          handelserAntal: antal(0),
          ...ingenGrovre,
        },
        skolor: {
          rapporteringsstatus: 'RAPPORTERAT',
          besvarade: 6,
          skolorMedTecken: FATAL,
          ...ingenGrovre,
        },
        klotter: { rapporteringsstatus: 'RAPPORTERAT', antal: antal(2), ...ingenGrovre },
      }),
      miljoRad('ENSAMAGERANDE', 'Ensamagerande', {
        polis: {
          rapporteringsstatus: 'RAPPORTERAT',
          bosatta: null,
          handelserAntal: antal(0),
          ...ingenGrovre,
        },
      }),
    ],
    foregaende: foregaende2015(),
  };
}

/** 2015: nobody but klotter (a reported zero) reported; the previous period 2014 likewise empty. */
export function bild2015(): Lagesbild {
  const tom = {
    rapporteringsstatus: EJ,
    ...ingenGrovre,
  };
  return {
    omradeId: 'norrmalm',
    period: '2015',
    fran: '2015-01-01',
    till: '2016-01-01',
    periodLage: 'AVSLUTAD',
    omrade,
    forvaltning: {
      ...tom,
      incidenterAntal: null,
      incidenter: [],
      kontakterAntal: null,
      kontakter: [],
      faltobservationer: [],
      atervandare: [],
      kallanmarkningar: [],
    },
    polis: { ...tom, publicerad: null, bedomningar: [], handelserAntal: null, handelser: [] },
    skolor: { ...tom, utskick: null, besvarade: null, svarsfrekvensVisning: '–' },
    klotter: {
      ...ingenGrovre,
      rapporteringsstatus: 'RAPPORTERAT_NOLL',
      antal: antal(0),
      perRapportor: [
        {
          rapportor: 'TRAFIKKONTORET',
          namn: 'Trafikkontoret',
          rapporteringsstatus: 'RAPPORTERAT_NOLL',
          antal: antal(0),
        },
        { rapportor: 'SISAB', namn: 'SISAB', rapporteringsstatus: EJ, antal: null },
        { rapportor: 'MTR', namn: 'MTR', rapporteringsstatus: EJ, antal: null },
      ],
      perKategori: [],
      sanering: sla({}),
      paPlats: sla({}),
      anmalningar: { totalt: 0, anmalningar: [] },
    },
    miljoer: [
      miljoRad('VIT_MAKT', 'Vit makt-miljön', {
        klotter: { rapporteringsstatus: 'RAPPORTERAT_NOLL', antal: antal(0), ...ingenGrovre },
      }),
    ],
    foregaende: {
      period: '2014',
      periodLage: 'AVSLUTAD',
      forvaltning: {
        rapporteringsstatus: EJ,
        grovrePeriod: null,
        incidenterAntal: null,
        kontakterAntal: null,
      },
      polis: { rapporteringsstatus: EJ, grovrePeriod: null, handelserAntal: null },
      skolor: { rapporteringsstatus: EJ, grovrePeriod: null, besvarade: null },
      klotter: { rapporteringsstatus: EJ, grovrePeriod: null, antal: null },
    },
  };
}

/**
 * 2016-H2: förvaltning's incidents, the school survey and the graffiti reports are dated
 * 2016, so those partners reported only for the year; the police published its assessment
 * for H2 and has the November events, plus events dated only to 2016.
 */
export function bild2016H2(): Lagesbild {
  const grovre = '2016';
  const ar = bild2016();
  const grovreAvsnitt = {
    rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD' as const,
    grovrePeriod: grovre,
  };
  const polisAr = polis2016();
  return {
    omradeId: 'norrmalm',
    period: '2016-H2',
    fran: '2016-07-01',
    till: '2017-01-01',
    periodLage: 'AVSLUTAD',
    omrade,
    forvaltning: {
      ...grovreAvsnitt,
      incidenterAntal: null,
      incidenter: [],
      kontakterAntal: null,
      kontakter: [],
      faltobservationer: [],
      atervandare: [],
      kallanmarkningar: [],
      grovre: forvaltning2016(),
    },
    polis: {
      rapporteringsstatus: 'RAPPORTERAT',
      publicerad: '2016-12',
      bedomningar: polisAr.bedomningar,
      handelserAntal: antal(1),
      handelser: [
        {
          typ: 'DEMONSTRATION',
          rubrik: 'Nordiska Motståndsrörelsens demonstration i november 2016',
          datum: null,
          period: '2016-11',
          miljo: 'VIT_MAKT',
          vald: false,
          beskrivning: 'Demonstration.',
          platser: [],
        },
      ],
      grovrePeriod: grovre,
      grovre: polisAr,
    },
    skolor: {
      ...grovreAvsnitt,
      utskick: null,
      besvarade: null,
      svarsfrekvensVisning: '–',
      grovre: skolor2016(),
    },
    klotter: {
      ...grovreAvsnitt,
      antal: null,
      perRapportor: [
        {
          rapportor: 'TRAFIKKONTORET',
          namn: 'Trafikkontoret',
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          antal: null,
        },
        {
          rapportor: 'SISAB',
          namn: 'SISAB',
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          antal: null,
        },
        {
          rapportor: 'MTR',
          namn: 'MTR',
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          antal: null,
        },
      ],
      perKategori: [],
      sanering: null,
      paPlats: null,
      anmalningar: { totalt: 0, anmalningar: [] },
      grovre: klotter2016(),
    },
    // An environment row is reported for the year only where the year has records for it.
    miljoer: ar.miljoer.map((m) => ({
      ...m,
      forvaltning: harTalForAret(m.forvaltning)
        ? {
            ...grovreAvsnitt,
            incidenterAntal: null,
            kontakterAntal: null,
            faltobservationerAntal: null,
            grovre: m.forvaltning,
          }
        : m.forvaltning,
      skolor: harTalForAret(m.skolor)
        ? { ...grovreAvsnitt, besvarade: null, skolorMedTecken: null, grovre: m.skolor }
        : m.skolor,
      klotter: harTalForAret(m.klotter)
        ? { ...grovreAvsnitt, antal: null, grovre: m.klotter }
        : m.klotter,
    })),
    foregaende: {
      period: '2016-H1',
      periodLage: 'AVSLUTAD',
      forvaltning: { ...grovreAvsnitt, incidenterAntal: null, kontakterAntal: null },
      polis: { rapporteringsstatus: 'RAPPORTERAT', grovrePeriod: grovre, handelserAntal: antal(1) },
      skolor: { ...grovreAvsnitt, besvarade: null },
      klotter: { ...grovreAvsnitt, antal: null },
    },
  };
}

/** Has the year's row numbers (so that H2's row is reported for the year)? */
function harTalForAret(rad: { rapporteringsstatus: string } | null): boolean {
  return rad !== null && rad.rapporteringsstatus !== EJ;
}

/** 2030, asked in 2026: the period has not begun and nobody has reported. */
export function bild2030(): Lagesbild {
  const b = bild2015();
  return {
    ...b,
    period: '2030',
    fran: '2030-01-01',
    till: '2031-01-01',
    periodLage: 'EJ_PABORJAD',
    klotter: {
      ...b.klotter!,
      rapporteringsstatus: EJ,
      antal: null,
      perRapportor: b.klotter!.perRapportor.map((r) => ({
        ...r,
        rapporteringsstatus: EJ,
        antal: null,
      })),
      sanering: null,
      paPlats: null,
    },
    miljoer: b.miljoer.map((m) => miljoRad(m.miljo, m.namn)),
    foregaende: {
      period: '2029',
      periodLage: 'EJ_PABORJAD',
      forvaltning: {
        rapporteringsstatus: EJ,
        grovrePeriod: null,
        incidenterAntal: null,
        kontakterAntal: null,
      },
      polis: { rapporteringsstatus: EJ, grovrePeriod: null, handelserAntal: null },
      skolor: { rapporteringsstatus: EJ, grovrePeriod: null, besvarade: null },
      klotter: { rapporteringsstatus: EJ, grovrePeriod: null, antal: null },
    },
  };
}
