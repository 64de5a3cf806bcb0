/**
 * Free text must not carry a Swedish personal identity number (personnummer or
 * samordningsnummer): the system is about places, organisations, events and counts.
 * Ten or twelve digits, optional separator, valid Luhn check digit — a date or a phone
 * number rarely passes the Luhn test, so false alarms are few.
 */
const CANDIDATE = /(?<![\d])((?:19|20)?\d{6})[-+ ]?(\d{4})(?![\d])/g;

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
  for (const match of text.matchAll(CANDIDATE)) {
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
