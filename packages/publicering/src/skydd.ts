/**
 * Disclosure control at adoption, over everything published, and the attacker who checks it.
 *
 * A publication's cells are linked by sums: within a table (a total is its environments or
 * its reporters plus a rest) and between periods (a year holds its half-years). Suppressing
 * each table on its own does not hold: "2018: 9, H1: 8, H2: fåtal" gives H2 = 1. So when a
 * version is adopted, its cells are suppressed against everything together — its own
 * tables, every earlier adopted version of the area, and the linked periods' true counts —
 * and an attacker's linear program checks that no small hidden count can be pinned.
 *
 * The model. Every cell id is one variable, whichever publication or version shows it (ids
 * are stable). What a reader who knows the rule learns of a cell:
 * - shown as a number: fixed; "fåtal" (PRIMAR): in [1, t]; "ej redovisad" (SEKUNDAR): in
 *   [t+1, ∞), with t the threshold of the version that published it;
 * - no number (not reported, unknown count, `varde: null`): only ≥ 0. Zeros are never
 *   hidden: a zero points at no one.
 * Relations are `summa = Σ delar + rest`, a `kand` rest being known to the reader (the
 * cautious assumption; its value comes with the relation), an `okand` rest any number ≥ 0.
 * A year and its halves: where all three have numbers the capture gives year = H1 + H2 + the
 * records dated only to the year as a known rest (0 when there are none: "2021: 9, H1: 7"
 * then gives H2 = 2). Such a sum is a fact of the records, not of one publication: it holds
 * under every assumption below, whichever versions are left out. Period links are added
 * here too, for every cell id whose period is a year and whose half-year ids (`Y-H1|…`,
 * `Y-H2|…`) exist anywhere in the system: year = H1 + H2 + rest ≥ 0 (with one half present,
 * year ≥ that half) — beside a known rest they add nothing, without one they are all the
 * reader has. Measures that count distinct units (schools, see DISTINKTA_MATT) are not
 * additive over time: a school counted in both halves is one school in the year, so for
 * them only year ≥ each half is added (additive links would make the program infeasible,
 * or assert what is false).
 *
 * The programs: one connected component at a time (cells linked by some sum), each cell's
 * smallest and largest value by HiGHS's simplex on the LP relaxation (CPLEX LP text,
 * presolve off: the programs are tiny), rounded inwards since counts are whole numbers. Not
 * solved as MIPs: HiGHS 1.15.3's MIP presolve returned a wrong optimum (3 where 2 was
 * feasible) on a 21-cell program of this kind, and over the test's random publications the
 * rounded relaxation gave the same intervals as the MIP without presolve.
 *
 * Choices in `skyddaVidFaststallande`:
 * - Protected cells: every cell, in a connected component holding a cell of the new version,
 *   whose count lies in 1…t and which is not shown as a number: the new primary cells, the
 *   earlier versions' primary cells, and the linked periods' cells of 1…t. Protected means:
 *   its smallest and largest possible values given everything shown differ.
 * - The linked periods (true counts, not necessarily published) are assumed, in this order:
 *   1. cautious: as they would be published under primary suppression alone (a number if 0
 *      or > t, [1, t] if 1…t), so that their later adoption need not hide its own numbers;
 *   2. weakest: as hidden as the rule allows (0 shown, [1, t] or [t+1, ∞)) — what their
 *      later adoption can always achieve by suppressing itself;
 *   3. none: not published at all.
 *   A linked cell an earlier version already published is taken as published instead. Each
 *   protected cell is made safe under the strongest assumption that hiding cells of the new
 *   version can meet. So adopting H2 = 1 while the year's 9 and H1's 8 are only counts
 *   succeeds (under 1 nothing the H2 version hides helps; under 2 it is safe), and the year
 *   or H1, adopted later, hides its own total. Under 3 the requirement is hard: if hiding
 *   every non-zero cell of the new version still leaves the cell pinned by what is adopted
 *   and the new version, `SkyddError` names it — the version adopted last is the one
 *   refused, as the pin needs what is already adopted (or the underlag's own sums with
 *   known rests, e.g. a total of 3 with a known rest of 2 and one "fåtal" part). A known
 *   rest of the year can pin a cell by itself beside zeros, which are never hidden: one
 *   record dated only to 2021 in an environment whose halves both show 0 gives the year's 1,
 *   so the second half adopted is refused, and the message asks for the records to be dated
 *   to a half-year. A cell pinned even without the new version (an earlier leak) is not the
 *   new version's doing and does not stop it.
 * - Secondary suppression: protected cells are taken in id order; while one is pinned, one
 *   more shown non-zero cell of the new version is hidden (SEKUNDAR): among the cells
 *   sharing a relation with it the smallest count first, then by id; when none is left, the
 *   same among its connected component. A cell whose hiding would change nothing (another
 *   source fixes it) is not hidden. Hiding only widens what is possible, so a cell once
 *   safe stays safe and every cell is settled once; a cell's largest value is solved first,
 *   and its smallest only when that does not already settle it.
 * - Earlier versions that the live data have since contradicted (a corrected count no longer
 *   lies in what was published) are stale: their fact about that cell is dropped, as is an
 *   earlier relation that the current counts no longer satisfy; relations of the new version
 *   and of the linked periods replace earlier ones over the same cells. Among the earlier
 *   versions, given oldest first, a later fact wins where two disagree.
 * - Deterministic: every choice is made in id order, independently of the input's order.
 *
 * `angriparensIntervall` is the attacker, on a separate path: it knows only what was
 * published (and the known rests, the year's too), adds the same period links, and for every
 * hidden cell (and any cell it is asked about, published or not) solves for its smallest and
 * largest value. It shares the program text and the solver with the suppression, not its
 * model of the unpublished periods nor its loop.
 */
