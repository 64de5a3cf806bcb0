import { kontrollteckenFel } from '@lagesbild/domain';
import type { EntityManager } from '@mikro-orm/core';
import { type ValidationError, validateSync } from 'class-validator';
import { loggaSkrivningar, type Skrivare } from '../granskning';
import { type CsvFil, type CsvPost } from './csv';
import {
  type CsvImporter,
  egenskapFor,
  type GodRad,
  type ImportKontext,
  kolumnFor,
  type Utfall,
} from './importer';
import type { Framsteg } from './progress';

export interface Avvisad {
  /** Line in the file (the header is line 1). */
  rad: number;
  /** Every reason, in Swedish. */
  skal: string[];
  /** The row as written, for the report. */
  varden: string[];
}

export interface ImportResultat {
  lasta: number;
  /** New rows, and existing ones the write rules changed (counted again in `uppdaterade`). */
  importerade: number;
  uppdaterade: number;
  redanInlasta: number;
  avvisade: Avvisad[];
}

export interface KorVal {
  kontext: ImportKontext;
  /** Rows per transaction. */
  batch?: number;
  framsteg?: Framsteg;
  /** Who runs the import and from which file, for the audit log: every written record gets an entry. */
  granskning: { skrivare: Skrivare; fil: string };
}

/**
 * The audit entries of one batch: one per record written (new or changed), none for a row
 * already present or refused. One entry per record rather than one per batch, so the admin
 * finds a record's origin by its id (as for a mutation); they go in with one INSERT per
 * 500, inside the batch's transaction.
 */
export function skrivnaPoster<R>(
  posttyp: string,
  fil: string,
  rader: readonly GodRad<R>[],
  utfall: readonly Utfall[],
): string[] {
  const poster = new Map<string, { utfall: string; rader: number[] }>();
  rader.forEach((r, i) => {
    const u = utfall[i];
    if (u !== 'ny' && u !== 'uppdaterad') return;
    const post = `${posttyp}:${r.postId ?? r.nyckel}`;
    const finns = poster.get(post);
    if (finns) finns.rader.push(r.rad);
    else poster.set(post, { utfall: u, rader: [r.rad] });
  });
  return [...poster].map(([post, { utfall: u, rader: nr }]) => {
    const plats =
      nr.length === 1 ? `rad ${nr[0]}` : `rad ${nr[0]}–${nr.at(-1)} (${nr.length} rader)`;
    return `${post} ${u}, ${fil} ${plats}`;
  });
}

/** Problems with the header, or none: every required column there, no unknown one. */
export function rubrikproblem(importer: CsvImporter<object>, kolumner: string[]): string[] {
  const kanda = new Set([...importer.obligatoriska, ...(importer.valfria ?? [])]);
  const problem: string[] = [];
  const saknas = importer.obligatoriska.filter((k) => !kolumner.includes(k));
  if (saknas.length > 0) problem.push(`kolumner saknas: ${saknas.join(', ')}`);
  const okanda = kolumner.filter((k) => !kanda.has(k));
  if (okanda.length > 0)
    problem.push(`okända kolumner: ${okanda.map((k) => k || '(tom)').join(', ')}`);
  const dubbla = kolumner.filter((k, i) => kolumner.indexOf(k) !== i);
  if (dubbla.length > 0)
    problem.push(`kolumner står flera gånger: ${[...new Set(dubbla)].join(', ')}`);
  return problem;
}

function valideringsskal(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const kolumn = prefix || kolumnFor(e.property);
    return [
      ...Object.values(e.constraints ?? {}).map((reason) => `${kolumn}: ${reason}`),
      ...valideringsskal(e.children ?? [], kolumn),
    ];
  });
}

type Tolkad<R> = { ok: GodRad<R> } | { skal: string[] };

function tolka<R extends object>(
  importer: CsvImporter<R>,
  post: CsvPost,
  kontext: ImportKontext,
): Tolkad<R> {
  if (post.felAntal !== undefined) {
    return {
      skal: [
        `raden har ${post.felAntal} fält men rubrikraden ${Object.keys(post.falt).length}; kontrollera avgränsare och citattecken`,
      ],
    };
  }
  // No cell carries a control character, whatever its column: the rule mutations share
  // (IngaKontrolltecken), checked here for every cell before any value is read.
  const kontroll = Object.entries(post.falt).flatMap(([kolumn, varde]) => {
    const fel = kontrollteckenFel(varde);
    return fel ? [`${kolumn}: ${fel}`] : [];
  });
  if (kontroll.length > 0) return { skal: kontroll };
  const rad = new importer.radklass();
  for (const [kolumn, varde] of Object.entries(post.falt)) {
    if (varde !== '') (rad as Record<string, unknown>)[egenskapFor(kolumn)] = varde;
  }
  importer.tolka?.(rad, kontext);
  const skal = valideringsskal(
    validateSync(rad, { forbidUnknownValues: false, validationError: { target: false } }),
  );
  if (skal.length === 0) skal.push(...(importer.check?.(rad, kontext) ?? []));
  if (skal.length > 0) return { skal };
  return { ok: { rad: post.rad, nyckel: importer.nyckel(rad, kontext), data: rad } };
}

