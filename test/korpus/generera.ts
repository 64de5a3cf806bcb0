/**
 * The bad-input corpus (issue 15): every channel that writes — GraphQL mutations through the
 * gateway, Open311 POST, each subgraph's CSV import command, the police's JSON feed import and
 * the authenticated HTTP import — fed the classes of input that must be refused, each case with
 * the Swedish substring its refusal must contain (the shared wording table of the issue).
 *
 * `pnpm exec tsx test/korpus/generera.ts` writes `fall.generated.json` beside this file; the corpus test
 * reads that file and checks that it is what this generator makes, so the committed cases and
 * the generator never drift apart. Values that depend on today (the next half-year, tomorrow)
 * are placeholders (`{{NASTA_HALVAR}}`) the test fills in when it runs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Klass =
  | 'personnummer'
  | 'omrade'
  | 'period'
  | 'framtid'
  | 'klassning'
  | 'kontrolltecken'
  | 'for-lang'
  | 'utf8';

/** The substring of the Swedish refusal, per class (the shared wording table). */
export const FORVANTAT: Record<Klass, string> = {
  personnummer: 'personnummer',
  omrade: 'Okänt område',
  period: 'har inte börjat',
  framtid: 'framtiden',
  klassning: 'högre klassning än din behörighet',
  kontrolltecken: 'kontrolltecken',
  'for-lang': 'för lång',
  utf8: 'UTF-8',
};

export type Subgraf = 'forvaltning' | 'polis' | 'skolor' | 'klotter' | 'publicering';
export type CsvSubgraf = 'forvaltning' | 'polis' | 'skolor' | 'klotter';

interface Bas {
  id: string;
  klass: Klass;
  forvantat: string;
  /** The subgraph whose data the case tries to write. */
  subgraf: Subgraf;
}

/** One mutation through the gateway, with a token of a role allowed to call it. */
export interface GraphqlFall extends Bas {
  kanal: 'graphql';
  operation: string;
  roll: string;
  skola?: string;
  variabler: Record<string, unknown>;
}

/** One POST to klotter's /open311/v2/requests.json (one record, or a raw body). */
export interface Open311Fall extends Bas {
  kanal: 'open311';
  roll: string;
  omrade?: string;
  post?: Record<string, unknown>;
  /** A body sent as these bytes (hex) instead of the record's JSON. */
  raByte?: string;
}

/** One row of a CSV file given to the subgraph's import command; rows of a class share a file. */
export interface CsvRadFall extends Bas {
  kanal: 'csv';
  subgraf: CsvSubgraf;
  rad: Record<string, string>;
}

/** A whole CSV file the import command must refuse (wrong area, not UTF-8). */
export interface CsvFilFall extends Bas {
  kanal: 'csv-fil';
  subgraf: CsvSubgraf;
  omrade?: string;
  kodning: 'utf8' | 'latin1';
  rad: Record<string, string>;
}

/** One item of the police's events feed, in a file of such items given to import:handelser. */
export interface PolisJsonFall extends Bas {
  kanal: 'polis-json';
  post: Record<string, unknown>;
}

/** A whole feed file the police's JSON import must refuse. */
export interface PolisJsonFilFall extends Bas {
  kanal: 'polis-json-fil';
  omrade?: string;
  kodning: 'utf8' | 'latin1';
  post: Record<string, unknown>;
}

/** One upload to a subgraph's `POST /import/<slag>` with the partner's token. */
export interface HttpImportFall extends Bas {
  kanal: 'http-import';
  slag: 'incidenter' | 'handelser' | 'svar' | 'klotter';
  format: 'csv' | 'json';
  roll: string;
  skola?: string;
  omrade?: string;
  kodning: 'utf8' | 'latin1';
  /** A CSV row (format csv) or a feed item (format json). */
  rad: Record<string, unknown>;
}

export type Fall =
  | GraphqlFall
  | Open311Fall
  | CsvRadFall
  | CsvFilFall
  | PolisJsonFall
  | PolisJsonFilFall
  | HttpImportFall;

