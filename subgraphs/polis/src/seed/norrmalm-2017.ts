/**
 * The police's facts from Norrmalm's action plan against violent extremism (May 2017),
 * ../shared/seed/handlingsplan-norrmalm-2017.txt: the sections "Lägesbild från polisens
 * underrättelseenhet", "Det offentliga rummet", "Måltavlor för attentat och terrorism" and
 * "Antidemokratiska grupperingar/miljöer". Written by hand from the document; where it is
 * silent a level is OKAND and a field null — nothing here is added from elsewhere.
 */
import { Miljo, Niva } from '@lagesbild/domain';
import { UTGIVARE_STANDARD } from '../entities/bedomning.entity';
import { HandelseTyp } from '../entities/handelse.entity';

export const SEED_KEY = 'polis:handlingsplan-norrmalm-2017';

export const OMRADE_ID = 'norrmalm';

export const UTGIVARE = UTGIVARE_STANDARD;

/**
 * The plan quotes the intelligence unit's report without a date. It also says (section
 * "Upprätthålla en aktuell lägesbild") that the joint lägesbild is updated every half year
 * and that in December 2016 it was updated with a section on violent extremism: the quoted
 * report is taken to be that update, so it is dated 2016-H2, published 2016-12 (the month
 * only: the document gives no day).
 */
export const BEDOMNING_PERIOD = '2016-H2';
export const BEDOMNING_PUBLICERAD = '2016-12';

const RAPPORT =
  'Polisens underrättelseenhet skriver i sin rapport att det finns ett fåtal individer från ' +
  'de tre extremismmiljöerna som är bosatta inom Norrmalms stadsdelsområde. Några av dessa ' +
  'har blivit utsatta för ideologiskt motiverade brott. Det finns ett fåtal individer som ' +
  'kan kopplas till gruppen våldsbejakande islamism som är folkbokförda inom ' +
  'stadsdelsområdet. Att individer radikaliseras och reser till krigsområden förekommer inte ' +
  'i någon större utsträckning i Norrmalms stadsdelsområde.';

interface SeedBedomning {
  miljo: Miljo;
  bosatta: Niva;
  folkbokforda: Niva;
  utsattaForBrott: Niva;
  resor: Niva;
  text: string;
}

/**
 * One assessment per environment the report speaks of. Residing: "ett fåtal individer från
 * de tre extremismmiljöerna" — FATAL for each of the three. Registered: only for violent
 * Islamism ("ett fåtal … folkbokförda"); for the other two the report is silent (OKAND).
 *
 * Victims ("Några av dessa har blivit utsatta …") and travel ("Att individer radikaliseras
 * och reser …") are said of the three environments together, not of any one of them. Put
 * on each environment's row they would claim, say, that white-power individuals have been
 * victims, which the report does not say. They are kept on the OSPECIFICERAD row — the
 * environment for statements that cannot be attributed to one — and the three named rows
 * say OKAND for them.
 *
 * Travel: "förekommer inte i någon större utsträckning" is FATAL, not INGA. The words say
 * that it does not happen to any great extent, not that it does not happen; INGA would
 * state more than the police did. The report's own words stay in `text`.
 */
export const BEDOMNINGAR: SeedBedomning[] = [
  {
    miljo: Miljo.VIT_MAKT,
    bosatta: Niva.FATAL,
    folkbokforda: Niva.OKAND,
    utsattaForBrott: Niva.OKAND,
    resor: Niva.OKAND,
    text: RAPPORT,
  },
  {
    miljo: Miljo.AUTONOMA,
    bosatta: Niva.FATAL,
    folkbokforda: Niva.OKAND,
    utsattaForBrott: Niva.OKAND,
    resor: Niva.OKAND,
    text: RAPPORT,
  },
  {
    miljo: Miljo.ISLAMISTISK,
    bosatta: Niva.FATAL,
    folkbokforda: Niva.FATAL,
    utsattaForBrott: Niva.OKAND,
    resor: Niva.OKAND,
    text: RAPPORT,
  },
  {
    miljo: Miljo.OSPECIFICERAD,
    bosatta: Niva.OKAND,
    folkbokforda: Niva.OKAND,
    utsattaForBrott: Niva.NAGRA,
    resor: Niva.FATAL,
    text: RAPPORT,
  },
];

export const NMR = 'norrmalm-gruppering-nmr';
const MEDBORGARGARDE = 'norrmalm-gruppering-medborgargarde';
const SUPPORTRAR = 'norrmalm-gruppering-supportergrupperingar';

