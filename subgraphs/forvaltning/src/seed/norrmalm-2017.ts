/**
 * The district administration's facts from Norrmalm's action plan against violent
 * extremism (May 2017), ../shared/seed/handlingsplan-norrmalm-2017.txt. Written by hand
 * from the document; where it is silent, fields are null, and where it contradicts itself
 * a Kallanmarkning says so.
 */
import { Miljo } from '@lagesbild/domain';
import { ObservationTyp } from '../entities/faltobservation.entity';
import { AtgardStatus, Inriktning } from '../entities/handlingsplan.entity';
import { IncidentSystem, IncidentTyp } from '../entities/incident.entity';
import { KontaktKanal } from '../entities/kontakt.entity';

export const SEED_KEY = 'forvaltning:handlingsplan-norrmalm-2017';
/**
 * The places' parts came after the first seed: a database seeded before gets the park and
 * the links to its parts once, under this key (a fresh one has them from the first seed).
 */
export const PLATSDELAR_SEED_KEY = 'forvaltning:platsdelar-norrmalm-2017';

/** The seed's area; its name is the register's (STADSDELSOMRADEN), given in the seed. */
export const OMRADE = {
  id: 'norrmalm',
  kommun: 'Stockholm',
  namnd: 'Norrmalms stadsdelsnämnd',
};

const UNGEFARLIG = 'Ungefärlig position för orientering; anges inte i källdokumentet.';

const OBSERVATORIELUNDEN = 'Observatorielunden';

/**
 * The places the plan names. Coordinates only where the place is a well-known landmark.
 * `delAv` names the larger place one is part of (by its name, listed before it): the plan
 * names the park's playground and the metro entrance below it, both in Observatorielunden.
 */
export const PLATSER: {
  namn: string;
  adress?: string;
  beskrivning?: string;
  wgs84?: { lat: number; lon: number };
  delAv?: string;
}[] = [
  { namn: 'Gävlegatan 1', adress: 'Gävlegatan 1' },
  {
    namn: 'Stadsbiblioteket',
    adress: 'Sveavägen 73',
    wgs84: { lat: 59.34331, lon: 18.05466 },
  },
  { namn: 'Centralstationen', wgs84: { lat: 59.33036, lon: 18.05851 } },
  { namn: 'Sergels torg', wgs84: { lat: 59.33257, lon: 18.06466 } },
  { namn: 'Klara', beskrivning: 'Klaraområdet.' },
  { namn: 'Drottninggatan', beskrivning: 'Folktätt shopping- och turiststråk.' },
  { namn: 'Olof Palmes gata' },
  { namn: 'Bryggargatan' },
  {
    namn: OBSERVATORIELUNDEN,
    beskrivning: 'Parken kring Observatoriet vid Sveavägen och Odengatan.',
    wgs84: { lat: 59.34161, lon: 18.05507 },
  },
  {
    namn: 'Observatorielundens parklek',
    beskrivning: 'Parklek i Observatorielunden.',
    wgs84: { lat: 59.34196, lon: 18.05478 },
    delAv: OBSERVATORIELUNDEN,
  },
  { namn: 'Nedre Observatorielunden, tunnelbanenedgången', delAv: OBSERVATORIELUNDEN },
  { namn: 'Karlbergsvägen' },
  { namn: 'Raoul Wallenbergs torg', beskrivning: 'Stavas "Raul Wallenbergs Torg" i källan.' },
];
export const KOORDINATKALLA = UNGEFARLIG;

const IA_AVSNITT = 'Lokal lägesbild – Incidentrapportering';

export const INCIDENTER = [
  {
    id: 'norrmalm-2016-ia-1',
    period: '2016',
    plats: 'Gävlegatan 1',
    platsText: 'Gävlegatan 1',
    miljo: Miljo.VIT_MAKT,
    typ: IncidentTyp.SKADEGORELSE,
    system: IncidentSystem.RISK,
    beskrivning:
      'Skadegörelse utfördes på en dörr, och vid konfrontation visar personen inristade ' +
      'hakkors på sin kropp och knyter näven.',
  },
  {
    id: 'norrmalm-2016-ia-2',
    period: '2016',
    plats: 'Sveavägen 73',
    platsText: 'Stadsbiblioteket Sveavägen 73',
    miljo: Miljo.VIT_MAKT,
    typ: IncidentTyp.HOT,
    system: IncidentSystem.RISK,
    beskrivning:
      'Hotfull stämning och kränkande uttalanden av rasistisk karaktär från publik i samband ' +
      'med författarbesök.',
  },
  {
    id: 'norrmalm-2016-ia-3',
    period: '2016',
    plats: 'Sveavägen 73',
    platsText: 'Stadsbiblioteket Sveavägen 73',
    miljo: Miljo.VIT_MAKT,
    typ: IncidentTyp.KRANKANDE_UTTALANDEN,
    system: IncidentSystem.RISK,
    beskrivning: 'Kränkande och rasistiska uttalanden mot besökare och mot personal.',
  },
];

