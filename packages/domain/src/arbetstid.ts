/**
 * Swedish working time: public holidays and "working minutes between two instants" in
 * Europe/Stockholm local time. Pure: the time zone rules come from Intl (the ICU data
 * Node ships), so summer time is handled without a dependency.
 */

export const STOCKHOLM = 'Europe/Stockholm';

export interface Helgdag {
  /** ÅÅÅÅ-MM-DD */
  datum: string;
  namn: string;
  /**
   * True for the public holidays of the law (lag 1989:253 om allmänna helgdagar, with
   * Nationaldagen since 2005). False for Midsommarafton, Julafton and Nyårsafton: not
   * holidays by law, but non-working days in the city's and its contractors' agreements,
   * so they count as non-working here too.
   */
  allmanHelgdag: boolean;
}

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Easter Sunday (Gregorian calendar), the anonymous algorithm (Meeus/Jones/Butcher). */
export function pasksondag(ar: number): string {
  const a = ar % 19;
  const b = Math.floor(ar / 100);
  const c = ar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const manad = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(Date.UTC(ar, manad - 1, dag));
}

/** The day of the given weekday (0 = Sunday … 6 = Saturday) in [first, first + 6]. */
function weekdayOnOrAfter(ar: number, monthIndex: number, firstDay: number, weekday: number) {
  const first = Date.UTC(ar, monthIndex, firstDay);
  const diff = (weekday - new Date(first).getUTCDay() + 7) % 7;
  return first + diff * DAY_MS;
}

const helgdagCache = new Map<number, Helgdag[]>();

/** Sweden's public holidays of a year, plus the three eves treated as non-working days. */
export function svenskaHelgdagar(ar: number): Helgdag[] {
  const cached = helgdagCache.get(ar);
  if (cached) return cached;
  const easter = Date.parse(`${pasksondag(ar)}T00:00:00Z`);
  const days: Helgdag[] = [
    { datum: `${ar}-01-01`, namn: 'Nyårsdagen', allmanHelgdag: true },
    { datum: `${ar}-01-06`, namn: 'Trettondedag jul', allmanHelgdag: true },
    { datum: isoDay(easter - 2 * DAY_MS), namn: 'Långfredagen', allmanHelgdag: true },
    { datum: isoDay(easter), namn: 'Påskdagen', allmanHelgdag: true },
    { datum: isoDay(easter + DAY_MS), namn: 'Annandag påsk', allmanHelgdag: true },
    { datum: `${ar}-05-01`, namn: 'Första maj', allmanHelgdag: true },
    { datum: isoDay(easter + 39 * DAY_MS), namn: 'Kristi himmelsfärdsdag', allmanHelgdag: true },
    { datum: isoDay(easter + 49 * DAY_MS), namn: 'Pingstdagen', allmanHelgdag: true },
    // Midsommarafton: the Friday between 19 and 25 June; Midsommardagen the Saturday after.
    { datum: isoDay(weekdayOnOrAfter(ar, 5, 19, 5)), namn: 'Midsommarafton', allmanHelgdag: false },
    { datum: isoDay(weekdayOnOrAfter(ar, 5, 20, 6)), namn: 'Midsommardagen', allmanHelgdag: true },
    // Alla helgons dag: the Saturday between 31 October and 6 November.
    {
      datum: isoDay(weekdayOnOrAfter(ar, 9, 31, 6)),
      namn: 'Alla helgons dag',
      allmanHelgdag: true,
    },
    { datum: `${ar}-12-24`, namn: 'Julafton', allmanHelgdag: false },
    { datum: `${ar}-12-25`, namn: 'Juldagen', allmanHelgdag: true },
    { datum: `${ar}-12-26`, namn: 'Annandag jul', allmanHelgdag: true },
    { datum: `${ar}-12-31`, namn: 'Nyårsafton', allmanHelgdag: false },
  ];
  // Nationaldagen became a public holiday in 2005 (replacing Annandag pingst).
  if (ar >= 2005)
    days.push({ datum: `${ar}-06-06`, namn: 'Sveriges nationaldag', allmanHelgdag: true });
  else
    days.push({
      datum: isoDay(easter + 50 * DAY_MS),
      namn: 'Annandag pingst',
      allmanHelgdag: true,
    });
  days.sort((x, y) => x.datum.localeCompare(y.datum));
  helgdagCache.set(ar, days);
  return days;
}

const ledigCache = new Map<number, Set<string>>();