/** The operations the GraphQL cases call: the document and the subgraph that owns it. */
export const OPERATIONER: Record<string, { subgraf: Subgraf; dokument: string }> = {
  registreraIncident: {
    subgraf: 'forvaltning',
    dokument:
      'mutation ($input: RegistreraIncidentInput!) { registreraIncident(input: $input) { id } }',
  },
  registreraPlats: {
    subgraf: 'forvaltning',
    dokument: 'mutation ($input: RegistreraPlatsInput!) { registreraPlats(input: $input) { id } }',
  },
  uppdateraAtgardStatus: {
    subgraf: 'forvaltning',
    dokument:
      'mutation ($input: UppdateraAtgardStatusInput!) { uppdateraAtgardStatus(input: $input) { id } }',
  },
  registreraOmrade: {
    subgraf: 'forvaltning',
    dokument:
      'mutation ($input: RegistreraOmradeInput!) { registreraOmrade(input: $input) { id } }',
  },
  registreraHandelse: {
    subgraf: 'polis',
    dokument:
      'mutation ($input: RegistreraHandelseInput!) { registreraHandelse(input: $input) { id } }',
  },
  publiceraBedomning: {
    subgraf: 'polis',
    dokument:
      'mutation ($input: PubliceraBedomningInput!) { publiceraBedomning(input: $input) { id } }',
  },
  skapaEnkat: {
    subgraf: 'skolor',
    dokument: 'mutation ($input: SkapaEnkatInput!) { skapaEnkat(input: $input) { id } }',
  },
  laggTillFraga: {
    subgraf: 'skolor',
    dokument: 'mutation ($input: LaggTillFragaInput!) { laggTillFraga(input: $input) { id } }',
  },
  registreraSkola: {
    subgraf: 'skolor',
    dokument: 'mutation ($input: RegistreraSkolaInput!) { registreraSkola(input: $input) { id } }',
  },
  lamnaSvar: {
    subgraf: 'skolor',
    dokument: 'mutation ($input: LamnaSvarInput!) { lamnaSvar(input: $input) { id } }',
  },
  registreraKlotteranmalan: {
    subgraf: 'klotter',
    dokument:
      'mutation ($input: RegistreraKlotteranmalanInput!) { registreraKlotteranmalan(input: $input) { id } }',
  },
  registreraKlottertider: {
    subgraf: 'klotter',
    dokument:
      'mutation ($input: RegistreraKlottertiderInput!) { registreraKlottertider(input: $input) { id } }',
  },
  intygaNollrapport: {
    subgraf: 'klotter',
    dokument:
      'mutation ($input: IntygaNollrapportInput!) { intygaNollrapport(input: $input) { rapportor } }',
  },
  skapaPubliceringsutkast: {
    subgraf: 'publicering',
    dokument:
      'mutation ($omrade: String!, $period: Period!) { skapaPubliceringsutkast(omrade: $omrade, period: $period) { id } }',
  },
  bekraftaAvsnitt: {
    subgraf: 'publicering',
    dokument:
      'mutation ($id: ID!, $partner: String!, $kommentar: String) { bekraftaAvsnitt(id: $id, partner: $partner, kommentar: $kommentar) { id } }',
  },
  rattaPublicering: {
    subgraf: 'publicering',
    dokument:
      'mutation ($id: ID!, $orsak: String!) { rattaPublicering(id: $id, orsak: $orsak) { id } }',
  },
  faststallPublicering: {
    subgraf: 'publicering',
    dokument:
      'mutation ($id: ID!, $motesdatum: String!, $mote: String) { faststallPublicering(id: $id, motesdatum: $motesdatum, mote: $mote) { id } }',
  },
};

/**
 * Personnummer and samordningsnummer as people and word processors write them. 121212-1212
 * and 701063-2391 (a samordningsnummer: day 03 + 60) pass the Luhn check; neither is a real
 * person's (the tax agency's test numbers use the same pattern).
 */
export const PERSONNUMMER: readonly { namn: string; text: string }[] = [
  { namn: 'bindestreck', text: '121212-1212' },
  { namn: 'tankstreck', text: '121212\u20131212' },
  { namn: 'langt-tankstreck', text: '121212\u20141212' },
  { namn: 'minustecken', text: '121212\u22121212' },
  { namn: 'hart-bindestreck', text: '121212\u20111212' },
  { namn: 'sifferstreck', text: '121212\u20121212' },
  { namn: 'mellanslag-kring-streck', text: '121212 - 1212' },
  {
    namn: 'helbreda-siffror',
    text: '\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12-\uFF11\uFF12\uFF11\uFF12',
  },
  { namn: 'tolv-siffror', text: '19121212-1212' },
  { namn: 'tolv-siffror-utan-streck', text: '191212121212' },
  { namn: 'plustecken', text: '121212+1212' },
  { namn: 'samordningsnummer', text: '701063-2391' },
  { namn: 'samordningsnummer-tankstreck', text: '701063 \u2013 2391' },
  { namn: 'mjukt-bindestreck-inuti', text: '1212\u00AD12-1212' },
];

/** A few of them, where a field is one of several in the same input. */
const NAGRA_PNR = PERSONNUMMER.filter((p) =>
  ['tankstreck', 'helbreda-siffror', 'samordningsnummer', 'hart-bindestreck'].includes(p.namn),
);

/** Text that carries the number inside a sentence, as it would arrive. */
const medPnr = (pnr: string) => `Uppgift från 1 person: ${pnr} hörde av sig.`;

/** Area ids no register has: made up, SQL-looking, empty and blank. */
export const OKANDA_OMRADEN: readonly { namn: string; id: string }[] = [
  { namn: 'finns-inte', id: 'finns-inte' },
  { namn: 'sql', id: "x' OR 1=1--" },
  { namn: 'tom', id: '' },
  { namn: 'blanksteg', id: '   ' },
  { namn: 'pafund', id: 'atlantis' },
  { namn: 'sokvag', id: '../norrmalm' },
];

/** For a whole file (a command's --omrade, an upload's ?omrade=): one run each, so fewer. */
const FIL_OMRADEN = OKANDA_OMRADEN.filter((o) => ['finns-inte', 'sql', 'sokvag'].includes(o.namn));

/** Periods that have not begun: relative to today (placeholders) and fixed ones far ahead. */
export const EJ_PABORJADE: readonly { namn: string; period: string; slag: string }[] = [
  { namn: 'nasta-halvar', period: '{{NASTA_HALVAR}}', slag: 'halvar' },
  { namn: '2031-H1', period: '2031-H1', slag: 'halvar' },
  { namn: 'nasta-ar', period: '{{NASTA_AR}}', slag: 'ar' },
  { namn: '2030', period: '2030', slag: 'ar' },
  { namn: 'nasta-manad', period: '{{NASTA_MANAD}}', slag: 'kort' },
  { namn: 'nasta-iso-vecka', period: '{{NASTA_VECKA}}', slag: 'kort' },
  { namn: '2030-Q1', period: '2030-Q1', slag: 'kort' },
  { namn: '2030-T2', period: '2030-T2', slag: 'kort' },
];

