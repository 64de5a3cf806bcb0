import { randomUUID } from 'node:crypto';
import { Roll } from '@lagesbild/domain';
import { badUserInput, forbidden, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { OmradeRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EnkatMottagare, Fraga, FragaTyp, Skola, Svar, Svarsuppsattning } from '../entities';
import type { Context } from './context';
import { oppenEnkat } from './enkat.resolver';
import { LamnaSvarInput, RegistreraSkolaInput, type SvarInput } from './types/skola.input';

/** What class-validator cannot see: does the answer fit its question's type? */
function svarProblem(
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

@Resolver(() => Skola)
export class SkolaResolver {
  @Query(() => [Skola], { description: 'Skolorna i ett område.' })
  skolor(@Arg('omrade', () => String) omrade: string, @Ctx() ctx: Context): Promise<Skola[]> {
    return ctx.loaders.skolorIOmrade.load(omrade);
  }

  @KraverBehorighet('roll:UTBILDNINGSFORVALTNING', 'roll:ADMIN')
  @Mutation(() => Skola, { description: 'Registrera en skola (utbildningsförvaltningen).' })
  async registreraSkola(
    @Arg('input', () => RegistreraSkolaInput) input: RegistreraSkolaInput,
    @Ctx() ctx: Context,
  ): Promise<Skola> {
    return ctx.em.transactional(async (tx) => {
      const namn = input.namn.trim();
      if (await tx.findOne(Skola, { omradeId: input.omradeId, namn })) {
        throw badUserInput(`Skolan "${namn}" finns redan i området.`, [
          { field: 'namn', reason: 'finns redan' },
        ]);
      }
      const skola = new Skola(randomUUID(), namn, input.omradeId);
      skola.huvudman = input.huvudman ?? null;
      tx.persist(skola);
      return skola;
    });
  }
}

@Resolver(() => OmradeRef)
export class OmradeSkolorResolver {
  @FieldResolver(() => [Skola], {
    description:
      'Skolorna i området. Källdokumentet namnger inga skolor; de inlagda är anonyma respondenter.',
  })
  skolor(@Root() o: OmradeRef, @Ctx() ctx: Context): Promise<Skola[]> {
    return ctx.loaders.skolorIOmrade.load(o.id);
  }
}

@Resolver(() => Svarsuppsattning)
export class SvarsuppsattningResolver {
  @FieldResolver(() => Skola, { nullable: true })
  skola(@Root() u: Svarsuppsattning, @Ctx() ctx: Context): Promise<Skola | null> {
    return ctx.loaders.skola.load(u.skolaId);
  }

  @FieldResolver(() => [Svar])
  svar(@Root() u: Svarsuppsattning, @Ctx() ctx: Context): Promise<Svar[]> {
    return ctx.loaders.svar.load(u.id);
  }

  @KraverBehorighet('roll:SKOLA', 'roll:ADMIN')
  @Mutation(() => Svarsuppsattning, {
    description:
      'Lämna skolans svar på en öppen enkät (roll SKOLA, för den egna skolan; ADMIN för en ' +
      'skolas räkning). Ett nytt svar ersätter det förra tills enkäten stängs.',
  })
  async lamnaSvar(
    @Arg('input', () => LamnaSvarInput) input: LamnaSvarInput,
    @Ctx() ctx: Context,
  ): Promise<Svarsuppsattning> {
    const admin = ctx.viewer.roller.includes(Roll.ADMIN);
    if (!admin && ctx.viewer.skolaId !== input.skolaId) {
      throw forbidden('Du kan bara lämna svar för din egen skola.');
    }
    const dubblett = input.svar.findIndex(
      (s, i) => input.svar.findIndex((t) => t.fragaId === s.fragaId) !== i,
    );
    if (dubblett >= 0) {
      throw badUserInput('Samma fråga besvaras flera gånger.', [
        { field: `svar.${dubblett}.fragaId`, reason: 'frågan är redan besvarad' },
      ]);
    }
    return ctx.em.transactional(async (tx) => {
      const enkat = await oppenEnkat(tx, input.enkatId);
      const skola = await tx.findOne(Skola, { id: input.skolaId });
      if (!skola) {
        throw badUserInput(`Det finns ingen skola med id "${input.skolaId}".`, [
          { field: 'skolaId', reason: 'okänd skola' },
        ]);
      }
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
    });
  }
}
