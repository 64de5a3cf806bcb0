/**
 * Rules for free text that every channel shares (mutations, CSV imports, the police's JSON
 * feed, Open311): no control characters, and no more than a field's maximum. The text is
 * refused with the reason, never cleaned or cut silently.
 */

/**
 * C0 and C1 control characters and DEL, except tab, line feed and carriage return, which
 * free text may hold (a description over several lines). A NUL ends a string in C and in
 * SQLite's driver; the others are invisible on screen and in a spreadsheet.
 */
function arKontrolltecken(kod: number): boolean {
  if (kod === 0x09 || kod === 0x0a || kod === 0x0d) return false;
  return kod <= 0x1f || (kod >= 0x7f && kod <= 0x9f);
}

/** The first control character in the text (see arKontrolltecken), or null. */
export function forstaKontrolltecken(text: string): string | null {
  for (let i = 0; i < text.length; i += 1) {
    if (arKontrolltecken(text.charCodeAt(i))) return text.charAt(i);
  }
  return null;
}

/** U+0000 */
export function teckenkod(tecken: string): string {
  return `U+${(tecken.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Null for text without control characters, else the Swedish reason (contains `kontrolltecken`). */
export function kontrollteckenFel(text: string): string | null {
  const tecken = forstaKontrolltecken(text);
  return tecken === null
    ? null
    : `texten innehåller ett kontrolltecken (${teckenkod(tecken)}), som inte får finnas i text`;
}

/** Null when the text is at most `max` characters, else the Swedish reason (contains `för lång`). */
export function forLangFel(text: string, max: number): string | null {
  return text.length <= max
    ? null
    : `texten är för lång: ${text.length} tecken, högst ${max} är tillåtna`;
}

/**
 * Both rules for a free text that reaches a channel without an input class (the police's
 * JSON feed, Open311, a publication's comment): the control character first, then the
 * length; null when the text keeps both.
 */
export function fritextFel(text: string, max: number): string | null {
  return kontrollteckenFel(text) ?? forLangFel(text, max);
}