/** Dates after today. */
export const FRAMTIDA_DATUM: readonly { namn: string; datum: string }[] = [
  { namn: 'imorgon', datum: '{{IMORGON}}' },
  { namn: '2031-01-01', datum: '2031-01-01' },
  { namn: '2099-12-31', datum: '2099-12-31' },
];

/** Control characters that have no business in a text: NUL, bell, backspace, VT, ESC, DEL. */
export const KONTROLLTECKEN: readonly { namn: string; tecken: string }[] = [
  { namn: 'nul', tecken: '\u0000' },
  { namn: 'bell', tecken: '\u0007' },
  { namn: 'backsteg', tecken: '\u0008' },
  { namn: 'vt', tecken: '\u000B' },
  { namn: 'esc', tecken: '\u001B' },
  { namn: 'del', tecken: '\u007F' },
];
const medKontroll = (t: string) => `Klotter vid entrén${t}och på muren.`;

/**
 * Longer than any field's maximum (the largest is 4000), and the police feed's 1 MB name (the
 * issue saw one silently truncated): placeholders, so the committed file stays small.
 */
const LANG_TEXT = '{{TEXT_5000}}';
const MEGABYTE_TEXT = '{{TEXT_1MB}}';

/** Valid inputs; a case changes one field to a bad value. */
const BAS = {
  registreraIncident: {
    omradeId: 'norrmalm',
    datum: '2016-09-02',
    plats: 'Fridhemsplan',
    miljo: 'VIT_MAKT',
    typ: 'PROPAGANDA',
    beskrivning: 'Klistermärken med budskap vid tunnelbanan.',
  },
  registreraPlats: {
    omradeId: 'norrmalm',
    namn: 'Korpusplatsen',
    adress: 'Korpusgatan 1',
    beskrivning: 'En plats som bara testet känner.',
  },
  uppdateraAtgardStatus: {
    atgardId: '{{ATGARD_ID}}',
    status: 'PAGAR',
    kommentar: 'Arbetet har kommit i gång.',
  },
  // One of Stockholm's areas that the seed has not registered, with the register's name.
  registreraOmrade: {
    id: 'kungsholmen',
    namn: 'Kungsholmen',
    namnd: 'Kungsholmens stadsdelsnämnd',
  },
  registreraHandelse: {
    omradeId: 'norrmalm',
    datum: '2016-10-05',
    typ: 'DEMONSTRATION',
    rubrik: 'Demonstration på torget',
    beskrivning: 'Tillståndsgiven demonstration utan oroligheter.',
    platser: ['Sergels torg'],
    vald: false,
  },
  publiceraBedomning: {
    omradeId: 'norrmalm',
    period: '2016-H2',
    miljo: 'VIT_MAKT',
    bosatta: 'INGA',
    text: 'Polisen har inga uppgifter om att miljön finns i området.',
    publicerad: '2016-12',
  },
  skapaEnkat: { omradeId: 'norrmalm', titel: 'Korpusenkät om iakttagelser', period: '2016' },
  // The open survey the test creates: a question is added only while a survey is open.
  laggTillFraga: {
    enkatId: '{{ENKAT_ID}}',
    text: 'Har ni sett klotter på skolgården?',
    typ: 'JA_NEJ',
  },
  registreraSkola: { omradeId: 'norrmalm', namn: 'Korpusskolan' },
  lamnaSvar: {
    enkatId: 'norrmalm-2016-enkat-skolor',
    skolaId: 'norrmalm-2016-respondent-1',
    svar: [{ fragaId: 'norrmalm-2016-enkat-skolor-fraga-1', ja: true, text: 'Klistermärken.' }],
  },
  registreraKlotteranmalan: {
    rapportor: 'TRAFIKKONTORET',
    rapportorensId: 'TK-KORPUS',
    omradeId: 'norrmalm',
    kategori: 'RASISTISKT',
    miljo: 'VIT_MAKT',
    innehall: 'Hakkors',
    plats: 'Fridhemsplan',
    anmaldTid: '2016-09-03T08:00:00+02:00',
  },
  registreraKlottertider: { id: '{{KLOTTER_TK_ID}}' },
  intygaNollrapport: {
    rapportor: 'TRAFIKKONTORET',
    omradeId: 'norrmalm',
    period: '2014',
    kommentar: 'Inga anmälningar under perioden.',
  },
  skapaPubliceringsutkast: { omrade: 'norrmalm', period: '2016' },
  // A draft the test creates (a section is confirmed in a draft), and the seed's adopted one.
  bekraftaAvsnitt: { id: '{{UTKAST_ID}}', partner: 'forvaltning', kommentar: 'Stämmer.' },
  rattaPublicering: { id: '{{PUBLICERING_ID}}', orsak: 'Rättelse av en siffra.' },
  faststallPublicering: { id: '{{UTKAST_ID}}', motesdatum: '2016-12-14', mote: 'Rådsmöte' },
} satisfies Record<keyof typeof OPERATIONER, Record<string, unknown>>;

type Op = keyof typeof BAS;

