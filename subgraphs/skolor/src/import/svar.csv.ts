/**
 * CSV import of schools' survey answers: `skola;enkat;fraga;svar;text`, one row per answer,
 * `fraga` the question's number in the survey. A school's rows for one survey are its
 * answer set: they stand together in the file and are taken or refused whole, through the
 * same function as `lamnaSvar` (lamnaSvarsuppsattning): a set replaces the previous one
 * until the survey closes, never after. The same set again is already present.
 *
 * `svar` holds what the question's type asks for: ja/nej, one of the alternatives, or the
 * free text; `text` is what the school observed with a ja/nej or a multiple choice answer.
 */

import { Roll } from '@lagesbild/domain';
import { IngaKontrolltecken, IngaPersonuppgifter, Textlangd } from '@lagesbild/subgraph-kit';
import {
  type CsvImporter,
  type GodRad,
  jaNej,
  maImporteraFor,
  type Utfall,
} from '@lagesbild/subgraph-kit/import';
import type { EntityManager } from '@mikro-orm/core';
import { IsInt, IsOptional, Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Fraga, FragaTyp, Svar, Svarsuppsattning } from '../entities';
import { lamnaSvarsuppsattning } from '../registrering';
import type { SvarInput } from '../resolvers/types/skola.input';

export class SvarRad {
  @Textlangd(1, 64, 'skolans id ska vara 1–64 tecken')
  skola!: string;

  @Textlangd(1, 64, 'enkätens id ska vara 1–64 tecken')
  enkat!: string;

  @IsInt({ message: 'frågan anges med sitt nummer i enkäten (1, 2, …)' })
  @Min(1, { message: 'frågan anges med sitt nummer i enkäten (1, 2, …)' })
  fraga!: number;

  @Textlangd(1, 2000, 'svaret ska vara 1–2000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  svar!: string;

  @IsOptional()
  @Textlangd(2, 2000, 'texten ska vara 2–2000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  text?: string;
}

const gruppnyckel = (enkat: string, skola: string) => `${enkat.trim()}|${skola.trim()}`;

/** A row as the mutation's answer, or why its value does not fit the question's type. */
function somSvar(rad: SvarRad, fraga: Fraga): SvarInput | string {
  switch (fraga.typ) {
    case FragaTyp.JA_NEJ: {
      const ja = jaNej(rad.svar);
      if (typeof ja !== 'boolean') return `fråga ${fraga.nr} besvaras med ja eller nej`;
      return { fragaId: fraga.id, ja, text: rad.text ?? null };
    }
    case FragaTyp.FLERVAL:
      return { fragaId: fraga.id, alternativ: rad.svar.trim(), text: rad.text ?? null };
    case FragaTyp.FRITEXT:
      if (rad.text) return `fråga ${fraga.nr} är en fritextfråga: svaret står i kolumnen svar`;
      return { fragaId: fraga.id, text: rad.svar };
  }
}

const jamforbar = (s: {
  fragaId: string;
  ja?: boolean | null;
  alternativ?: string | null;
  text?: string | null;
}) => JSON.stringify([s.fragaId, s.ja ?? null, s.alternativ ?? null, s.text?.trim() || null]);

/** One school's answer set from the file: identical to the stored one, stored, or refused. */
async function skrivUppsattning(tx: EntityManager, rader: GodRad<SvarRad>[]): Promise<Utfall> {
  const forsta = (rader[0] as GodRad<SvarRad>).data;
  const enkatId = forsta.enkat.trim();
  const skolaId = forsta.skola.trim();
  const fragor = new Map((await tx.find(Fraga, { enkatId })).map((f) => [f.nr, f] as const));
  const svar: SvarInput[] = [];
  const problem: string[] = [];
  for (const { data } of rader) {
    const fraga = fragor.get(data.fraga);
    const s = fraga ? somSvar(data, fraga) : `enkäten har ingen fråga ${data.fraga}`;
    if (typeof s === 'string') problem.push(s);
    else svar.push(s);
  }
  if (problem.length > 0) return { avvisad: problem };

  const tidigare = await tx.findOne(Svarsuppsattning, { enkatId, skolaId });
  if (tidigare) {
    const lagrade = await tx.find(Svar, { svarsuppsattningId: tidigare.id });
    const a = lagrade.map(jamforbar).sort().join('\n');
    const b = svar.map(jamforbar).sort().join('\n');
    if (a === b) return 'finns';
  }
  try {
    const uppsattning = await lamnaSvarsuppsattning(tx, { enkatId, skolaId, svar });
    for (const r of rader) r.postId = uppsattning.id;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
      return { avvisad: [error.message] };
    }
    throw error;
  }
  return tidigare ? 'uppdaterad' : 'ny';
}

export const svarImporter: CsvImporter<SvarRad> = {
  namn: 'enkätsvar',
  posttyp: 'Svarsuppsattning',
  radklass: SvarRad,
  obligatoriska: ['skola', 'enkat', 'fraga', 'svar'],
  valfria: ['text'],
  tolka(rad) {
    const r = rad as unknown as Record<string, unknown>;
    if (typeof r.fraga === 'string' && /^\d+$/.test(r.fraga)) r.fraga = Number(r.fraga);
  },
  check(rad, kontext) {
    // Over HTTP the rows are the sender's: the education administration sends any school's
    // answers, a school (as lamnaSvar) only its own.
    const egen =
      kontext.avsandare?.roller.includes(Roll.SKOLA) &&
      kontext.avsandare.skolaId === rad.skola.trim();
    if (egen || maImporteraFor(kontext, [Roll.UTBILDNINGSFORVALTNING])) return [];
    return [`skola: din behörighet gäller inte skolan "${rad.skola.trim()}"`];
  },
  nyckel: (rad) => `${gruppnyckel(rad.enkat, rad.skola)}|${rad.fraga}`,
  grupp: {
    nyckel: (falt) => gruppnyckel(falt.enkat ?? '', falt.skola ?? ''),
    beskrivning: (falt) => `svaren från skolan "${falt.skola}" på enkäten "${falt.enkat}"`,
  },
  async skriv(tx, rader) {
    // The kit hands over whole groups, each standing together: split the batch into them.
    const grupper: GodRad<SvarRad>[][] = [];
    let nyckel: string | null = null;
    for (const r of rader) {
      const g = gruppnyckel(r.data.enkat, r.data.skola);
      if (g !== nyckel) grupper.push([]);
      nyckel = g;
      grupper.at(-1)?.push(r);
    }
    const utfall: Utfall[] = [];
    for (const grupp of grupper) {
      const u = await skrivUppsattning(tx, grupp);
      for (const _ of grupp) utfall.push(u);
    }
    return utfall;
  },
};