/** A weekday that is neither a public holiday nor one of the three eves. */
export function arArbetsdag(datum: string): boolean {
  const ar = Number(datum.slice(0, 4));
  const weekday = new Date(`${datum}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  let lediga = ledigCache.get(ar);
  if (!lediga) {
    lediga = new Set(svenskaHelgdagar(ar).map((h) => h.datum));
    ledigCache.set(ar, lediga);
  }
  return !lediga.has(datum);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tidszon: string): Intl.DateTimeFormat {
  let f = formatters.get(tidszon);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tidszon,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tidszon, f);
  }
  return f;
}

const offsetCache = new Map<string, number>();

/** The zone's offset from UTC in minutes at an instant (Stockholm: 60 in winter, 120 in summer). */
export function utcOffsetMinuter(instant: number, tidszon = STOCKHOLM): number {
  // Offsets change on whole hours in every zone this system meets: cache per UTC hour.
  const hour = Math.floor(instant / 3_600_000);
  const key = `${tidszon}|${hour}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const p of formatter(tidszon).formatToParts(new Date(hour * 3_600_000))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offset = Math.round((asUtc - hour * 3_600_000) / 60_000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The instant of a local wall-clock time (not inside a summer-time gap) in the zone. */
export function lokalTillInstant(datum: string, minutIDygnet: number, tidszon = STOCKHOLM): number {
  const wall = Date.parse(`${datum}T00:00:00Z`) + minutIDygnet * 60_000;
  let instant = wall - utcOffsetMinuter(wall, tidszon) * 60_000;
  // Near a switch the first guess can use the other side's offset; one correction suffices.
  instant = wall - utcOffsetMinuter(instant, tidszon) * 60_000;
  return instant;
}

/** The local calendar day (ÅÅÅÅ-MM-DD) of an instant in the zone. */
export function lokaltDatum(instant: number, tidszon = STOCKHOLM): string {
  return isoDay(instant + utcOffsetMinuter(instant, tidszon) * 60_000);
}

/** An instant as ISO 8601 in the zone's local time with its offset: 2017-04-13T15:00:00+02:00. */
export function lokalIso(instant: number, tidszon = STOCKHOLM): string {
  const offset = utcOffsetMinuter(instant, tidszon);
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface Arbetstid {
  /** Start of the working day, minutes after local midnight (07:00 → 420). */
  start: number;
  /** End of the working day, minutes after local midnight (16:00 → 960). */
  slut: number;
  tidszon: string;
}

/** Weekdays 07.00–16.00, the hours the city's graffiti contract counts in. */
export const VARDAG_07_16: Arbetstid = Object.freeze({
  start: 7 * 60,
  slut: 16 * 60,
  tidszon: STOCKHOLM,
});

/**
 * Working minutes between two instants: only the parts of [fran, till] that fall on
 * working days (arArbetsdag) between the local start and end of the working day.
 * Zero when till is not after fran. Walks day by day over the span (a report's times are
 * hours or days apart; called once when a time is written, never per row at read time).
 */
export function arbetsminuterMellan(
  fran: number | string,
  till: number | string,
  arbetstid: Arbetstid = VARDAG_07_16,
): number {
  const a = typeof fran === 'number' ? fran : Date.parse(fran);
  const b = typeof till === 'number' ? till : Date.parse(till);
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error('Ogiltig tidpunkt.');
  if (b <= a) return 0;
  let ms = 0;
  let dag = lokaltDatum(a, arbetstid.tidszon);
  const sista = lokaltDatum(b, arbetstid.tidszon);
  while (dag <= sista) {
    if (arArbetsdag(dag)) {
      const start = lokalTillInstant(dag, arbetstid.start, arbetstid.tidszon);
      const slut = lokalTillInstant(dag, arbetstid.slut, arbetstid.tidszon);
      const from = Math.max(a, start);
      const to = Math.min(b, slut);
      if (to > from) ms += to - from;
    }
    dag = isoDay(Date.parse(`${dag}T00:00:00Z`) + DAY_MS);
  }
  return Math.round(ms / 60_000);
}

const ISO_MED_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO 8601 timestamp that says its offset (`Z` or `+02:00`), as milliseconds since the
 * epoch; null when the text is not one or names a day or time that does not exist. A
 * timestamp without an offset is refused: it would mean different instants to different
 * readers.
 */
export function parseTidpunkt(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = ISO_MED_OFFSET.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.parse(text.trim());
  if (!Number.isFinite(ms)) return null;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  return ms;
}