import {
  FATAL_VISNING,
  harTal,
  OKANT_ANTAL_VISNING,
  RAPPORTERINGSSTATUS_NAMN,
  SEKUNDAR_VISNING,
} from '@lagesbild/domain';
import highsLoader, { type Highs } from 'highs';
import type { Cell, PubliceratInnehall, Relation, Underlag } from './modell';

/** An earlier adopted version of the area (replaced ones too), with its sums. */
export interface PubliceradVersion {
  celler: PubliceratInnehall['celler'];
  /** With `restVarde` for a `kand` rest: the reader is assumed to know it. */
  relationer: Relation[];
  /** The threshold the version was adopted with; the one passed in when not given. */
  troskel?: number;
}

/** What a count can be: from lo to hi (hi may be Infinity). */
export interface Granser {
  lo: number;
  hi: number;
}

/** A cell that no suppression within the new version can protect. */
export class SkyddError extends Error {
  /** The id of the cell that can be worked out. */
  readonly cell: string;
  constructor(message: string, cell: string) {
    super(message);
    this.name = 'SkyddError';
    this.cell = cell;
  }
}

/** Measures that count distinct units: a year is not the sum of its half-years. */
export const DISTINKTA_MATT: ReadonlySet<string> = new Set(['skolorMedTecken', 'besvaradeSkolor']);

const OANDLIG = Number.POSITIVE_INFINITY;
const FRI: Granser = { lo: 0, hi: OANDLIG };

function snitt(a: Granser, b: Granser): Granser | null {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : null;
}

const inom = (v: number, g: Granser) => v >= g.lo && v <= g.hi;
const lika = (a: Granser, b: Granser) => a.lo === b.lo && a.hi === b.hi;

function kontrolleraTroskel(troskel: number): void {
  if (!Number.isInteger(troskel) || troskel < 1) {
    throw new SkyddError(`Ogiltig diskretionströskel ${troskel}: ange ett heltal från 1.`, '');
  }
}