/**
 * Runs one import over an open CSV file: every row validated (class-validator, then the
 * importer's check), the good ones written in batches of `batch` rows, each batch in its
 * own transaction (a killed run leaves whole batches; run again, they count as already
 * present), the bad ones collected with their line and reasons.
 */
export async function korImport<R extends object>(
  em: EntityManager,
  importer: CsvImporter<R>,
  fil: CsvFil,
  val: KorVal,
): Promise<ImportResultat> {
  const storlek = Math.max(1, val.batch ?? 500);
  const resultat: ImportResultat = {
    lasta: 0,
    importerade: 0,
    uppdaterade: 0,
    redanInlasta: 0,
    avvisade: [],
  };
  const varden = new Map<number, string[]>();
  const avvisa = (rad: number, skal: string[], v: string[]) =>
    resultat.avvisade.push({ rad, skal, varden: v });
  const sedda = new Map<string, number>();
  let batch: GodRad<R>[] = [];

  const skriv = async () => {
    if (batch.length === 0) return;
    const rader = batch;
    batch = [];
    const { skrivare, fil: filnamn } = val.granskning;
    const utfall: Utfall[] = await em.fork().transactional(async (tx) => {
      const u = await importer.skriv(tx, rader, val.kontext);
      await loggaSkrivningar(tx, skrivare, skrivnaPoster(importer.posttyp, filnamn, rader, u));
      return u;
    });
    rader.forEach((r, i) => {
      const u = utfall[i];
      if (u === 'ny') resultat.importerade += 1;
      else if (u === 'uppdaterad') {
        resultat.importerade += 1;
        resultat.uppdaterade += 1;
      } else if (u === 'finns') resultat.redanInlasta += 1;
      else avvisa(r.rad, u?.avvisad ?? ['raden skrevs inte'], varden.get(r.rad) ?? []);
      varden.delete(r.rad);
    });
  };

  // Group state: the group being read, its good and bad rows, the groups already closed.
  let grupp = null as { nyckel: string; beskrivning: string; start: number } | null;
  let gruppGoda: GodRad<R>[] = [];
  let gruppFel: number[] = [];
  const stangda = new Map<string, number>();
  const stangGrupp = async () => {
    if (!grupp) return;
    if (gruppFel.length > 0) {
      const skal = `${grupp.beskrivning} avvisas i sin helhet: rad ${gruppFel.join(', ')} är felaktig`;
      for (const g of gruppGoda) {
        avvisa(g.rad, [skal], varden.get(g.rad) ?? []);
        varden.delete(g.rad);
        sedda.delete(g.nyckel);
      }
    } else {
      batch.push(...gruppGoda);
    }
    stangda.set(grupp.nyckel, grupp.start);
    grupp = null;
    gruppGoda = [];
    gruppFel = [];
    if (batch.length >= storlek) await skriv();
  };

  for await (const post of fil.poster) {
    resultat.lasta += 1;
    val.framsteg?.uppdatera(fil.lastaBytes(), resultat.lasta);
    let tolkad = tolka(importer, post, val.kontext);
    if ('ok' in tolkad) {
      const forra = sedda.get(tolkad.ok.nyckel);
      if (forra !== undefined)
        tolkad = { skal: [`samma nyckel (${tolkad.ok.nyckel}) som rad ${forra}`] };
      else sedda.set(tolkad.ok.nyckel, post.rad);
    }

    if (importer.grupp) {
      const nyckel = importer.grupp.nyckel(post.falt);
      if (grupp?.nyckel !== nyckel) {
        await stangGrupp();
        const start = stangda.get(nyckel);
        if (start !== undefined) {
          if ('ok' in tolkad) sedda.delete(tolkad.ok.nyckel);
          avvisa(
            post.rad,
            [
              `${importer.grupp.beskrivning(post.falt)} ska stå i följd i filen; de började på rad ${start}`,
            ],
            post.varden,
          );
          continue;
        }
        grupp = { nyckel, beskrivning: importer.grupp.beskrivning(post.falt), start: post.rad };
      }
      if ('ok' in tolkad) {
        gruppGoda.push(tolkad.ok);
        varden.set(post.rad, post.varden);
      } else {
        gruppFel.push(post.rad);
        avvisa(post.rad, tolkad.skal, post.varden);
      }
      continue;
    }

    if ('ok' in tolkad) {
      batch.push(tolkad.ok);
      varden.set(post.rad, post.varden);
      if (batch.length >= storlek) await skriv();
    } else {
      avvisa(post.rad, tolkad.skal, post.varden);
    }
  }
  await stangGrupp();
  await skriv();
  val.framsteg?.uppdatera(fil.lastaBytes(), resultat.lasta);
  val.framsteg?.klar();
  resultat.avvisade.sort((a, b) => a.rad - b.rad);
  return resultat;
}
