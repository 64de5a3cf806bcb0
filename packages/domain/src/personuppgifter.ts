/**
 * Free text must not carry a Swedish personal identity number (personnummer or
 * samordningsnummer): the system is about places, organisations, events and counts.
 * Ten or twelve digits, optional separator, valid Luhn check digit — a date or a phone
 * number rarely passes the Luhn test, so false alarms are few.
 *
 * The text is read as a person would: after Unicode normalisation (NFKC, so fullwidth
 * digits `１２１２１２` are digits), with every dash (en dash from Word, non-breaking
 * hyphen, minus sign, …) read as `-`, every space (non-breaking, thin, …) as a space,
 * and invisible format characters (soft hyphen, zero-width space) removed. Between the
 * date and the last four digits any mix of spaces around one `-` or `+` is a separator.
 */
const CANDIDATE = /(?<![\d])((?:19|20)?\d{6}) *[-+]? *(\d{4})(?![\d])/g;

/** Every dash-like character: hyphens, non-breaking hyphen, figure dash, en/em dash, minus, small and fullwidth hyphen-minus. */
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\u02D7\u2796]/g;
/** Format characters a reader does not see (soft hyphen, zero-width space/joiners, word joiner, BOM). */
const INVISIBLE = /\p{Cf}/gu;
/** Every space: tabs, line breaks, non-breaking and the typographic spaces. */
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** The text as the personnummer check reads it (exported for tests and for callers that log). */
export function normaliseraForPersonnummer(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(SPACES, ' ');
}

function luhnOk(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export function innehallerPersonnummer(text: string): boolean {
  for (const match of normaliseraForPersonnummer(text).matchAll(CANDIDATE)) {
    const date = match[1] ?? '';
    const ten = `${date.slice(-6)}${match[2] ?? ''}`;
    const month = Number(ten.slice(2, 4));
    const day = Number(ten.slice(4, 6));
    // Samordningsnummer add 60 to the day.
    const dayOk = (day >= 1 && day <= 31) || (day >= 61 && day <= 91);
    if (month >= 1 && month <= 12 && dayOk && luhnOk(ten)) return true;
  }
  return false;
}