/** What a reader who knows the rule learns from a published cell; null: no number. */
function publiceratFaktum(
  c: { antal: number | null; undertryckt: 'PRIMAR' | 'SEKUNDAR' | null },
  troskel: number,
): { granser: Granser; slag: 'visad' | 'PRIMAR' | 'SEKUNDAR' } | null {
  if (c.antal !== null) return { granser: { lo: c.antal, hi: c.antal }, slag: 'visad' };
  if (c.undertryckt === 'PRIMAR') return { granser: { lo: 1, hi: troskel }, slag: 'PRIMAR' };
  if (c.undertryckt === 'SEKUNDAR') {
    return { granser: { lo: troskel + 1, hi: OANDLIG }, slag: 'SEKUNDAR' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Sums and the period links

/** A relation as the programs use it: `summa − Σ delar` equals restVarde, or is ≥ 0. */
interface Summa {
  summa: string;
  delar: string[];
  rest: 'kand' | 'okand';
  restVarde: number;
  /** Where it comes from: the new version, a linked period, an earlier version, a period link. */
  kalla: 'ny' | 'lankad' | 'tidigare' | 'lank';
  /** Did an earlier version publish a sum over the same cells? */
  publicerad?: boolean;
  /**
   * A year and its halves (year = H1 + H2 + rest): a fact of the records, not of one
   * publication, so it holds whichever versions are assumed published or left out.
   */
  period: boolean;
}

/**
 * Is the sum a year and (some of) its half-years, cell by cell — `2021|…` over `2021-H1|…`
 * and `2021-H2|…` with the same partner, measure and breakdown?
 */
function arPeriodsumma(r: Pick<Relation, 'summa' | 'delar'>): boolean {
  const i = r.summa.indexOf('|');
  const ar = r.summa.slice(0, i);
  if (i < 0 || !/^\d{4}$/.test(ar) || r.delar.length === 0) return false;
  const resten = r.summa.slice(i);
  const halvar = new Set([`${ar}-H1${resten}`, `${ar}-H2${resten}`]);
  return r.delar.every((d) => halvar.has(d)) && new Set(r.delar).size === r.delar.length;
}

function normalisera(r: Relation, kalla: Summa['kalla']): Summa {
  const period = arPeriodsumma(r);
  if (r.rest === 'kand') {
    const v = r.restVarde;
    if (v === undefined || !Number.isInteger(v) || v < 0) {
      throw new SkyddError(
        `Summan ${r.summa} har en känd rest utan giltigt värde (${v}); skyddet kan inte räknas.`,
        r.summa,
      );
    }
    return { summa: r.summa, delar: [...r.delar], rest: 'kand', restVarde: v, kalla, period };
  }
  return { summa: r.summa, delar: [...r.delar], rest: 'okand', restVarde: 0, kalla, period };
}

/** The same sum over the same cells, whatever its rest's value. */
function nyckel(r: { summa: string; delar: readonly string[]; rest: string }): string {
  return `${r.summa}=${[...r.delar].sort().join('+')}|${r.rest}`;
}

/**
 * year = H1 + H2 + rest ≥ 0 for every cell id of a year whose half-years exist among `ids`
 * (with one half, year ≥ that half); for distinct units only year ≥ each half.
 */
export function periodlankar(ids: Iterable<string>): Relation[] {
  const alla = new Set(ids);
  const ut: Relation[] = [];
  for (const id of [...alla].sort()) {
    const i = id.indexOf('|');
    if (i < 0) continue;
    const ar = id.slice(0, i);
    if (!/^\d{4}$/.test(ar)) continue;
    const resten = id.slice(i);
    const halvar = [`${ar}-H1${resten}`, `${ar}-H2${resten}`].filter((h) => alla.has(h));
    if (halvar.length === 0) continue;
    if (DISTINKTA_MATT.has(resten.split('|')[2] ?? '')) {
      for (const h of halvar) ut.push({ summa: id, delar: [h], rest: 'okand' });
    } else {
      ut.push({ summa: id, delar: halvar, rest: 'okand' });
    }
  }
  return ut;
}

/** Cells linked by some sum, so that one small program per component suffices. */
interface Komponent {
  variabler: string[];
  relationer: Summa[];
}

function komponenter(ids: Iterable<string>, relationer: readonly Summa[]): Map<string, Komponent> {
  const foralder = new Map<string, string>();
  const rot = (x: string): string => {
    let r = x;
    while (foralder.get(r) !== r) r = foralder.get(r) as string;
    let y = x;
    while (y !== r) {
      const n = foralder.get(y) as string;
      foralder.set(y, r);
      y = n;
    }
    return r;
  };
  const lagg = (x: string) => {
    if (!foralder.has(x)) foralder.set(x, x);
  };
  for (const id of ids) lagg(id);
  for (const r of relationer) {
    lagg(r.summa);
    for (const d of r.delar) {
      lagg(d);
      const a = rot(r.summa);
      const b = rot(d);
      // The smaller id is the root: components do not depend on the order of the sums.
      if (a < b) foralder.set(b, a);
      else if (b < a) foralder.set(a, b);
    }
  }
  const perRot = new Map<string, Komponent>();
  for (const id of [...foralder.keys()].sort()) {
    const r = rot(id);
    let k = perRot.get(r);
    if (!k) {
      k = { variabler: [], relationer: [] };
      perRot.set(r, k);
    }
    k.variabler.push(id);
  }
  for (const r of relationer) perRot.get(rot(r.summa))?.relationer.push(r);
  const ut = new Map<string, Komponent>();
  for (const k of perRot.values()) for (const id of k.variabler) ut.set(id, k);
  return ut;
}

// ---------------------------------------------------------------------------------------
// The integer program and the solver

let losare: Promise<Highs> | undefined;

/** HiGHS, loaded once and reused. */
function highs(): Promise<Highs> {
  losare ??= highsLoader();
  return losare;
}

const ALTERNATIV = { output_flag: false, presolve: 'off' } as const;

/**
 * The CPLEX LP text that optimises one cell over a component: whole numbers, every sum as a
 * row, every cell's bounds. An unbounded cell is capped at `tak`, far above every number in
 * the program, so that "unbounded" reads as an optimum above tak / 2.
 */
function lpText(
  k: Komponent,
  granser: ReadonlyMap<string, Granser>,
  mal: string,
  riktning: 'Maximize' | 'Minimize',
): { text: string; tak: number } {
  const index = new Map(k.variabler.map((v, i) => [v, i]));
  const namn = (id: string) => `x${index.get(id)}`;
  let storlek = 0;
  for (const g of granser.values()) storlek += g.lo + (g.hi === OANDLIG ? 0 : g.hi);
  for (const r of k.relationer) storlek += r.restVarde;
  const tak = 1_000_000 + 4 * storlek;

  const rader: string[] = [];
  const anvanda = new Set<string>([mal]);
  for (const [i, r] of k.relationer.entries()) {
    const koeff = new Map<string, number>([[r.summa, 1]]);
    for (const d of r.delar) koeff.set(d, (koeff.get(d) ?? 0) - 1);
    const termer = [...koeff].filter(([, c]) => c !== 0);
    if (termer.length === 0) continue;
    const delar = termer.map(([id, c], j) => {
      anvanda.add(id);
      const tecken = c < 0 ? '-' : j === 0 ? '' : '+';
      const belopp = Math.abs(c) === 1 ? '' : `${Math.abs(c)} `;
      return `${tecken}${tecken ? ' ' : ''}${belopp}${namn(id)}`;
    });
    const led = r.rest === 'kand' ? `= ${r.restVarde}` : '>= 0';
    const rad: string[] = [];
    for (let j = 0; j < delar.length; j += 8) rad.push(delar.slice(j, j + 8).join(' '));
    rader.push(` c${i}: ${rad.join('\n   ')} ${led}`);
  }
  const variabler = k.variabler.filter((v) => anvanda.has(v));
  const granslinjer = variabler.map((v) => {
    const g = granser.get(v) ?? FRI;
    if (g.lo === g.hi) return ` ${namn(v)} = ${g.lo}`;
    return ` ${g.lo} <= ${namn(v)} <= ${g.hi === OANDLIG ? tak : g.hi}`;
  });
  const text = [
    riktning,
    ` mal: ${namn(mal)}`,
    'Subject To',
    ...rader,
    'Bounds',
    ...granslinjer,
    'End',
    '',
  ].join('\n');
  return { text, tak };
}

/** The optimum of one cell over its component; Infinity when unbounded above. */
function optimum(
  h: Highs,
  k: Komponent,
  granser: ReadonlyMap<string, Granser>,
  mal: string,
  riktning: 'Maximize' | 'Minimize',
): number {
  const { text, tak } = lpText(k, granser, mal, riktning);
  const svar = h.solve(text, ALTERNATIV);
  if (svar.Status !== 'Optimal') {
    throw new SkyddError(
      `Siffrorna kring ${mal} går inte ihop med varandra (${svar.Status}); skyddet kan inte räknas.`,
      mal,
    );
  }
  const v = svar.ObjectiveValue;
  if (v > tak / 2) return OANDLIG;
  // Counts are whole numbers: the attacker rounds what the relaxation leaves.
  return riktning === 'Maximize' ? Math.floor(v + 1e-6) : Math.ceil(v - 1e-6);
}

// ---------------------------------------------------------------------------------------
// Suppression at adoption

/**
 * The linked periods not yet published: as their adoption would show them under primary
 * suppression alone, as hidden as their adoption can make them, or not published at all.
 */
type Antagande = 'forsiktig' | 'svagast' | 'ingen';
const NIVAER: readonly Antagande[] = ['forsiktig', 'svagast', 'ingen'];

/** A part of the picture left out: the earlier versions, or the new one. */
type Utan = 'tidigare' | 'nya' | null;

function kontrolleraCell(c: Cell): void {
  if (c.varde !== null && (!Number.isInteger(c.varde) || c.varde < 0)) {
    throw new SkyddError(`Ett antal är ett heltal från 0, inte ${c.varde} (${c.id}).`, c.id);
  }
}

/** "polis · handelser · VIT_MAKT (2018-H2)", when the caller gives no rubrik. */
function standardrubrik(id: string): string {
  const [period, partner, matt, dimension] = id.split('|');
  const nyckelDel = dimension?.includes('=') ? dimension.slice(dimension.indexOf('=') + 1) : null;
  return `${[partner, matt, nyckelDel ?? 'totalt'].join(' · ')} (${period})`;
}

/**
 * The new version's cells after primary and secondary suppression, computed over the new
 * cells and sums, every earlier adopted version of the area (`tidigare`, oldest first) and
 * the linked periods' true counts (`underlag.lankade`). See the head of this file.
 * Throws SkyddError naming a cell no suppression within the new version can protect.
 */
export async function skyddaVidFaststallande(
  underlag: Underlag,
  tidigare: PubliceradVersion[],
  troskel: number,
  val: { rubrik?: (cellId: string) => string } = {},
): Promise<PubliceratInnehall['celler']> {
  kontrolleraTroskel(troskel);
  const t = troskel;
  const h = await highs();

  const nya = new Map<string, Cell>();
  for (const c of underlag.celler) {
    kontrolleraCell(c);
    const forra = nya.get(c.id);
    if (forra && forra.varde !== c.varde) {
      throw new SkyddError(`Cellen ${c.id} finns två gånger med olika antal.`, c.id);
    }
    nya.set(c.id, c);
  }
  const lankade = new Map<string, Cell>();
  for (const c of underlag.lankade.celler) {
    kontrolleraCell(c);
    if (!lankade.has(c.id)) lankade.set(c.id, c);
  }
  /** Today's count of a cell, where the live data have one. */
  const sanning = (id: string): number | null => {
    const n = nya.get(id);
    if (n) return n.varde ?? lankade.get(id)?.varde ?? null;
    return lankade.get(id)?.varde ?? null;
  };

  // What the earlier versions tell, less what the live data have since contradicted.
  const tidigareFakta = new Map<string, { granser: Granser; primar: boolean; visad: boolean }>();
  const allaIds = new Set<string>([...nya.keys(), ...lankade.keys()]);
  for (const v of tidigare) {
    const tv = v.troskel ?? t;
    for (const c of v.celler) {
      allaIds.add(c.id);
      const f = publiceratFaktum(c, tv);
      if (!f) continue;
      const s = sanning(c.id);
      if (s !== null && !inom(s, f.granser)) continue;
      const forra = tidigareFakta.get(c.id);
      const g = forra ? snitt(forra.granser, f.granser) : null;
      tidigareFakta.set(
        c.id,
        forra && g
          ? {
              granser: g,
              primar: forra.primar || f.slag === 'PRIMAR',
              visad: forra.visad || f.slag === 'visad',
            }
          : { granser: f.granser, primar: f.slag === 'PRIMAR', visad: f.slag === 'visad' },
      );
    }
  }

  const relationer = new Map<string, Summa>();
  for (const [kalla, rs] of [
    ['ny', underlag.relationer],
    ['lankad', underlag.lankade.relationer],
  ] as const) {
    for (const r of rs) {
      const n = normalisera(r, kalla);
      const k = nyckel(n);
      if (!relationer.has(k)) relationer.set(k, n);
    }
  }
  const aldre = new Map<string, Summa>();
  for (const v of tidigare) {
    for (const r of v.relationer) {
      const n = normalisera(r, 'tidigare');
      const k = nyckel(n);
      if (relationer.has(k) || haller(n, sanning) === false) continue;
      aldre.set(k, n);
    }
  }
  for (const [k, n] of aldre) relationer.set(k, n);
  for (const v of tidigare) {
    for (const r of v.relationer) {
      const n = relationer.get(nyckel(r));
      if (n) n.publicerad = true;
    }
  }
  for (const r of relationer.values()) for (const id of [r.summa, ...r.delar]) allaIds.add(id);
  for (const r of periodlankar(allaIds)) {
    const n = normalisera(r, 'lank');
    const k = nyckel(n);
    if (!relationer.has(k)) relationer.set(k, n);
  }
  const summor = [...relationer.values()];
  const komp = komponenter(allaIds, summor);
  const grannar = new Map<string, Set<string>>();
  for (const r of summor) {
    const celler = [r.summa, ...r.delar];
    for (const a of celler) {
      let g = grannar.get(a);
      if (!g) {
        g = new Set();
        grannar.set(a, g);
      }
      for (const b of celler) if (b !== a) g.add(b);
    }
  }

  const stor = (id: string) => {
    const v = nya.get(id)?.varde;
    return v !== undefined && v !== null && v > t;
  };
  /** What is known of a cell; `utan` leaves the earlier versions or the new one out. */
  const granser = (
    id: string,
    antagande: Antagande,
    dolda: ReadonlySet<string>,
    utan: Utan = null,
  ): Granser => {
    let g = FRI;
    const n = utan === 'nya' ? undefined : nya.get(id);
    if (n && n.varde !== null) {
      const v = n.varde;
      g =
        v === 0
          ? { lo: 0, hi: 0 }
          : v <= t
            ? { lo: 1, hi: t }
            : dolda.has(id)
              ? { lo: t + 1, hi: OANDLIG }
              : { lo: v, hi: v };
    }
    const f = utan === 'tidigare' ? undefined : tidigareFakta.get(id);
    if (f) g = snitt(g, f.granser) ?? g;
    const l = antagande === 'ingen' ? undefined : lankade.get(id);
    if (l && l.varde !== null && !f && (!n || n.varde === null || n.varde === l.varde)) {
      const v = l.varde;
      const lg =
        v === 0
          ? { lo: 0, hi: 0 }
          : v <= t
            ? { lo: 1, hi: t }
            : antagande === 'forsiktig'
              ? { lo: v, hi: v }
              : { lo: t + 1, hi: OANDLIG };
      g = snitt(g, lg) ?? g;
    }
    return g;
  };

  /**
   * Can the cell be pinned to one value? The largest first: often that settles it.
   * `periodrester: 'okanda'` takes the year's records dated only to it (a known rest above 0)
   * as unknown — only to tell, when a cell cannot be protected, whether they are what pins it.
   */
  const last = (
    id: string,
    antagande: Antagande,
    dolda: ReadonlySet<string>,
    utan: Utan = null,
    periodrester: 'kanda' | 'okanda' = 'kanda',
  ): boolean => {
    const k0 = komp.get(id) as Komponent;
    // A sum of one table is known from the version that publishes it (or published it
    // before); the year and its halves hold whatever is published.
    const bort = new Set<Summa['kalla']>();
    if (utan) bort.add(utan === 'nya' ? 'ny' : 'tidigare');
    if (antagande === 'ingen') bort.add('lankad');
    let relationer = bort.size
      ? k0.relationer.filter(
          (r) => r.period || !bort.has(r.kalla) || (r.publicerad === true && !bort.has('tidigare')),
        )
      : k0.relationer;
    if (periodrester === 'okanda') {
      relationer = relationer.map((r) =>
        r.period && r.rest === 'kand' && r.restVarde > 0
          ? { ...r, rest: 'okand' as const, restVarde: 0 }
          : r,
      );
    }
    const k = relationer === k0.relationer ? k0 : { ...k0, relationer };
    const g = new Map(k.variabler.map((v) => [v, granser(v, antagande, dolda, utan)]));
    const egen = g.get(id) as Granser;
    if (egen.lo === egen.hi) return true;
    if (!k.relationer.some((r) => r.summa === id || r.delar.includes(id))) return false;
    const max = optimum(h, k, g, id, 'Maximize');
    if (max === OANDLIG) return false;
    if (max <= egen.lo) return true;
    return optimum(h, k, g, id, 'Minimize') >= max;
  };

  const ordning = (a: string, b: string) => {
    const va = nya.get(a)?.varde ?? 0;
    const vb = nya.get(b)?.varde ?? 0;
    return va !== vb ? va - vb : a < b ? -1 : a > b ? 1 : 0;
  };
  const nastaAttDolja = (id: string, antagande: Antagande, dolda: Set<string>) => {
    const kan = (k: string) => {
      if (!stor(k) || dolda.has(k)) return false;
      const med = new Set(dolda).add(k);
      return !lika(granser(k, antagande, dolda), granser(k, antagande, med));
    };
    const bland = (ids: Iterable<string>) => [...ids].filter(kan).sort(ordning)[0];
    return bland(grannar.get(id) ?? []) ?? bland((komp.get(id) as Komponent).variabler);
  };
  const allaDolda = (id: string, dolda: ReadonlySet<string>) =>
    new Set([...dolda, ...(komp.get(id) as Komponent).variabler.filter(stor)]);

  const rubrik = val.rubrik ?? standardrubrik;
  const fel = (id: string, dolda: ReadonlySet<string>) => {
    const allt = allaDolda(id, dolda);
    const borjan = `Kan inte fastställas utan att ett litet antal kan räknas ut: ${rubrik(id)}`;
    // Pinned only because the records dated only to the year are known (a zero, never
    // hidden, beside them): no suppression helps; dating the records does.
    if (last(id, 'ingen', allt) && !last(id, 'ingen', allt, null, 'okanda')) {
      const ar = id.slice(0, 4);
      return new SkyddError(
        `${borjan}, eftersom det är känt hur många poster som bara är daterade till året ${ar} ` +
          'och inte till ett halvår. Be uppgiftsägaren datera dem till halvår och gör ett nytt ' +
          `utkast, eller avvakta med att fastställa ${underlag.period}.`,
        id,
      );
    }
    return new SkyddError(
      last(id, 'ingen', allt, 'tidigare')
        ? `${borjan}, ur underlagets egna summor. Rätta underlaget eller avvakta.`
        : `${borjan}, tillsammans med det som redan är fastställt. Rätta den tidigare versionen eller avvakta.`,
      id,
    );
  };

  // The cells to protect, in components the new version touches.
  const beror = new Set<Komponent>();
  for (const id of nya.keys()) beror.add(komp.get(id) as Komponent);
  const skyddade = [...allaIds]
    .filter((id) => {
      if (!beror.has(komp.get(id) as Komponent)) return false;
      const f = tidigareFakta.get(id);
      if (f?.visad) return false;
      const n = nya.get(id);
      if (n && n.varde !== null) return n.varde >= 1 && n.varde <= t;
      if (f?.primar) return true;
      const l = lankade.get(id)?.varde;
      return l !== undefined && l !== null && l >= 1 && l <= t;
    })
    .sort();

  const dolda = new Set<string>();
  for (const id of skyddade) {
    // The strongest assumption about the linked periods under which hiding cells of the new
    // version can make the cell safe; a weaker one only when a stronger cannot be met.
    let niva: Antagande | null = null;
    let saker = false;
    for (const a of NIVAER) {
      if (!last(id, a, dolda)) {
        saker = true;
        break;
      }
      if (!last(id, a, allaDolda(id, dolda))) {
        niva = a;
        break;
      }
    }
    if (saker) continue;
    if (niva === null) {
      // Pinned without the new version too: not its doing, and nothing it hides helps.
      if (last(id, 'ingen', dolda, 'nya')) continue;
      throw fel(id, dolda);
    }
    while (last(id, niva, dolda)) {
      const k = nastaAttDolja(id, niva, dolda);
      if (k === undefined) throw fel(id, dolda);
      dolda.add(k);
    }
  }

  return underlag.celler.map((c): PubliceratInnehall['celler'][number] => {
    const { varde, ...cell } = c;
    if (varde === null) {
      const visning = harTal(c.status) ? OKANT_ANTAL_VISNING : RAPPORTERINGSSTATUS_NAMN[c.status];
      return { ...cell, antal: null, visning, undertryckt: null };
    }
    if (varde >= 1 && varde <= t) {
      return { ...cell, antal: null, visning: FATAL_VISNING, undertryckt: 'PRIMAR' };
    }
    if (dolda.has(c.id)) {
      return { ...cell, antal: null, visning: SEKUNDAR_VISNING, undertryckt: 'SEKUNDAR' };
    }
    return { ...cell, antal: varde, visning: String(varde), undertryckt: null };
  });
}

/** Do today's counts satisfy a sum? null when some count is not known. */
function haller(r: Summa, sanning: (id: string) => number | null): boolean | null {
  const s = sanning(r.summa);
  if (s === null) return null;
  let delar = 0;
  for (const d of r.delar) {
    const v = sanning(d);
    if (v === null) return null;
    delar += v;
  }
  return r.rest === 'kand' ? s - delar === r.restVarde : s - delar >= 0;
}

// ---------------------------------------------------------------------------------------
// The attacker

/**
 * For every hidden cell of the published versions (oldest first), and every cell of
 * `ocksa` (e.g. a linked period's, not published at all): its smallest and largest value
 * given everything published — shown cells fixed, hidden ones bounded by the rule, cells
 * without a number ≥ 0, the sums with their known rests, the period links — as whole
 * numbers. hi is Infinity when nothing bounds the cell from above. Where two versions say
 * different things of a cell (a correction), the later one counts; sums the versions
 * together no longer satisfy make the program infeasible, and that throws.
 */
export async function angriparensIntervall(
  publicerat: PubliceradVersion[],
  troskel: number,
  ocksa: Iterable<string> = [],
): Promise<Map<string, Granser>> {
  kontrolleraTroskel(troskel);
  const h = await highs();
  const fakta = new Map<string, Granser>();
  const dolda = new Set<string>();
  const ids = new Set<string>();
  for (const v of publicerat) {
    const tv = v.troskel ?? troskel;
    for (const c of v.celler) {
      ids.add(c.id);
      if (c.undertryckt !== null) dolda.add(c.id);
      const f = publiceratFaktum(c, tv);
      if (!f) continue;
      const forra = fakta.get(c.id);
      fakta.set(c.id, (forra && snitt(forra, f.granser)) ?? f.granser);
    }
  }
  const relationer = new Map<string, Summa>();
  for (const v of publicerat) {
    for (const r of v.relationer) {
      const n = normalisera(r, 'tidigare');
      relationer.set(nyckel(n), n);
      for (const id of [n.summa, ...n.delar]) ids.add(id);
    }
  }
  const fragor = new Set(dolda);
  for (const id of ocksa) {
    ids.add(id);
    fragor.add(id);
  }
  for (const r of periodlankar(ids)) {
    const n = normalisera(r, 'lank');
    const k = nyckel(n);
    if (!relationer.has(k)) relationer.set(k, n);
  }
  const komp = komponenter(ids, [...relationer.values()]);

  const ut = new Map<string, Granser>();
  for (const id of [...fragor].sort()) {
    const k = komp.get(id) as Komponent;
    const g = new Map(k.variabler.map((v) => [v, fakta.get(v) ?? FRI]));
    const egen = g.get(id) as Granser;
    if (k.relationer.length === 0 || egen.lo === egen.hi) {
      ut.set(id, egen);
      continue;
    }
    ut.set(id, {
      lo: optimum(h, k, g, id, 'Minimize'),
      hi: optimum(h, k, g, id, 'Maximize'),
    });
  }
  return ut;
}
