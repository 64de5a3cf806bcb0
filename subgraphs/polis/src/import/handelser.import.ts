/**
 * Import of public events in the shape of the police's open events feed
 * (`id`, `datetime`, `name`, `summary`, `url`, `type`, `location { name, gps }`). The feed's
 * id is kept (`kallaId`), so importing the same file again adds nothing; the whole run is
 * one transaction, so a crash leaves either all of a run's new rows or none of them.
 */
import {
  dayRange,
  ejPaborjadPeriodFel,
  fritextFel,
  innehallerPersonnummer,
  Miljo,
  okantOmradeFel,
} from '@lagesbild/domain';
import { loggaSkrivningar, RestFel, type Skrivare } from '@lagesbild/subgraph-kit';
import {
  ejUtf8,
  ejUtf8Text,
  type HttpImportVal,
  type ImportSvar,
} from '@lagesbild/subgraph-kit/import';
import type { EntityManager } from '@mikro-orm/core';
import { Handelse, HandelseTyp } from '../entities';
import {
  BESKRIVNING_MAX,
  PLATSBESKRIVNING_MAX,
  RUBRIK_MAX,
} from '../resolvers/types/handelse.input';

/** The longest source link kept. */
const URL_MAX = 500;

/** Feed types that belong in the picture, and what kind of event each one is. */
export const TYP_MAPPNING: Readonly<Record<string, { typ: HandelseTyp; vald: boolean | null }>> =
  Object.freeze({
    Ordningslagen: { typ: HandelseTyp.ORO, vald: null },
    Bråk: { typ: HandelseTyp.ORO, vald: null },
    Upplopp: { typ: HandelseTyp.ORO, vald: null },
    'Våldsamt upplopp': { typ: HandelseTyp.ORO, vald: true },
    Misshandel: { typ: HandelseTyp.ATTACK, vald: true },
    'Misshandel, grov': { typ: HandelseTyp.ATTACK, vald: true },
  });

export interface ImportResultat {
  importerade: string[];
  redanInlasta: string[];
  overhoppade: { id: string; skal: string }[];
}

const UPPREPAT_ID = 'id:t förekommer flera gånger i filen';
const DATETIME = /^(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}(?::\d{2})? [+-]\d{2}:\d{2}$/;
const POLISEN = 'https://polisen.se';

export function kallaIdFor(feedId: string): string {
  return `polisen:${feedId}`;
}

/** The stored id of an event from the police's feed (JSON or CSV): one row per feed id. */
export function handelseIdFor(feedId: string): string {
  return `polisen-${feedId}`.slice(0, 64);
}

type Tolkat = { ok: true; handelse: Handelse } | { ok: false; skal: string };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function gps(value: unknown): { lat: number; lon: number } | null {
  const parts = typeof value === 'string' ? value.split(',').map((s) => Number(s.trim())) : [];
  const [lat, lon] = parts;
  if (parts.length !== 2 || lat === undefined || lon === undefined) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  return { lat, lon };
}

/** One feed item → an unsaved Handelse, or the reason it is skipped. */
function tolka(item: Record<string, unknown>, feedId: string, omradeId: string): Tolkat {
  const typ = text(item.type);
  if (!typ) return { ok: false, skal: 'händelsetyp (type) saknas' };
  const mappning = TYP_MAPPNING[typ];
  if (!mappning) {
    return { ok: false, skal: `händelsetypen "${typ}" hör inte till polisens lägesbild` };
  }
  const m = DATETIME.exec(typeof item.datetime === 'string' ? item.datetime.trim() : '');
  if (!m?.[1]) {
    return {
      ok: false,
      skal: 'tidpunkten (datetime) anges som "ÅÅÅÅ-MM-DD TT:MM:SS +01:00"',
    };
  }
  // The feed writes local time with its offset: the date as written is the Swedish date.
  const datum = m[1];
  let range: { fran: string; till: string };
  try {
    range = dayRange(datum);
  } catch {
    return { ok: false, skal: `datumet ${datum} finns inte i kalendern` };
  }
  // The shared rule of every channel: nothing is reported for a day that has not begun.
  const ejBorjad = ejPaborjadPeriodFel({ text: datum, fran: range.fran });
  if (ejBorjad) return { ok: false, skal: ejBorjad };
  const rubrik = text(item.name);
  if (!rubrik) return { ok: false, skal: 'rubrik (name) saknas' };
  const beskrivning = text(item.summary) ?? rubrik;
  const location = (item.location ?? {}) as Record<string, unknown>;
  const plats = text(location.name);
  const url = text(item.url);
  const kallaUrl = url ? (url.startsWith('/') ? `${POLISEN}${url}` : url) : null;
  // The mutation's rules for its text: refused with the reason, never cut or cleaned.
  for (const [falt, varde, max] of [
    ['name', rubrik, RUBRIK_MAX],
    ['summary', beskrivning, BESKRIVNING_MAX],
    ['location.name', plats, PLATSBESKRIVNING_MAX],
    ['url', kallaUrl, URL_MAX],
  ] as const) {
    const fel = varde === null ? null : fritextFel(varde, max);
    if (fel) return { ok: false, skal: `${falt}: ${fel}` };
  }
  if (innehallerPersonnummer(`${rubrik} ${beskrivning}`)) {
    return {
      ok: false,
      skal: 'texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
    };
  }
  const handelse = new Handelse(
    handelseIdFor(feedId),
    omradeId,
    { text: datum, ...range },
    {
      typ: mappning.typ,
      rubrik,
      beskrivning,
      // The feed names no environment; the police can classify the event afterwards.
      miljo: Miljo.OSPECIFICERAD,
    },
  );
  handelse.datum = datum;
  handelse.vald = mappning.vald;
  handelse.kallaId = kallaIdFor(feedId);
  handelse.platsbeskrivning = plats;
  const position = gps(location.gps);
  handelse.lat = position?.lat ?? null;
  handelse.lon = position?.lon ?? null;
  handelse.kallaUrl = kallaUrl;
  return { ok: true, handelse };
}

