/**
 * The violent-extremist environments the police and the Swedish Security Service
 * distinguish, plus the anti-democratic groups the action plan also follows and a
 * catch-all so a report never has to force an uncertain case into a named environment.
 */
export enum Miljo {
  VIT_MAKT = 'VIT_MAKT',
  AUTONOMA = 'AUTONOMA',
  ISLAMISTISK = 'ISLAMISTISK',
  ENSAMAGERANDE = 'ENSAMAGERANDE',
  ANTIDEMOKRATISK = 'ANTIDEMOKRATISK',
  OSPECIFICERAD = 'OSPECIFICERAD',
}

/** Display order used in tables and reports, so every partner lists environments alike. */
export const MILJOER: readonly Miljo[] = Object.freeze([
  Miljo.VIT_MAKT,
  Miljo.AUTONOMA,
  Miljo.ISLAMISTISK,
  Miljo.ENSAMAGERANDE,
  Miljo.ANTIDEMOKRATISK,
  Miljo.OSPECIFICERAD,
]);

/** One value per environment, e.g. a breakdown of counts for disclosure control. */
export function perMiljo<T>(value: (m: Miljo) => T): Record<Miljo, T> {
  return Object.fromEntries(MILJOER.map((m) => [m, value(m)])) as Record<Miljo, T>;
}

export const MILJO_NAMN: Record<Miljo, string> = {
  [Miljo.VIT_MAKT]: 'Vit makt-miljön',
  [Miljo.AUTONOMA]: 'Autonoma miljön',
  [Miljo.ISLAMISTISK]: 'Våldsbejakande islamism',
  [Miljo.ENSAMAGERANDE]: 'Ensamagerande',
  [Miljo.ANTIDEMOKRATISK]: 'Antidemokratiska grupperingar',
  [Miljo.OSPECIFICERAD]: 'Ospecificerat',
};

export const MILJO_BESKRIVNING: Record<Miljo, string> = {
  [Miljo.VIT_MAKT]:
    'Våldsbejakande högerextremism som vill skapa ett etniskt homogent samhälle och använder våld för att nå dit.',
  [Miljo.AUTONOMA]:
    'Våldsbejakande vänsterextremism som riktar våld mot meningsmotståndare, myndigheter och symboler för det samhälle den vill störta.',
  [Miljo.ISLAMISTISK]:
    'Våldsbejakande islamistisk extremism som stöder eller utövar våld i religionens namn.',
  [Miljo.ENSAMAGERANDE]:
    'Enskilda personer som utan tydlig tillhörighet till en grupp planerar eller utövar ideologiskt motiverat våld.',
  [Miljo.ANTIDEMOKRATISK]:
    'Grupperingar som motarbetar demokratin men inte förespråkar eller använder våld.',
  [Miljo.OSPECIFICERAD]:
    'Uppgifter som inte kan eller ännu inte har kunnat hänföras till en viss miljö.',
};