export const GRUPPERINGAR = [
  {
    id: NMR,
    namn: 'Nordiska Motståndsrörelsen',
    miljo: Miljo.VIT_MAKT,
    valdsbejakande: true,
    beskrivning:
      'En nazistisk organisation som har genomfört demonstrationer inom stadsdelsområdet.',
    platsIds: [] as string[],
    verksamhetsomrade: 'Inom stadsdelsområdet (demonstrationer).',
  },
  {
    // The document counts it among the groups that "inte definieras som våldsbejakande
    // extremister, men som är antidemokratiska".
    id: MEDBORGARGARDE,
    namn: 'Självutnämnt medborgargarde',
    miljo: Miljo.ANTIDEMOKRATISK,
    valdsbejakande: false,
    beskrivning:
      'En grupp som beskriver sig själva som ett medborgargarde med uppdrag att skydda den ' +
      'svenska kvinnan, med kopplingar till vitmaktmiljöer.',
    platsIds: ['klara', 'sergels-torg'],
    verksamhetsomrade: 'Har patrullerat inom Klaraområdet och runt Sergels torg.',
  },
  {
    id: SUPPORTRAR,
    namn: 'Supportergrupperingar kopplade till huliganism',
    miljo: Miljo.ANTIDEMOKRATISK,
    valdsbejakande: false,
    beskrivning:
      'Supportergrupperingar som kan kopplas till huliganism och våldsyttringar och som rör ' +
      'sig i området vid större fotbollsmatcher.',
    platsIds: [] as string[],
    verksamhetsomrade: 'I området vid större fotbollsmatcher.',
  },
];

interface SeedHandelse {
  id: string;
  /** A day ('2010-12-11') or, when the source gives none, the period it names. */
  datum?: string;
  period?: string;
  typ: HandelseTyp;
  rubrik: string;
  beskrivning: string;
  /** Place names as förvaltning's register spells them, so platsId() gives its ids. */
  platser: string[];
  platsbeskrivning?: string;
  miljo: Miljo;
  vald: boolean | null;
  grupperingId?: string;
}

const ALLMANNA_PLATSER = 'Allmänna platser inom stadsdelsområdet (anges inte närmare i källan).';

/**
 * The events the plan names. An event's environment is OSPECIFICERAD where the document
 * does not name one: the January 2016 attack was preceded by racist flyers and the 2010
 * bomber was "beskriven som radikaliserad", but the plan attributes neither to an
 * environment, so neither does the seed. `vald` is null where the document does not say
 * whether there was violence ("bråk, oroligheter och skadegörelse" is not said to be violence).
 */
