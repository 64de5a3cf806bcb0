/**
 * The rules for a school's answers, shared by `lamnaSvar` and the CSV import: an answer
 * set replaces the previous one until the survey closes, never after, and every answer
 * must fit its question.
 */
import { randomUUID } from 'node:crypto';
import { badUserInput } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { EnkatMottagare, Fraga, FragaTyp, Skola, Svar, Svarsuppsattning } from './entities';
import { oppenEnkat } from './resolvers/enkat.resolver';
import type { LamnaSvarInput, SvarInput } from './resolvers/types/skola.input';

/** What class-validator cannot see: does the answer fit its question's type? */
export function svarProblem(
  s: SvarInput,
  fraga: Fraga,
  i: number,
): { field: string; reason: string } | null {
  const at = (f: string) => `svar.${i}.${f}`;
  switch (fraga.typ) {
    case FragaTyp.JA_NEJ:
      if (s.ja == null) return { field: at('ja'), reason: 'en ja/nej-fråga besvaras med ja' };
      if (s.alternativ != null)
        return { field: at('alternativ'), reason: 'frågan har inga alternativ' };
      return null;
    case FragaTyp.FLERVAL:
      if (s.ja != null)
        return { field: at('ja'), reason: 'en flervalsfråga besvaras med ett alternativ' };
      if (s.alternativ == null || !fraga.alternativ.includes(s.alternativ)) {
        return { field: at('alternativ'), reason: 'välj ett av frågans alternativ' };
      }
      return null;
    case FragaTyp.FRITEXT:
      if (s.ja != null || s.alternativ != null) {
        return { field: at('text'), reason: 'en fritextfråga besvaras med text' };
      }
      if (!s.text?.trim()) return { field: at('text'), reason: 'texten saknas' };
      return null;
  }
}

/**
 * Checks a school's answers to a survey and stores them in place of any earlier set, in
 * the caller's transaction; throws BAD_USER_INPUT (having written nothing) when a rule
 * refuses them. Who may answer for which school is the caller's check.
 */
export async function lamnaSvarsuppsattning(
  tx: EntityManager,
  input: LamnaSvarInput,
): Promise<Svarsuppsattning> {
  const dubblett = input.svar.findIndex(
    (s, i) => input.svar.findIndex((t) => t.fragaId === s.fragaId) !== i,
  );
  if (dubblett >= 0) {
    throw badUserInput('Samma fråga besvaras flera gånger.', [
      { field: `svar.${dubblett}.fragaId`, reason: 'frågan är redan besvarad' },
    ]);
  }
  // The school first: an unknown school is said to be unknown, whatever the survey's state
  // (a closed survey would otherwise answer for it).
  const skola = await tx.findOne(Skola, { id: input.skolaId });
  if (!skola) {
    throw badUserInput(`Det finns ingen skola med id "${input.skolaId}".`, [
      { field: 'skolaId', reason: 'okänd skola' },
    ]);
  }
  const enkat = await oppenEnkat(tx, input.enkatId);
  const mottagare = await tx.find(EnkatMottagare, { enkatId: enkat.id });
  if (mottagare.length > 0 && !mottagare.some((m) => m.skolaId === skola.id)) {
    throw badUserInput(`Enkäten skickades inte till ${skola.namn}.`, [
      { field: 'skolaId', reason: 'skolan fick inte enkäten' },
    ]);
  }
  const fragor = new Map(
    (await tx.find(Fraga, { enkatId: enkat.id })).map((f) => [f.id, f] as const),
  );
  for (const [i, s] of input.svar.entries()) {
    const fraga = fragor.get(s.fragaId);
    if (!fraga) {
      throw badUserInput(`Enkäten har ingen fråga med id "${s.fragaId}".`, [
        { field: `svar.${i}.fragaId`, reason: 'okänd fråga' },
      ]);
    }
    const problem = svarProblem(s, fraga, i);
    if (problem) throw badUserInput(`Fråga ${fraga.nr}: ${problem.reason}.`, [problem]);
  }

  // One answer set per school and survey: a new submission replaces the old answers.
  let uppsattning = await tx.findOne(Svarsuppsattning, {
    enkatId: enkat.id,
    skolaId: skola.id,
  });
  if (uppsattning) {
    await tx.nativeDelete(Svar, { svarsuppsattningId: uppsattning.id });
  } else {
    uppsattning = new Svarsuppsattning(randomUUID(), enkat.id, skola.id);
    tx.persist(uppsattning);
  }
  uppsattning.inskickad = new Date().toISOString();
  for (const s of input.svar) {
    const svar = new Svar(randomUUID(), uppsattning, s.fragaId);
    svar.ja = s.ja ?? null;
    svar.alternativ = s.alternativ ?? null;
    svar.text = s.text?.trim() || null;
    tx.persist(svar);
  }
  return uppsattning;
}