/**
 * A feed file's bytes as JSON: refused whole when it is not UTF-8 (the feed's encoding; a
 * Latin-1 file would otherwise be read with U+FFFD in place of å ä ö), or not JSON.
 */
export function lasFlode(bytes: Uint8Array): unknown {
  const fel = ejUtf8(bytes);
  if (fel) throw new Error(ejUtf8Text(fel));
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new Error(`filen är inte giltig JSON (${(error as Error).message})`);
  }
}

export async function importHandelser(
  em: EntityManager,
  items: unknown,
  options: {
    omradeId: string;
    /** Who runs the import, for the audit log: every imported event gets an entry. */
    skrivare: Skrivare;
    /** The file's name, named in each entry. */
    kalla?: string;
  },
): Promise<ImportResultat> {
  const okant = okantOmradeFel(options.omradeId);
  if (okant) throw new Error(okant);
  if (!Array.isArray(items)) {
    throw new Error('Filen ska innehålla en JSON-lista med händelser i polisens flödesformat.');
  }
  const resultat: ImportResultat = { importerade: [], redanInlasta: [], overhoppade: [] };
  const nya = new Map<string, Handelse>();
  items.forEach((raw, index) => {
    const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const id =
      typeof item.id === 'number' || typeof item.id === 'string' ? String(item.id).trim() : '';
    if (id === '') {
      resultat.overhoppade.push({ id: `#${index + 1}`, skal: 'id saknas' });
      return;
    }
    if (nya.has(id)) {
      resultat.overhoppade.push({ id, skal: UPPREPAT_ID });
      return;
    }
    const tolkat = tolka(item, id, options.omradeId);
    if (tolkat.ok) nya.set(id, tolkat.handelse);
    else resultat.overhoppade.push({ id, skal: tolkat.skal });
  });

  await em.transactional(async (tx) => {
    const kallaIds = [...nya.keys()].map(kallaIdFor);
    const finns = new Set(
      kallaIds.length === 0
        ? []
        : (await tx.find(Handelse, { kallaId: { $in: kallaIds } }, { fields: ['kallaId'] })).map(
            (h) => h.kallaId,
          ),
    );
    const skrivna: string[] = [];
    for (const [id, handelse] of nya) {
      if (finns.has(kallaIdFor(id))) {
        resultat.redanInlasta.push(id);
      } else {
        tx.persist(handelse);
        resultat.importerade.push(id);
        skrivna.push(
          `Handelse:${handelse.id} ny, ${options.kalla ? `${options.kalla} ` : ''}flödes-id ${id}`,
        );
      }
    }
    await tx.flush();
    // In the run's one transaction: the events and their entries commit together.
    await loggaSkrivningar(tx, options.skrivare, skrivna);
  });
  return resultat;
}

/** The summary the command prints. */
export function sammanfattning(r: ImportResultat): string {
  const lines = [
    `Importerade: ${r.importerade.length}`,
    `Redan inlästa: ${r.redanInlasta.length}`,
    `Överhoppade: ${r.overhoppade.length}`,
    ...r.overhoppade.map((o) => `  - ${o.id}: ${o.skal}`),
  ];
  return lines.join('\n');
}

/**
 * `POST /import/handelser` with the feed's JSON: the same import as the command, answered
 * as every HTTP import is (ImportSvar): a skipped item's `rad` is its position in the list,
 * from 1. Not a list is a 400.
 */
export async function importHandelserHttp(
  em: EntityManager,
  items: unknown,
  val: HttpImportVal,
): Promise<ImportSvar> {
  if (!Array.isArray(items)) {
    throw new RestFel(
      400,
      'Filen ska innehålla en JSON-lista med händelser i polisens flödesformat.',
    );
  }
  const r = await importHandelser(em, items, {
    omradeId: val.kontext.omradeId,
    skrivare: val.skrivare,
    kalla: val.kalla,
  });
  // Where each skipped item stood: the first of an id where it was skipped, a repeat of an
  // id (skipped as such) where the repeat stood, an item without id by its `#n`.
  const forsta = new Map<string, number>();
  const upprepade = new Map<string, number[]>();
  items.forEach((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    const text = typeof id === 'number' || typeof id === 'string' ? String(id).trim() : '';
    if (text === '') return;
    if (!forsta.has(text)) forsta.set(text, i + 1);
    else upprepade.set(text, [...(upprepade.get(text) ?? []), i + 1]);
  });
  const rad = (o: { id: string; skal: string }) => {
    if (/^#\d+$/.test(o.id)) return Number(o.id.slice(1));
    const igen = upprepade.get(o.id);
    if (o.skal === UPPREPAT_ID && igen?.length) return igen.shift() as number;
    return forsta.get(o.id) ?? 0;
  };
  return {
    lasta: items.length,
    importerade: r.importerade.length,
    uppdaterade: 0,
    oforandrade: r.redanInlasta.length,
    avvisade: r.overhoppade.map((o) => ({
      rad: rad(o),
      id: o.id,
      skal: [o.skal],
    })),
  };
}