export const HANDELSER: SeedHandelse[] = [
  {
    id: 'norrmalm-2016-demonstrationer',
    period: '2016',
    typ: HandelseTyp.DEMONSTRATION,
    rubrik: 'Tillståndsgivna demonstrationer under 2016',
    beskrivning:
      'Den mest uppenbara förekomsten av våldsbejakande extremism i stadsdelsområdet är ' +
      'manifestationer av vitmakt-relaterade eller autonoma grupper i det offentliga rummet. ' +
      'Under 2016 har ett antal tillståndsgivna demonstrationer, respektive ' +
      'motdemonstrationer, genomförts inom stadsdelsområdet.',
    platser: [],
    platsbeskrivning: ALLMANNA_PLATSER,
    miljo: Miljo.OSPECIFICERAD,
    vald: null,
  },
  {
    id: 'norrmalm-2016-motdemonstrationer',
    period: '2016',
    typ: HandelseTyp.MOTDEMONSTRATION,
    rubrik: 'Tillståndsgivna motdemonstrationer under 2016',
    beskrivning:
      'Under 2016 har ett antal tillståndsgivna motdemonstrationer genomförts inom stadsdelsområdet.',
    platser: [],
    platsbeskrivning: ALLMANNA_PLATSER,
    miljo: Miljo.OSPECIFICERAD,
    vald: null,
  },
  {
    id: 'norrmalm-2016-oroligheter',
    period: '2016',
    typ: HandelseTyp.ORO,
    rubrik: 'Bråk, oroligheter och skadegörelse i samband med demonstrationer 2016',
    beskrivning:
      'I samband med demonstrationerna och motdemonstrationerna har bråk, oroligheter och ' +
      'skadegörelse ägt rum inom det geografiska området.',
    platser: [],
    platsbeskrivning: ALLMANNA_PLATSER,
    miljo: Miljo.OSPECIFICERAD,
    vald: null,
  },
  {
    id: 'norrmalm-2016-11-nmr-demonstration',
    period: '2016-11',
    typ: HandelseTyp.DEMONSTRATION,
    rubrik: 'Nordiska Motståndsrörelsens demonstration i november 2016',
    beskrivning:
      'Demonstrationen i november 2016 ledde till att en motdemonstration anordnades, med ' +
      'oroligheter och våld som följd.',
    platser: [],
    platsbeskrivning: 'Inom stadsdelsområdet (platsen anges inte i källan).',
    miljo: Miljo.VIT_MAKT,
    vald: true,
    grupperingId: NMR,
  },
  {
    id: 'norrmalm-2016-11-motdemonstration',
    period: '2016-11',
    typ: HandelseTyp.MOTDEMONSTRATION,
    rubrik: 'Motdemonstration mot Nordiska Motståndsrörelsen i november 2016',
    beskrivning:
      'En motdemonstration anordnades mot Nordiska Motståndsrörelsens demonstration, med ' +
      'oroligheter och våld som följd. Arrangören anges inte i källan.',
    platser: [],
    platsbeskrivning: 'Inom stadsdelsområdet (platsen anges inte i källan).',
    miljo: Miljo.OSPECIFICERAD,
    vald: true,
  },
  {
    id: 'norrmalm-2016-01-attack-centralen-sergels-torg',
    period: '2016-01',
    typ: HandelseTyp.ATTACK,
    rubrik: 'Koordinerad våldsam attack vid Centralstationen och Sergels torg',
    beskrivning:
      'I slutet av januari 2016 genomfördes en koordinerad våldsam attack i området runt ' +
      'Centralstationen och Sergels torg. Attacken var sannolikt riktad mot personer som såg ' +
      'ut att ha utländsk bakgrund och utfördes av en grupp maskerade individer. Innan attacken ' +
      'delades flygblad med rasistisk propaganda ut.',
    platser: ['Centralstationen', 'Sergels torg'],
    miljo: Miljo.OSPECIFICERAD,
    vald: true,
  },
  {
    id: 'norrmalm-2010-12-11-bombdad',
    datum: '2010-12-11',
    typ: HandelseTyp.TERRORDAD,
    rubrik: 'Bombdåd på Olof Palmes gata och Bryggargatan',
    beskrivning:
      'Bombdåd på Olof Palmes gata respektive Bryggargatan, nära Drottninggatan, mitt i ' +
      'julhandeln när tusentals människor befann sig i närheten. En person hittades död efter ' +
      'explosionerna. Dådet utreddes av polisen som försök till terrorism och gärningsmannen ' +
      'beskrevs av åklagare som radikaliserad.',
    platser: ['Olof Palmes gata', 'Bryggargatan'],
    miljo: Miljo.OSPECIFICERAD,
    vald: true,
  },
  {
    id: 'norrmalm-2017-04-07-lastbilsattack',
    datum: '2017-04-07',
    typ: HandelseTyp.TERRORDAD,
    rubrik: 'Lastbil körde in i en folksamling på Drottninggatan',
    beskrivning:
      'På eftermiddagen den 7 april 2017 körde en lastbil in i en folksamling på ' +
      'Drottninggatan i centrala Stockholm. Fem personer avled och många skadades, varav ' +
      'flera svårt. En person gripen för dådet häktades på sannolika skäl misstänkt för ' +
      'terroristbrott genom mord.',
    platser: ['Drottninggatan'],
    miljo: Miljo.OSPECIFICERAD,
    vald: true,
  },
];

/** In the document's general terms only; stored SKYDDAD all the same. */
export const MALTAVLOR = [
  {
    id: 'norrmalm-maltavla-maktcentra-infrastruktur',
    namn: 'Maktcentra och infrastruktur i centrala Stockholm',
    beskrivning:
      'Inom stadsdelsområdet ligger ett stort antal objekt som kan vara potentiella måltavlor. ' +
      'Centrala Stockholm utgör en strategisk plats både avseende maktcentra och infrastruktur ' +
      'för såväl staden, länet och Sverige i sin helhet.',
    plats: null,
  },
  {
    id: 'norrmalm-maltavla-drottninggatan',
    namn: 'Drottninggatan',
    beskrivning: 'Ett folktätt shopping- och turiststråk.',
    plats: 'Drottninggatan',
  },
];