export const KALLANMARKNINGAR = [
  {
    id: 'norrmalm-2016-kalla-ia-antal',
    period: '2016',
    avsnitt: IA_AVSNITT,
    text:
      'Texten anger "tre stycken incidenter" men rubriken lyder "Vitmakt – 4 stycken"; ' +
      'tre incidenter är listade. Systemet redovisar de tre listade och håller motsägelsen synlig.',
    angivetAntal: 4,
    listatAntal: 3,
  },
  {
    id: 'norrmalm-2016-kalla-datering',
    period: '2016',
    avsnitt: 'Lokal lägesbild – Lägesbild från förvaltningens verksamheter',
    text:
      'Källan (april 2017) daterar inte incidenterna eller fält- och fritids iakttagelse ' +
      'närmare; de redovisas under 2016, det år lägesbilden avser.',
    angivetAntal: null,
    listatAntal: null,
  },
];

export const KONTAKTER = [
  {
    id: 'norrmalm-2016-kontakt-mottagning',
    period: '2016',
    kanal: KontaktKanal.MOTTAGNINGSTELEFON,
    miljo: Miljo.ISLAMISTISK,
    antal: 1,
    atgard: 'Kontakt togs med polisen.',
    utfall: 'Polisen gjorde bedömningen att frågan kunde avskrivas.',
  },
  {
    id: 'norrmalm-2016-kontakt-stodtelefon',
    period: '2016',
    kanal: KontaktKanal.STODTELEFON,
    miljo: null,
    antal: 0,
    atgard: null,
    utfall: 'Förvaltningen har inte mottagit något samtal från stödtelefonen.',
  },
  {
    id: 'norrmalm-2017t1-kontakt-mottagning',
    period: '2017-T1',
    kanal: KontaktKanal.MOTTAGNINGSTELEFON,
    miljo: null,
    antal: 0,
    atgard: null,
    utfall:
      'Under 2017 har ingen information inkommit till stadsdelsförvaltningen avseende ' +
      'våldsbejakande extremism (fram till planens datum).',
  },
  {
    id: 'norrmalm-2017t1-kontakt-stodtelefon',
    period: '2017-T1',
    kanal: KontaktKanal.STODTELEFON,
    miljo: null,
    antal: 0,
    atgard: null,
    utfall: 'Förvaltningen har inte mottagit något samtal från stödtelefonen.',
  },
];

export const ATERVANDARE = [
  {
    id: 'norrmalm-2016-atervandare',
    period: '2016',
    kandaAntal: 0,
    insatserAntal: 0,
    kommentar:
      'Förvaltningen har aldrig utfört någon insats för återvändare från krigsresor eller har ' +
      'kunskap om någon återvändare bosatt i stadsdelsområdet.',
  },
];

const FALT_OCH_FRITID = 'Enheten för fält- och fritid';

export const FALTOBSERVATIONER = [
  {
    id: 'norrmalm-2016-falt-klistermarken',
    period: '2016',
    typ: ObservationTyp.PROPAGANDA,
    miljo: Miljo.VIT_MAKT,
    antal: null,
    beskrivning:
      'Verksamheten har vid något tillfälle uppmärksammat invandrarfientlig propaganda i form ' +
      'av klistermärken.',
  },
  {
    id: 'norrmalm-2016-falt-unga',
    period: '2016',
    typ: ObservationTyp.TECKEN_HOS_UNGA,
    miljo: null,
    antal: 0,
    beskrivning:
      'Inga tecken på aktiviteter eller misstankar om våldsbejakande extremism hos unga har ' +
      'uppmärksammats.',
  },
].map((o) => ({ ...o, enhet: FALT_OCH_FRITID }));

export const HANDLINGSPLAN = {
  id: 'norrmalm-handlingsplan-2017',
  namn: 'Norrmalms stadsdelsnämnds handlingsplan mot våldsbejakande extremism',
  fastalld: '2017-05',
  uppfoljning:
    'Följs upp årligen inom ramen för ordinarie styrning med verksamhetsplan och verksamhetsberättelse.',
  /** When the table's statuses were recorded: the plan's date. */
  statusTidpunkt: '2017-05-01T00:00:00.000Z',
};

