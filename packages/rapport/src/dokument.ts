import {
  MILJO_NAMN,
  type Miljo,
  NIVA_NAMN,
  type Niva,
  RAPPORTERINGSSTATUS_NAMN,
  type Rapporteringsstatus,
} from '@lagesbild/domain';
import { hotspots } from './hotspots';
import { type Lagesbild, PARTNER_NAMN, PARTNERS, type SkyddatAntal, type Sla } from './types';

/** A report as data: sections of paragraphs and tables, rendered to Markdown or HTML alike. */
export interface Tabell {
  kolumner: string[];
  rader: string[][];
}

export interface Avsnitt {
  rubrik: string;
  niva: 2 | 3;
  stycken: string[];
  tabeller: Tabell[];
}

export interface RapportDokument {
  titel: string;
  undertitel: string;
  avsnitt: Avsnitt[];
}

const ATGARD_STATUS: Record<string, string> = {
  PAGAR: 'Pågår',
  FORSLAG: 'Förslag',
  AVSLUTAD: 'Avslutad',
};
const HANDELSE_TYP: Record<string, string> = {
  DEMONSTRATION: 'Demonstration',
  MOTDEMONSTRATION: 'Motdemonstration',
  ORO: 'Oroligheter',
  ATTACK: 'Attack',
  TERRORDAD: 'Terrordåd',
  PATRULLERING: 'Patrullering',
};
const KATEGORI: Record<string, string> = {
  RASISTISKT: 'Rasistiskt',
  STOTANDE: 'Stötande',
  ODEFINIERAT: 'Odefinierat',
};
const RAPPORTOR: Record<string, string> = {
  TRAFIKKONTORET: 'Trafikkontoret',
  SISAB: 'SISAB',
  MTR: 'MTR',
};
const KANAL: Record<string, string> = {
  MOTTAGNINGSTELEFON: 'Vuxenenhetens mottagningstelefon',
  STODTELEFON: 'Nationella stödtelefonen (Rädda Barnen)',
};

const miljo = (m: string | null) => (m ? (MILJO_NAMN[m as Miljo] ?? m) : '–');
const niva = (n: string) => NIVA_NAMN[n as Niva] ?? n;
const status = (s: string) => RAPPORTERINGSSTATUS_NAMN[s as Rapporteringsstatus] ?? s;
const EJ_TILLGANGLIG = 'Ej tillgänglig just nu — källan svarade inte när rapporten togs fram.';

/**
 * A count as the reader may see it: the number, "fåtal" when it is small and suppressed for
 * them, or "ej redovisad" when it is withheld so a small one cannot be worked out.
 */
function tal(v: SkyddatAntal | number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return typeof v === 'number' ? String(v) : v.visning;
}

function sla(s: Sla): string {
  const a = s.andelUppfyllt;
  const andel = a.andel === null && !a.undertryckt ? 'okänd andel' : a.visning;
  return `${tal(s.uppfyllt)} uppfyllda, ${tal(s.ejUppfyllt)} ej uppfyllda, ${tal(s.okant)} okända (${andel})`;
}

function avsnitt(
  rubrik: string,
  stycken: string[] = [],
  tabeller: Tabell[] = [],
  niva: 2 | 3 = 3,
): Avsnitt {
  return { rubrik, niva, stycken, tabeller };
}

/**
 * The picture for a council meeting, in the order of the source document's "Lokal
 * lägesbild": the police, förvaltning, the schools, incidents and graffiti, public space,
 * groups — then the action plan's table. What a missing source would have said is marked
 * as missing, never left out silently.
 */