/** Who may write each operation (the role the token carries). */
const ROLL: Record<Op, { roll: string; skola?: string }> = {
  registreraIncident: { roll: 'SAMORDNARE' },
  registreraPlats: { roll: 'SAMORDNARE' },
  uppdateraAtgardStatus: { roll: 'SAMORDNARE' },
  registreraOmrade: { roll: 'ADMIN' },
  registreraHandelse: { roll: 'POLIS' },
  publiceraBedomning: { roll: 'POLIS' },
  skapaEnkat: { roll: 'UTBILDNINGSFORVALTNING' },
  laggTillFraga: { roll: 'UTBILDNINGSFORVALTNING' },
  registreraSkola: { roll: 'UTBILDNINGSFORVALTNING' },
  lamnaSvar: { roll: 'SKOLA', skola: 'norrmalm-2016-respondent-1' },
  registreraKlotteranmalan: { roll: 'TRAFIKKONTORET' },
  registreraKlottertider: { roll: 'TRAFIKKONTORET' },
  intygaNollrapport: { roll: 'TRAFIKKONTORET' },
  skapaPubliceringsutkast: { roll: 'SAMORDNARE' },
  bekraftaAvsnitt: { roll: 'SAMORDNARE' },
  rattaPublicering: { roll: 'SAMORDNARE' },
  faststallPublicering: { roll: 'RADET' },
};

/** Operations whose arguments are the variables themselves (no `input` object). */
const UTAN_INPUT = new Set<Op>([
  'skapaPubliceringsutkast',
  'bekraftaAvsnitt',
  'rattaPublicering',
  'faststallPublicering',
]);

/** A text field of an operation: `falt` in its input, or a path like `svar.0.text`. */
type Falt = { op: Op; falt: string };

/** The main free text of each operation: every personnummer variant goes there. */
const HUVUDTEXT: Falt[] = [
  { op: 'registreraIncident', falt: 'beskrivning' },
  { op: 'registreraPlats', falt: 'namn' },
  { op: 'uppdateraAtgardStatus', falt: 'kommentar' },
  { op: 'registreraOmrade', falt: 'namnd' },
  { op: 'registreraHandelse', falt: 'beskrivning' },
  { op: 'publiceraBedomning', falt: 'text' },
  { op: 'skapaEnkat', falt: 'titel' },
  { op: 'laggTillFraga', falt: 'text' },
  { op: 'registreraSkola', falt: 'namn' },
  { op: 'lamnaSvar', falt: 'svar.0.text' },
  { op: 'registreraKlotteranmalan', falt: 'innehall' },
  { op: 'intygaNollrapport', falt: 'kommentar' },
  { op: 'bekraftaAvsnitt', falt: 'kommentar' },
  { op: 'rattaPublicering', falt: 'orsak' },
];

/** The other free texts: a few variants each. */
const OVRIG_TEXT: Falt[] = [
  { op: 'registreraIncident', falt: 'plats' },
  { op: 'registreraPlats', falt: 'adress' },
  { op: 'registreraPlats', falt: 'beskrivning' },
  { op: 'uppdateraAtgardStatus', falt: 'statusText' },
  { op: 'registreraHandelse', falt: 'rubrik' },
  { op: 'registreraHandelse', falt: 'platser.0' },
  { op: 'registreraHandelse', falt: 'platsbeskrivning' },
  { op: 'publiceraBedomning', falt: 'utgivare' },
  { op: 'skapaEnkat', falt: 'fragor.0.text' },
  { op: 'registreraKlotteranmalan', falt: 'beskrivning' },
  { op: 'registreraKlotteranmalan', falt: 'plats' },
  { op: 'registreraKlotteranmalan', falt: 'anteckningar' },
  { op: 'registreraKlotteranmalan', falt: 'rapportorensId' },
  { op: 'faststallPublicering', falt: 'mote' },
  { op: 'registreraOmrade', falt: 'kommun' },
  { op: 'skapaEnkat', falt: 'fragor.0.alternativ.1' },
  { op: 'laggTillFraga', falt: 'alternativ.1' },
];

/** Free texts given control characters and too-long text (one main field per operation). */
const KONTROLL_FALT: Falt[] = [
  { op: 'registreraIncident', falt: 'beskrivning' },
  { op: 'registreraHandelse', falt: 'beskrivning' },
  { op: 'publiceraBedomning', falt: 'text' },
  { op: 'skapaEnkat', falt: 'titel' },
  { op: 'registreraKlotteranmalan', falt: 'innehall' },
  { op: 'bekraftaAvsnitt', falt: 'kommentar' },
];

/** Sets a (dotted) path in a deep copy; `undefined` removes the key. */
function satt(objekt: Record<string, unknown>, sokvag: string, varde: unknown) {
  const kopia = structuredClone(objekt) as Record<string, unknown>;
  const delar = sokvag.split('.');
  let nod: Record<string, unknown> | unknown[] = kopia;
  for (const del of delar.slice(0, -1)) {
    const nasta = (nod as Record<string, unknown>)[del];
    nod = nasta as Record<string, unknown>;
  }
  const sista = delar.at(-1) as string;
  if (varde === undefined) delete (nod as Record<string, unknown>)[sista];
  else (nod as Record<string, unknown>)[sista] = varde;
  return kopia;
}