const P = AtgardStatus.PAGAR;
const F = AtgardStatus.FORSLAG;
const FOREBYGGANDE = Inriktning.FOREBYGGANDE;

/**
 * The table "Åtgärder för förebyggande och förhindrande arbete mot våldsbejakande
 * extremism", row by row. It has eleven rows. Every one is preventive (förebyggande); the
 * plan's förhindrande work (avhopparverksamhet, anhörigstöd) is described in prose only.
 */
export const ATGARDER: {
  namn: string;
  syfte: string;
  ansvarig: string;
  andraBerorda: string[];
  status: AtgardStatus;
  statusText: string;
  giltigTom?: string;
  delsteg?: { text: string; status: AtgardStatus; statusText: string }[];
}[] = [
  {
    namn: 'Förvaltningsövergripande grupp för samordning av frågor om våldsbejakande extremism',
    syfte:
      'Forum för underlag till förvaltningens lägesbild, forum för hantering av inkommande ' +
      'frågor, kanal för kunskap/information ut i verksamheterna.',
    ansvarig: 'Trygghets- och säkerhetssamordnaren',
    andraBerorda: [],
    status: P,
    statusText: 'Pågår',
  },
  {
    namn: 'Kontaktfunktion för nationella samordnarens orostelefon (drivs av Rädda Barnen)',
    syfte:
      'Enligt nationellt uppdrag till samtliga kommuner; ha en kontaktperson för eventuella ' +
      'frågor eller vidarelotsning från handläggare på stödtelefonen.',
    ansvarig: 'Mottagningsgruppen, vuxenenheten',
    andraBerorda: ['Rädda Barnen'],
    status: P,
    statusText: 'Pågår',
  },
  {
    namn: 'Demokratifrämjande arbete i form av ungdomsrådet, funktionshinderrådet, och pensionärsrådet',
    syfte: 'Skapa förutsättningar för inflytande i stadsdelsförvaltningens verksamheter.',
    ansvarig: 'Rådssekreterare',
    andraBerorda: [],
    status: P,
    statusText: 'Pågår',
  },
  {
    namn: 'Samverkansöverenskommelsen med polisen',
    syfte:
      'Upprätthålla aktuell lägesbild och inkludera frågorna i det ordinarie ' +
      'brottsförebyggande arbetet med polis.',
    ansvarig: 'Trygghets- och säkerhetssamordnare',
    andraBerorda: [],
    status: P,
    statusText: 'Pågår',
  },
  {
    namn: 'Trygghets- och säkerhetsrådet',
    syfte:
      'Dela- och förankra lokal lägesbild om trygghet och säkerhet inom stadsdelsområdet, ' +
      'inklusive förekomst av våldsbejakande extremism',
    ansvarig: 'Trygghets- och säkerhetssamordnare',
    andraBerorda: [
      'Utbildningsförvaltningen',
      'Trafikkontoret',
      'Polisen',
      'Räddningstjänsten',
      'SL',
      'MTR',
      'Församlingar',
      'Röda Korset',
    ],
    status: P,
    statusText: 'Pågår',
  },
  {
    namn: 'Delta i stadsövergripande utbildningar',
    syfte: 'Öka kunskapen om våldsbejakande extremism inom berörda verksamheter',
    ansvarig: 'Respektive verksamhetschef via förvaltningens samordnare',
    andraBerorda: ['Stadsledningskontoret'],
    status: P,
    statusText: 'Pågår',
  },
  {
    namn: 'Samverkansform Fält- och fritid, socialtjänst och polis',
    syfte:
      'På dagordningen lyfts alltid fråga om deltagande parter har kännedom om förekomst av ' +
      'våldsbejakande extremism bland ungdomar. På så sätt ska frågan hållas aktuell.',
    ansvarig: 'Preventionssamordnare, fält- och fritids',
    andraBerorda: ['Polis', 'Familjeenheten'],
    status: P,
    statusText: 'Pågår',
  },
  {
    namn:
      'Samverkansform mellan fältassistenter och preventionssamordnare inom ' +
      'stadsdelsförvaltningar i innerstaden. Samarbete sker även inom hela staden.',
    syfte:
      'Då gränserna för stadsdelsområdena i innerstaden inte är relevanta för ungdomar är det ' +
      'viktigt att samverka mellan förvaltningarnas fältassistenter.',
    ansvarig: 'Enheten för fält- och fritid',
    andraBerorda: ['Övriga stadsdelsförvaltningar i innerstaden'],
    status: P,
    statusText: 'Pågår',
  },
  {
    // "vidmanifestationer" is the source's own spelling, kept as written.
    namn: 'Rutin för att arbeta förebyggande mot rekrytering vid vidmanifestationer.',
    syfte:
      'Genom att fältassistenter är aktiva kvällarna inför kända manifestationer kan ' +
      'rekrytering förhindras.',
    ansvarig: 'Enheten för fält- och fritid/preventionssamordnare',
    andraBerorda: ['Utbildningsförvaltningen', 'Övriga stadsdelsförvaltningar i innerstaden'],
    status: P,
    statusText: 'Delsteg 1 pågår, delsteg 2 och 3 är förslag',
    delsteg: [
      {
        text:
          'Information behöver utgå till alla medarbetarkategorier inom fält- och fritid inför ' +
          'kända manifestationer.',
        status: P,
        statusText:
          'Pågår via preventionssamordnarens deltagande i forum fält- fritid, socialtjänst, ' +
          'polis samt i forum Platssamverkan Klara.',
      },
      { text: 'Informera skolor', status: F, statusText: 'Förslag' },
      {
        text: 'Fältassistenter behöver planera in insatser kvällen/kvällar inför manifestationer.',
        status: F,
        statusText: 'Förslag',
      },
    ],
  },
  {
    namn: 'Social lotsfunktion för ensamkommande ungdomar',
    syfte: 'Stödja och stärka ensamkommande barns förutsättningar till en hälsosam tillvaro.',
    ansvarig:
      'Enheten för prevention och familjebehandling på Kungsholmen avser Kungsholmen, ' +
      'Norrmalm och Östermalm',
    andraBerorda: ['Enheten för ensamkommande barn placerad på Kungsholmen'],
    status: P,
    statusText: 'Pågår t.o.m. 2018',
    giltigTom: '2018',
  },
  {
    namn: 'Upprätthålla förvaltningsövergripande krisberedskap',
    syfte:
      'Krisledning och krisstödjare ska vara utbildade och organisationen känd och ' +
      'implementerad hos samverkande aktörer för att ha bästa möjliga förutsättningar att ' +
      'hantera en kris.',
    ansvarig: 'Trygghets- och säkerhetssamordnare, operativ ledare för krisberedskap',
    andraBerorda: [
      'Polis',
      'SSBF',
      'Församlingar',
      'Socialjour',
      'Stadsdelsförvaltningar i innerstaden',
    ],
    status: P,
    statusText: 'Pågår',
  },
];
export const ATGARD_INRIKTNING = FOREBYGGANDE;