export function rapportDokument(
  l: Lagesbild,
  meta: { framtagen: string; saknadeKallor?: string[] } = { framtagen: new Date().toISOString() },
): RapportDokument {
  const saknade = new Set(meta.saknadeKallor ?? []);
  const delar: Avsnitt[] = [];

  delar.push(
    avsnitt(
      'Källor för perioden',
      [],
      [
        {
          kolumner: ['Partner', 'Status'],
          rader: PARTNERS.map((p) => [
            PARTNER_NAMN[p],
            l[p] === null || saknade.has(p)
              ? 'Ej tillgänglig just nu'
              : status(l[p]?.rapporteringsstatus ?? ''),
          ]),
        },
      ],
      2,
    ),
  );

  delar.push(avsnitt('Lokal lägesbild', [], [], 2));

  // The police
  const polis = l.polis;
  if (!polis) delar.push(avsnitt('Lägesbild från polisens underrättelseenhet', [EJ_TILLGANGLIG]));
  else if (polis.bedomningar.length === 0) {
    delar.push(
      avsnitt('Lägesbild från polisens underrättelseenhet', [
        'Polisen har inte publicerat någon bedömning för perioden.',
      ]),
    );
  } else {
    const texter = [...new Set(polis.bedomningar.map((b) => b.text))];
    delar.push(
      avsnitt('Lägesbild från polisens underrättelseenhet', texter, [
        {
          kolumner: ['Miljö', 'Halvår', 'Bosatta', 'Folkbokförda', 'Utsatta för brott', 'Resor'],
          rader: polis.bedomningar.map((b) => [
            miljo(b.miljo),
            b.period,
            niva(b.bosatta),
            niva(b.folkbokforda),
            niva(b.utsattaForBrott),
            niva(b.resor),
          ]),
        },
      ]),
    );
  }

  // Förvaltning
  const f = l.forvaltning;
  if (!f) delar.push(avsnitt('Lägesbild från förvaltningens verksamheter', [EJ_TILLGANGLIG]));
  else {
    const kontakter = f.kontakter.map(
      (k) =>
        `${KANAL[k.kanal] ?? k.kanal}: ${tal(k.antal)} ${k.antal.antal === 1 ? 'kontakt' : 'kontakter'}${
          k.miljo ? ` (${miljo(k.miljo)})` : ''
        }.${k.atgard ? ` ${k.atgard}` : ''}${k.utfall ? ` ${k.utfall}` : ''}`,
    );
    const atervandare = f.atervandare.map(
      (a) =>
        `Återvändare: ${tal(a.kandaAntal)} kända, ${tal(a.insatserAntal)} insatser.${a.kommentar ? ` ${a.kommentar}` : ''}`,
    );
    const falt = f.faltobservationer.map((o) => `${o.enhet}: ${o.beskrivning}`);
    delar.push(
      avsnitt('Lägesbild från förvaltningens verksamheter', [
        ...(kontakter.length ? kontakter : ['Inga kontakter rapporterade för perioden.']),
        ...atervandare,
        ...falt,
      ]),
    );
  }

  // Schools
  const s = l.skolor;
  if (!s) delar.push(avsnitt('Lägesbild från skolor inom stadsdelsområdet', [EJ_TILLGANGLIG]));
  else {
    const tecken = l.miljoer
      .filter((m) => m.skolor?.skolorMedTecken)
      .map(
        (m) =>
          `${miljo(m.miljo)}: ${m.skolor?.skolorMedTecken?.visning} av ${m.skolor?.besvarade} svarande skolor har uppmärksammat tecken.`,
      );
    delar.push(
      avsnitt('Lägesbild från skolor inom stadsdelsområdet', [
        `${s.besvarade} skolor har besvarat enkäten${s.utskick === null ? '' : ` av ${s.utskick} tillfrågade`} (svarsfrekvens: ${s.svarsfrekvensVisning}).`,
        ...tecken,
        'Enskilda skolors svar redovisas inte; små antal visas som "fåtal" för läsare utan behörighet, och antal som annars skulle avslöja dem som "ej redovisad".',
      ]),
    );
  }

  // Incidents and graffiti
  const incidentTabell: Tabell[] = f
    ? [
        {
          kolumner: ['Miljö', 'Händelse', 'Plats'],
          rader: f.incidenter.map((i) => [
            miljo(i.miljo),
            i.beskrivning,
            i.plats?.namn ?? i.plats?.id ?? '–',
          ]),
        },
      ]
    : [];
  const incidentText = f
    ? [
        `Incidentrapportering (IA, tidigare RISK): ${tal(f.incidenterAntal)} incidenter.`,
        ...f.kallanmarkningar.map((k) => `Anmärkning om källan: ${k.text}`),
      ]
    : [EJ_TILLGANGLIG];
  const k = l.klotter;
  const klotterText = k
    ? [
        `Klotter: ${tal(k.antal)} anmälningar om rasistiskt eller stötande klotter.`,
        ...k.perRapportor.map(
          (r) =>
            `${r.namn}: ${status(r.rapporteringsstatus)}${r.antal === null ? '' : ` (${tal(r.antal)})`}.`,
        ),
        `Sanering inom 24 timmar: ${sla(k.sanering)}. Entreprenör på plats inom 3 arbetstimmar: ${sla(k.paPlats)}.`,
      ]
    : [`Klotter: ${EJ_TILLGANGLIG}`];
  const klotterTabell: Tabell[] = k
    ? [
        {
          kolumner: ['Rapportör', 'Kategori', 'Miljö', 'Innehåll', 'Plats'],
          rader: k.anmalningar.anmalningar.map((a) => [
            RAPPORTOR[a.rapportor] ?? a.rapportor,
            KATEGORI[a.kategori] ?? a.kategori,
            miljo(a.miljo),
            a.innehall,
            a.platsText ?? a.plats?.namn ?? '–',
          ]),
        },
      ]
    : [];
  delar.push(
    avsnitt(
      'Incidentrapportering och klotter',
      [...incidentText, ...klotterText],
      [...incidentTabell, ...klotterTabell],
    ),
  );

  // Public space
  if (!polis) delar.push(avsnitt('Det offentliga rummet', [EJ_TILLGANGLIG]));
  else {
    delar.push(
      avsnitt(
        'Det offentliga rummet',
        polis.handelser.length ? [] : ['Inga händelser registrerade för perioden.'],
        polis.handelser.length
          ? [
              {
                kolumner: ['När', 'Typ', 'Händelse', 'Miljö', 'Våld', 'Platser'],
                rader: polis.handelser.map((h) => [
                  h.datum ?? h.period,
                  HANDELSE_TYP[h.typ] ?? h.typ,
                  h.rubrik,
                  miljo(h.miljo),
                  h.vald === null ? 'okänt' : h.vald ? 'ja' : 'nej',
                  h.platser.map((p) => p.namn ?? p.id).join(', ') || '–',
                ]),
              },
            ]
          : [],
      ),
    );
  }

  // Groups
  const grupper = l.omrade.grupperingar;
  delar.push(
    avsnitt(
      'Antidemokratiska grupperingar/miljöer',
      grupper ? (grupper.length ? [] : ['Inga grupperingar registrerade.']) : [EJ_TILLGANGLIG],
      grupper?.length
        ? [
            {
              kolumner: ['Gruppering', 'Miljö', 'Våldsbejakande', 'Var'],
              rader: grupper.map((g) => [
                g.namn,
                miljo(g.miljo),
                g.valdsbejakande ? 'ja' : 'nej',
                g.verksamhetsomrade ?? '–',
              ]),
            },
          ]
        : [],
    ),
  );

  // The cross-partner table, hotspots and the trend
  delar.push(
    avsnitt(
      'Sammanställning per miljö',
      [],
      [
        {
          kolumner: [
            'Miljö',
            'Polisen (bosatta)',
            'Incidenter',
            'Kontakter',
            'Fältobservationer',
            'Skolor med tecken',
            'Klotter',
          ],
          rader: l.miljoer.map((m) => [
            m.namn,
            m.polis ? niva(m.polis.bosatta) : '–',
            tal(m.forvaltning?.incidenter),
            tal(m.forvaltning?.kontakter),
            tal(m.forvaltning?.faltobservationer),
            m.skolor?.skolorMedTecken
              ? `${m.skolor.skolorMedTecken.visning} av ${m.skolor.besvarade}`
              : '–',
            tal(m.klotter?.antal),
          ]),
        },
      ],
      2,
    ),
  );
  const platser = hotspots(l);
  delar.push(
    avsnitt(
      'Platser i flera källor',
      platser.length ? [] : ['Ingen plats förekommer hos två eller fler partner under perioden.'],
      platser.length
        ? [
            {
              kolumner: ['Plats', 'Partner', 'Uppgifter'],
              rader: platser.flatMap((p) =>
                p.uppgifter.map((u) => [p.namn, u.partnerNamn, u.vad.join('; ')]),
              ),
            },
          ]
        : [],
      2,
    ),
  );
  const fg = l.foregaende;
  if (fg) {
    type Tal = SkyddatAntal | number | undefined;
    const rad = (namn: string, nu: Tal, da: Tal) => [namn, tal(nu), tal(da)];
    delar.push(
      avsnitt(
        `Jämfört med föregående period (${fg.period})`,
        [],
        [
          {
            kolumner: ['Uppgift', l.period, fg.period],
            rader: [
              rad('Incidenter', f?.incidenterAntal, fg.forvaltning?.incidenterAntal),
              rad('Kontakter', f?.kontakterAntal, fg.forvaltning?.kontakterAntal),
              rad('Polisens händelser', polis?.handelserAntal, fg.polis?.handelserAntal),
              rad('Skolor som svarat', s?.besvarade, fg.skolor?.besvarade),
              rad('Klotteranmälningar', k?.antal, fg.klotter?.antal),
            ],
          },
        ],
        2,
      ),
    );
  }

  // The action plan
  const plan = l.omrade.handlingsplan;
  delar.push(
    avsnitt(
      'Handlingsplan',
      plan ? [`${plan.namn}, fastställd ${plan.fastalld}. ${plan.uppfoljning}`] : [EJ_TILLGANGLIG],
      plan
        ? [
            {
              kolumner: ['Nr', 'Åtgärd', 'Syfte', 'Ansvarig', 'Andra berörda', 'Status'],
              rader: plan.atgarder.map((a) => [
                String(a.nr),
                a.namn,
                a.syfte,
                a.ansvarig,
                a.andraBerorda.join(', ') || '–',
                a.delsteg.length
                  ? a.delsteg
                      .map((d) => `${d.nr}. ${ATGARD_STATUS[d.status] ?? d.status}`)
                      .join('; ')
                  : a.statusText || (ATGARD_STATUS[a.status] ?? a.status),
              ]),
            },
          ]
        : [],
      2,
    ),
  );

  return {
    titel: `Lägesbild ${l.omrade.namn} ${l.period}`,
    undertitel: `${l.omrade.namnd}. Sammanställd ${meta.framtagen.slice(0, 10)} från partnernas källor via Lägesbild.`,
    avsnitt: delar,
  };
}