export function genereraKorpus(): Fall[] {
  const fall: Fall[] = [];
  let lopnummer = 0;

  // ---- GraphQL mutations through the gateway ----
  const gql = (
    klass: Klass,
    op: Op,
    namn: string,
    andringar: Record<string, unknown>,
    roll = ROLL[op],
  ) => {
    lopnummer += 1;
    let input: Record<string, unknown> = BAS[op];
    // Each klotter report its own id, so a wrongly accepted one never hides the next.
    if (op === 'registreraKlotteranmalan') {
      input = satt(input, 'rapportorensId', `TK-KORPUS-${lopnummer}`);
    }
    for (const [falt, varde] of Object.entries(andringar)) input = satt(input, falt, varde);
    fall.push({
      id: `graphql/${op}/${klass}/${namn}`,
      kanal: 'graphql',
      klass,
      forvantat: FORVANTAT[klass],
      subgraf: OPERATIONER[op]?.subgraf as Subgraf,
      operation: op,
      roll: roll.roll,
      ...(roll.skola ? { skola: roll.skola } : {}),
      variabler: UTAN_INPUT.has(op) ? input : { input },
    });
  };
  const medFalt = (op: Op, falt: string) => {
    // A field inside a list needs the list's other values: skapaEnkat's first question.
    if (op === 'skapaEnkat' && falt === 'fragor.0.text') {
      return (v: unknown) => ({ fragor: [{ text: v, typ: 'JA_NEJ' }] });
    }
    // A multiple-choice question's second alternative.
    if (op === 'skapaEnkat' && falt === 'fragor.0.alternativ.1') {
      return (v: unknown) => ({
        fragor: [{ text: 'Vad har ni sett?', typ: 'FLERVAL', alternativ: ['Klotter', v] }],
      });
    }
    if (op === 'laggTillFraga' && falt === 'alternativ.1') {
      return (v: unknown) => ({ typ: 'FLERVAL', alternativ: ['Klotter', v] });
    }
    return (v: unknown) => ({ [falt]: v });
  };

  for (const { op, falt } of HUVUDTEXT) {
    for (const p of PERSONNUMMER) {
      gql('personnummer', op, `${falt}/${p.namn}`, medFalt(op, falt)(medPnr(p.text)));
    }
  }
  for (const { op, falt } of OVRIG_TEXT) {
    for (const p of NAGRA_PNR) {
      // rapportorensId holds at most 100 characters and is an id: the bare number.
      const text = falt === 'rapportorensId' ? `TK ${p.text}` : medPnr(p.text);
      gql('personnummer', op, `${falt}/${p.namn}`, medFalt(op, falt)(text));
    }
  }

  const medOmrade: [Op, string][] = [
    ['registreraIncident', 'omradeId'],
    ['registreraPlats', 'omradeId'],
    ['registreraHandelse', 'omradeId'],
    ['publiceraBedomning', 'omradeId'],
    ['skapaEnkat', 'omradeId'],
    ['registreraSkola', 'omradeId'],
    ['registreraKlotteranmalan', 'omradeId'],
    ['intygaNollrapport', 'omradeId'],
    ['skapaPubliceringsutkast', 'omrade'],
  ];
  for (const [op, falt] of medOmrade) {
    for (const o of OKANDA_OMRADEN) gql('omrade', op, `${falt}/${o.namn}`, { [falt]: o.id });
  }
  // Only Stockholm's areas are registered (ids of the right shape; others are malformed ids).
  for (const o of OKANDA_OMRADEN.filter((x) => /^[a-z-]+$/.test(x.id))) {
    gql('omrade', 'registreraOmrade', `id/${o.namn}`, { id: o.id, namn: 'Påhittat område' });
  }

  for (const p of EJ_PABORJADE) {
    gql('period', 'registreraIncident', p.namn, { datum: undefined, period: p.period });
    gql('period', 'registreraHandelse', p.namn, { datum: undefined, period: p.period });
    gql('period', 'registreraKlotteranmalan', p.namn, {
      anmaldTid: undefined,
      period: p.period,
    });
    gql('period', 'intygaNollrapport', p.namn, { period: p.period });
    gql('period', 'skapaEnkat', p.namn, { period: p.period });
    // The police assess half-years; the council adopts years and half-years.
    if (p.slag === 'halvar') gql('period', 'publiceraBedomning', p.namn, { period: p.period });
    if (p.slag !== 'kort') gql('period', 'skapaPubliceringsutkast', p.namn, { period: p.period });
  }

  for (const d of FRAMTIDA_DATUM) {
    gql('framtid', 'registreraIncident', `datum/${d.namn}`, { datum: d.datum });
    gql('framtid', 'registreraHandelse', `datum/${d.namn}`, { datum: d.datum });
    gql('framtid', 'publiceraBedomning', `publicerad/${d.namn}`, {
      period: '2016-H2',
      publicerad: d.datum,
    });
    gql('framtid', 'registreraKlotteranmalan', `anmaldTid/${d.namn}`, {
      anmaldTid: `${d.datum}T12:00:00+01:00`,
    });
    gql('framtid', 'registreraKlottertider', `avropTid/${d.namn}`, {
      avropTid: `${d.datum}T12:00:00+01:00`,
    });
    gql('framtid', 'faststallPublicering', `motesdatum/${d.namn}`, { motesdatum: d.datum });
  }

  // SAMORDNARE is cleared for BEGRANSAD: SKYDDAD is above it, whatever the record.
  const skyddade: [string, Record<string, unknown>][] = [
    ['datum', { klassning: 'SKYDDAD' }],
    ['period', { klassning: 'SKYDDAD', datum: undefined, period: '2016-H2' }],
    ['hot', { klassning: 'SKYDDAD', typ: 'HOT', miljo: 'AUTONOMA' }],
    ['utan-plats', { klassning: 'SKYDDAD', plats: undefined }],
    ['annat-system', { klassning: 'SKYDDAD', system: 'IA' }],
  ];
  for (const [namn, andring] of skyddade) gql('klassning', 'registreraIncident', namn, andring);

  for (const { op, falt } of KONTROLL_FALT) {
    for (const k of KONTROLLTECKEN) {
      gql('kontrolltecken', op, `${falt}/${k.namn}`, medFalt(op, falt)(medKontroll(k.tecken)));
    }
    gql('for-lang', op, `${falt}/5000-tecken`, medFalt(op, falt)(LANG_TEXT));
  }
  for (const { op, falt } of OVRIG_TEXT.slice(0, 8)) {
    gql('for-lang', op, `${falt}/5000-tecken`, medFalt(op, falt)(LANG_TEXT));
  }

  // ---- Open311 POST ----
  const OPEN311_POST = {
    service_request_id: 'TK-311-KORPUS',
    status: 'open',
    status_notes: null,
    service_name: 'Stötande klotter',
    service_code: 'klotter-stotande',
    description: 'Stötande text på en mur',
    agency_responsible: 'Trafikkontoret',
    requested_datetime: '2017-01-10T11:00:00+01:00',
    updated_datetime: '2017-01-10T11:00:00+01:00',
    expected_datetime: '2017-01-11T11:00:00+01:00',
    address: 'Rörstrandsgatan 1',
    lat: null,
    long: null,
    extended_attributes: { environment: 'OSPECIFICERAD' },
  };
  const open311 = (
    klass: Klass,
    namn: string,
    andringar: Record<string, unknown>,
    extra: Partial<Open311Fall> = {},
  ) => {
    lopnummer += 1;
    let post: Record<string, unknown> = satt(
      OPEN311_POST,
      'service_request_id',
      `TK-311-KORPUS-${lopnummer}`,
    );
    for (const [falt, varde] of Object.entries(andringar)) post = satt(post, falt, varde);
    fall.push({
      id: `open311/${klass}/${namn}`,
      kanal: 'open311',
      klass,
      forvantat: FORVANTAT[klass],
      subgraf: 'klotter',
      roll: 'TRAFIKKONTORET',
      post,
      ...extra,
    });
  };
  for (const p of PERSONNUMMER) {
    open311('personnummer', `description/${p.namn}`, { description: medPnr(p.text) });
  }
  for (const p of NAGRA_PNR) {
    open311('personnummer', `address/${p.namn}`, { address: `Gatan 1, ${p.text}` });
    open311('personnummer', `status_notes/${p.namn}`, { status_notes: medPnr(p.text) });
  }
  for (const o of OKANDA_OMRADEN) open311('omrade', `omrade/${o.namn}`, {}, { omrade: o.id });
  for (const d of FRAMTIDA_DATUM) {
    open311('framtid', `requested_datetime/${d.namn}`, {
      requested_datetime: `${d.datum}T12:00:00+01:00`,
      updated_datetime: `${d.datum}T12:00:00+01:00`,
      expected_datetime: `${d.datum}T13:00:00+01:00`,
    });
  }
  for (const k of KONTROLLTECKEN) {
    open311('kontrolltecken', `description/${k.namn}`, { description: medKontroll(k.tecken) });
  }
  open311('for-lang', 'description/5000-tecken', { description: LANG_TEXT });
  open311('for-lang', 'address/5000-tecken', { address: LANG_TEXT });
  {
    // The record's JSON with "Stötande" in Latin-1: ö as the single byte F6.
    const json = JSON.stringify([{ ...OPEN311_POST, service_request_id: 'TK-311-KORPUS-L1' }]);
    open311('utf8', 'latin1-kropp', {}, { raByte: Buffer.from(json, 'latin1').toString('hex') });
  }

  // ---- CSV import commands: one file per subgraph and class ----
  const csvBas: Record<CsvSubgraf, Record<string, string>> = {
    forvaltning: {
      id: 'KORPUS',
      datum: '2016-09-02',
      period: '',
      plats: 'Fridhemsplan',
      miljo: 'Vit makt',
      typ: 'Propaganda',
      beskrivning: 'Klistermärken med budskap vid tunnelbanan.',
      system: 'IA',
      klassning: '',
    },
    polis: {
      id: 'KORPUS',
      datum: '2016-10-05',
      period: '',
      typ: 'Demonstration',
      rubrik: 'Demonstration på torget',
      beskrivning: 'Tillståndsgiven demonstration utan oroligheter.',
      platser: 'Sergels torg',
      platsbeskrivning: '',
      miljo: 'VIT_MAKT',
      vald: 'nej',
      gruppering_id: '',
    },
    // An open survey the test creates, with a yes/no question per row of a file.
    skolor: {
      skola: 'norrmalm-2016-respondent-1',
      enkat: '{{ENKAT_ID}}',
      fraga: '1',
      svar: 'ja',
      text: 'Klistermärken vid entrén.',
    },
    klotter: {
      rapportor: 'Trafikkontoret',
      rapportorens_id: 'KORPUS',
      kategori: 'Rasistiskt',
      miljo: 'Vit makt',
      innehall: 'Hakkors',
      beskrivning: '',
      plats: 'Fridhemsplan',
      anmald_tid: '2016-09-03T08:00:00+02:00',
      period: '',
      avrop_tid: '',
      pa_plats_tid: '',
      borttagen_tid: '',
      polisanmald: 'nej',
    },
  };
  /**
   * The column that keys a row: unique per case, so a wrongly imported row stands alone.
   * Skolor's key is school, survey and question: the test numbers the questions per file.
   */
  const nyckel: Record<CsvSubgraf, string | null> = {
    forvaltning: 'id',
    polis: 'id',
    skolor: null,
    klotter: 'rapportorens_id',
  };
  const csvRad = (subgraf: CsvSubgraf, andringar: Record<string, string>) => {
    lopnummer += 1;
    const kolumn = nyckel[subgraf];
    return {
      ...csvBas[subgraf],
      ...(kolumn ? { [kolumn]: `${csvBas[subgraf][kolumn]}-${lopnummer}` } : {}),
      ...andringar,
    };
  };
  const csv = (subgraf: CsvSubgraf, klass: Klass, namn: string, a: Record<string, string>) =>
    fall.push({
      id: `csv/${subgraf}/${klass}/${namn}`,
      kanal: 'csv',
      klass,
      forvantat: FORVANTAT[klass],
      subgraf,
      rad: csvRad(subgraf, a),
    });
  const csvText: Record<CsvSubgraf, string[]> = {
    forvaltning: ['beskrivning', 'plats'],
    polis: ['beskrivning', 'rubrik', 'platsbeskrivning'],
    skolor: ['text'],
    klotter: ['innehall', 'beskrivning', 'plats'],
  };
  for (const subgraf of Object.keys(csvBas) as CsvSubgraf[]) {
    const [huvud, ...ovriga] = csvText[subgraf] as [string, ...string[]];
    for (const p of PERSONNUMMER)
      csv(subgraf, 'personnummer', `${huvud}/${p.namn}`, { [huvud]: medPnr(p.text) });
    for (const falt of ovriga) {
      for (const p of NAGRA_PNR)
        csv(subgraf, 'personnummer', `${falt}/${p.namn}`, { [falt]: medPnr(p.text) });
    }
    for (const k of KONTROLLTECKEN) {
      csv(subgraf, 'kontrolltecken', `${huvud}/${k.namn}`, { [huvud]: medKontroll(k.tecken) });
    }
    csv(subgraf, 'for-lang', `${huvud}/5000-tecken`, { [huvud]: LANG_TEXT });
    for (const falt of ovriga)
      csv(subgraf, 'for-lang', `${falt}/5000-tecken`, { [falt]: LANG_TEXT });
    // Skolor's rows carry no period or date of their own (the survey has them).
    if (subgraf !== 'skolor') {
      const tid = subgraf === 'klotter' ? 'anmald_tid' : 'datum';
      for (const p of EJ_PABORJADE) csv(subgraf, 'period', p.namn, { [tid]: '', period: p.period });
      for (const d of FRAMTIDA_DATUM) {
        csv(subgraf, 'framtid', `${tid}/${d.namn}`, {
          [tid]: subgraf === 'klotter' ? `${d.datum}T12:00:00+01:00` : d.datum,
        });
      }
    }
    for (const o of FIL_OMRADEN) {
      lopnummer += 1;
      fall.push({
        id: `csv-fil/${subgraf}/omrade/${o.namn}`,
        kanal: 'csv-fil',
        klass: 'omrade',
        forvantat: FORVANTAT.omrade,
        subgraf,
        omrade: o.id,
        kodning: 'utf8',
        rad: csvRad(subgraf, {}),
      });
    }
    fall.push({
      id: `csv-fil/${subgraf}/utf8/latin1`,
      kanal: 'csv-fil',
      klass: 'utf8',
      forvantat: FORVANTAT.utf8,
      subgraf,
      kodning: 'latin1',
      // å ä ö in the text: in Latin-1, bytes that are not UTF-8.
      rad: csvRad(subgraf, { [huvud]: 'Klotter på väggen vid skolgården, åtta tecken, öster.' }),
    });
  }

  // ---- The police's JSON feed import ----
  const FEED = {
    id: 0,
    datetime: '2018-03-10 14:30:00 +01:00',
    name: '10 mars 14.30, Ordningslagen, Stockholm (KORPUS)',
    summary: 'Korpusdata för tester, ingen verklig händelse.',
    url: '/korpus/handelser',
    type: 'Ordningslagen',
    location: { name: 'Stockholm', gps: '59.332,18.064' },
  };
  const feedPost = (andringar: Record<string, unknown>) => {
    lopnummer += 1;
    let post: Record<string, unknown> = { ...FEED, id: 970000 + lopnummer };
    for (const [falt, varde] of Object.entries(andringar)) post = satt(post, falt, varde);
    return post;
  };
  const feed = (klass: Klass, namn: string, andringar: Record<string, unknown>) =>
    fall.push({
      id: `polis-json/${klass}/${namn}`,
      kanal: 'polis-json',
      klass,
      forvantat: FORVANTAT[klass],
      subgraf: 'polis',
      post: feedPost(andringar),
    });
  for (const p of PERSONNUMMER)
    feed('personnummer', `summary/${p.namn}`, { summary: medPnr(p.text) });
  for (const p of NAGRA_PNR) feed('personnummer', `name/${p.namn}`, { name: medPnr(p.text) });
  // The feed dates an event by its day: a day that has not begun is a period that has not.
  for (const d of FRAMTIDA_DATUM) {
    feed('period', `datetime/${d.namn}`, { datetime: `${d.datum} 12:00:00 +01:00` });
  }
  for (const k of KONTROLLTECKEN)
    feed('kontrolltecken', `summary/${k.namn}`, { summary: medKontroll(k.tecken) });
  feed('kontrolltecken', 'name/nul', { name: medKontroll('\u0000') });
  feed('for-lang', 'name/1-megabyte', { name: MEGABYTE_TEXT });
  feed('for-lang', 'summary/5000-tecken', { summary: LANG_TEXT });
  for (const o of FIL_OMRADEN.slice(0, 2)) {
    fall.push({
      id: `polis-json-fil/omrade/${o.namn}`,
      kanal: 'polis-json-fil',
      klass: 'omrade',
      forvantat: FORVANTAT.omrade,
      subgraf: 'polis',
      omrade: o.id,
      kodning: 'utf8',
      post: feedPost({}),
    });
  }
  fall.push({
    id: 'polis-json-fil/utf8/latin1',
    kanal: 'polis-json-fil',
    klass: 'utf8',
    forvantat: FORVANTAT.utf8,
    subgraf: 'polis',
    kodning: 'latin1',
    post: feedPost({ summary: 'Bråk på gården, åtta personer, öster om torget.' }),
  });

  // ---- The authenticated HTTP import, POST /import/<slag> ----
  const HTTP: {
    slag: HttpImportFall['slag'];
    subgraf: CsvSubgraf;
    roll: string;
    skola?: string;
  }[] = [
    { slag: 'incidenter', subgraf: 'forvaltning', roll: 'SAMORDNARE' },
    { slag: 'handelser', subgraf: 'polis', roll: 'POLIS' },
    { slag: 'svar', subgraf: 'skolor', roll: 'SKOLA', skola: 'norrmalm-2016-respondent-1' },
    { slag: 'klotter', subgraf: 'klotter', roll: 'TRAFIKKONTORET' },
  ];
  for (const h of HTTP) {
    const huvud = csvText[h.subgraf][0] as string;
    const http = (
      klass: Klass,
      namn: string,
      rad: Record<string, unknown>,
      extra: Partial<HttpImportFall> = {},
    ) =>
      fall.push({
        id: `http-import/${h.slag}/${klass}/${namn}`,
        kanal: 'http-import',
        klass,
        forvantat: FORVANTAT[klass],
        subgraf: h.subgraf,
        slag: h.slag,
        format: 'csv',
        roll: h.roll,
        ...(h.skola ? { skola: h.skola } : {}),
        kodning: 'utf8',
        rad,
        ...extra,
      });
    for (const p of NAGRA_PNR) {
      http('personnummer', `${huvud}/${p.namn}`, csvRad(h.subgraf, { [huvud]: medPnr(p.text) }));
    }
    for (const k of KONTROLLTECKEN.slice(0, 3)) {
      http(
        'kontrolltecken',
        `${huvud}/${k.namn}`,
        csvRad(h.subgraf, { [huvud]: medKontroll(k.tecken) }),
      );
    }
    http('for-lang', `${huvud}/5000-tecken`, csvRad(h.subgraf, { [huvud]: LANG_TEXT }));
    if (h.subgraf !== 'skolor') {
      const tid = h.subgraf === 'klotter' ? 'anmald_tid' : 'datum';
      http('period', '2031-H1', csvRad(h.subgraf, { [tid]: '', period: '2031-H1' }));
      http('period', 'nasta-manad', csvRad(h.subgraf, { [tid]: '', period: '{{NASTA_MANAD}}' }));
      http(
        'framtid',
        `${tid}/2099-12-31`,
        csvRad(h.subgraf, {
          [tid]: h.subgraf === 'klotter' ? '2099-12-31T12:00:00+01:00' : '2099-12-31',
        }),
      );
    }
    for (const o of FIL_OMRADEN.slice(0, 2)) {
      http('omrade', `omrade/${o.namn}`, csvRad(h.subgraf, {}), { omrade: o.id });
    }
    http(
      'utf8',
      'latin1',
      csvRad(h.subgraf, { [huvud]: 'Klotter på väggen vid skolgården, åtta tecken, öster.' }),
      { kodning: 'latin1' },
    );
  }
  // The coordinator's upload of incidents above its clearance.
  for (const namn of ['skyddad-1', 'skyddad-2', 'skyddad-versaler']) {
    fall.push({
      id: `http-import/incidenter/klassning/${namn}`,
      kanal: 'http-import',
      klass: 'klassning',
      forvantat: FORVANTAT.klassning,
      subgraf: 'forvaltning',
      slag: 'incidenter',
      format: 'csv',
      roll: 'SAMORDNARE',
      kodning: 'utf8',
      rad: csvRad('forvaltning', {
        klassning: namn === 'skyddad-versaler' ? 'SKYDDAD' : 'skyddad',
      }),
    });
  }
  // The police feed as JSON to /import/handelser.
  for (const [klass, namn, andring] of [
    ['personnummer', 'summary/tankstreck', { summary: medPnr('121212\u20131212') }],
    [
      'personnummer',
      'summary/helbreda',
      { summary: medPnr('\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12-\uFF11\uFF12\uFF11\uFF12') },
    ],
    ['period', 'datetime/2099', { datetime: '2099-03-10 12:00:00 +01:00' }],
    ['kontrolltecken', 'summary/nul', { summary: medKontroll('\u0000') }],
    ['for-lang', 'name/1-megabyte', { name: MEGABYTE_TEXT }],
  ] as [Klass, string, Record<string, unknown>][]) {
    fall.push({
      id: `http-import/handelser-json/${klass}/${namn}`,
      kanal: 'http-import',
      klass,
      forvantat: FORVANTAT[klass],
      subgraf: 'polis',
      slag: 'handelser',
      format: 'json',
      roll: 'POLIS',
      kodning: 'utf8',
      rad: feedPost(andring),
    });
  }

  const ids = new Set<string>();
  for (const f of fall) {
    if (ids.has(f.id)) throw new Error(`two cases named ${f.id}`);
    ids.add(f.id);
  }
  return fall;
}

export const KORPUS_FIL = fileURLToPath(new URL('./fall.generated.json', import.meta.url));

/** The committed file's text: one case per line, so a diff shows which cases changed. */
export function korpusText(fall: Fall[]): string {
  return `[\n${fall.map((f) => JSON.stringify(f)).join(',\n')}\n]\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fall = genereraKorpus();
  writeFileSync(KORPUS_FIL, korpusText(fall));
  console.log(`${fall.length} fall skrivna till ${KORPUS_FIL}`);
}