export const SAMVERKANSFORUM = [
  {
    id: 'norrmalm-forum-ffsp',
    namn: 'Fält- och fritid, socialtjänst och polis',
    frekvens: 'Varje månad',
    deltagare: ['Enheten för fält- och fritid', 'Socialtjänsten', 'Polisen (kommunpolisen)'],
    syfte:
      'Frågan om förekomst av våldsbejakande extremism lyfts vid varje möte; fångar upp ' +
      'ungdomar i riskmiljöer.',
    sedan: null,
  },
  {
    id: 'norrmalm-forum-platssamverkan-klara',
    namn: 'Platssamverkan Klara',
    frekvens: null,
    deltagare: ['Stadsdelsförvaltningens preventionssamordnare'],
    syfte:
      'Platssamverkan i Klaraområdet; här får förvaltningen kännedom om förestående demonstrationer.',
    sedan: null,
  },
  {
    id: 'norrmalm-forum-trygghetsrad',
    namn: 'Norrmalms trygghets- och säkerhetsråd',
    frekvens: null,
    deltagare: [
      'Norrmalms stadsdelsförvaltning',
      'Utbildningsförvaltningen',
      'Trafikkontoret',
      'Polisen',
      'Räddningstjänsten',
      'SL',
      'MTR',
      'Församlingar',
      'Röda Korset',
    ],
    syfte:
      'Dela och förankra lokal lägesbild om trygghet och säkerhet, inklusive förekomst av ' +
      'våldsbejakande extremism.',
    sedan: null,
  },
  {
    id: 'norrmalm-forum-lagesbild-polis',
    namn: 'Gemensam lägesbild med lokalpolisområde Norrmalm',
    frekvens: 'Varje halvår',
    deltagare: ['Norrmalms stadsdelsförvaltning', 'Lokalpolisområde Norrmalm'],
    syfte:
      'Samverkansöverenskommelsen bygger på en gemensam lägesbild som uppdateras varje halvår; ' +
      'sedan december 2016 med ett avsnitt om våldsbejakande extremism.',
    sedan: '2016-05',
  },
];
