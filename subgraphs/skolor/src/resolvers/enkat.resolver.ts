import { randomUUID } from 'node:crypto';
import { type Period, PeriodScalar, procentVisning } from '@lagesbild/domain';
import {
  badUserInput,
  ejLevandeBehorig,
  type FieldProblem,
  KraverBehorighet,
  kantOmradeId,
  LevandeData,
} from '@lagesbild/subgraph-kit';
import { visadAndel, visatAntal } from '@lagesbild/subgraph-kit/federation';
import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { marLasaSkolsvar, marSeSkolansSvar, SKOLOR } from '../behorighet';
import {
  Enkat,
  EnkatMottagare,
  EnkatStatus,
  Fraga,
  FragaTyp,
  Skola,
  Svarsuppsattning,
} from '../entities';
import type { EnkatSummering } from '../loaders';
import { EnkatResultat, FragaResultat } from '../types/skolor.type';
import type { Context } from './context';
import { type FragaInput, LaggTillFragaInput, SkapaEnkatInput } from './types/enkat.input';

/** Response rate from recipients and respondents; unknown recipients give unknown rate. */
export function enkatResultat(utskick: number | null, besvarade: number): EnkatResultat {
  const svarsfrekvens = utskick ? besvarade / utskick : null;
  return {
    utskick,
    besvarade,
    svarsfrekvens,
    svarsfrekvensVisning: svarsfrekvens === null ? 'okänd' : procentVisning(svarsfrekvens),
  };
}

/** What class-validator cannot see: which fields a question of this type may carry. */
function fragaProblem(f: FragaInput, prefix: string): FieldProblem | null {
  const alternativ = f.alternativ ?? [];
  if (f.miljo != null && f.typ !== FragaTyp.JA_NEJ) {
    return { field: `${prefix}miljo`, reason: 'bara ja/nej-frågor gäller en miljö' };
  }
  if (f.typ === FragaTyp.FLERVAL && alternativ.length < 2) {
    return {
      field: `${prefix}alternativ`,
      reason: 'en flervalsfråga behöver minst två alternativ',
    };
  }
  if (f.typ !== FragaTyp.FLERVAL && alternativ.length > 0) {
    return { field: `${prefix}alternativ`, reason: 'bara flervalsfrågor har alternativ' };
  }
  return null;
}

function nyFraga(f: FragaInput, enkatId: string, nr: number): Fraga {
  const fraga = new Fraga(randomUUID(), enkatId, nr, f.text.trim(), f.typ);
  fraga.miljo = f.miljo ?? null;
  fraga.alternativ = (f.alternativ ?? []).map((a) => a.trim());
  return fraga;
}

export async function oppenEnkat(tx: EntityManager, enkatId: string): Promise<Enkat> {
  const enkat = await tx.findOne(Enkat, { id: enkatId });
  if (!enkat) {
    throw badUserInput(`Det finns ingen enkät med id "${enkatId}".`, [
      { field: 'enkatId', reason: 'okänd enkät' },
    ]);
  }
  if (!enkat.tarEmotSvar(new Date().toISOString().slice(0, 10))) {
    throw badUserInput(`Enkäten "${enkat.titel}" är stängd.`, [
      { field: 'enkatId', reason: 'enkäten är stängd' },
    ]);
  }
  return enkat;
}

@Resolver(() => Enkat)
export class EnkatResolver {
  @Query(() => Enkat, { nullable: true })
  enkat(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Enkat | null> {
    return ctx.loaders.enkat.load(id);
  }

  @Query(() => [Enkat], { description: 'Enkäterna för ett område inom en period.' })
  enkater(
    @Arg('omrade', () => String) omrade: string,
    @Arg('period', () => PeriodScalar) period: Period,
    @Ctx() ctx: Context,
  ): Promise<Enkat[]> {
    return ctx.loaders.enkater.load({ omradeId: kantOmradeId(omrade), period });
  }

  @FieldResolver(() => [Fraga])
  fragor(@Root() e: Enkat, @Ctx() ctx: Context): Promise<Fraga[]> {
    return ctx.loaders.fragor.load(e.id);
  }

  @LevandeData(SKOLOR)
  @FieldResolver(() => EnkatResultat, {
    nullable: true,
    description:
      'Utskick, antal svarande och svarsfrekvens (där antalet mottagare är känt); null med ' +
      'felet FORBIDDEN för läsare som inte är behöriga för skolornas levande uppgifter.',
  })
  async resultat(@Root() e: Enkat, @Ctx() ctx: Context): Promise<EnkatResultat> {
    const s = await ctx.loaders.enkatSummering.load(e.id);
    return enkatResultat(s.mottagare > 0 ? s.mottagare : null, s.besvarade);
  }

  @FieldResolver(() => [Svarsuppsattning], {
    nullable: true,
    description:
      'Skolornas enskilda svar: alla för utbildningsförvaltningen, den egna skolans för en ' +
      'skola, inga för övriga som är behöriga för skolornas uppgifter; null med felet ' +
      'FORBIDDEN för läsare som inte är det.',
  })
  async svar(@Root() e: Enkat, @Ctx() ctx: Context): Promise<Svarsuppsattning[]> {
    // A school reads its own answers though it is not cleared for the schools' data.
    if (!marLasaSkolsvar(ctx.viewer)) throw ejLevandeBehorig(SKOLOR);
    const all = await ctx.loaders.svarsuppsattningar.load(e.id);
    return all.filter((u) => marSeSkolansSvar(ctx.viewer, u.skolaId));
  }

  @KraverBehorighet('roll:UTBILDNINGSFORVALTNING', 'roll:ADMIN')
  @Mutation(() => Enkat, {
    description: 'Skapa en enkät till skolorna (utbildningsförvaltningen).',
  })
  async skapaEnkat(
    @Arg('input', () => SkapaEnkatInput) input: SkapaEnkatInput,
    @Ctx() ctx: Context,
  ): Promise<Enkat> {
    if (input.skickad && input.sistaSvarsdag && input.sistaSvarsdag < input.skickad) {
      throw badUserInput('Sista svarsdag ligger före utskicket.', [
        { field: 'sistaSvarsdag', reason: 'före utskicksdatum' },
      ]);
    }
    const fragor = input.fragor ?? [];
    for (const [i, f] of fragor.entries()) {
      const problem = fragaProblem(f, `fragor.${i}.`);
      if (problem) throw badUserInput(`Fråga ${i + 1}: ${problem.reason}.`, [problem]);
    }
    return ctx.em.transactional(async (tx) => {
      const mottagare = input.mottagare ?? [];
      if (mottagare.length > 0) {
        const skolor = await tx.find(Skola, { id: { $in: mottagare } });
        const saknas = mottagare.filter((id) => !skolor.some((s) => s.id === id));
        if (saknas.length > 0) {
          throw badUserInput(`Okända skolor bland mottagarna: ${saknas.join(', ')}.`, [
            { field: 'mottagare', reason: 'okänd skola' },
          ]);
        }
        const annat = skolor.filter((s) => s.omradeId !== input.omradeId);
        if (annat.length > 0) {
          throw badUserInput(
            `Skolor i ett annat område bland mottagarna: ${annat.map((s) => s.namn).join(', ')}.`,
            [{ field: 'mottagare', reason: 'skolan ligger i ett annat område' }],
          );
        }
      }
      const enkat = new Enkat(randomUUID(), input.omradeId, input.period, input.titel.trim());
      enkat.skickad = input.skickad ?? null;
      enkat.sistaSvarsdag = input.sistaSvarsdag ?? null;
      tx.persist(enkat);
      for (const skolaId of mottagare) {
        tx.persist(new EnkatMottagare(randomUUID(), enkat.id, skolaId));
      }
      fragor.forEach((f, i) => {
        tx.persist(nyFraga(f, enkat.id, i + 1));
      });
      return enkat;
    });
  }

  @KraverBehorighet('roll:UTBILDNINGSFORVALTNING', 'roll:ADMIN')
  @Mutation(() => Fraga, { description: 'Lägg till en fråga sist i en öppen enkät.' })
  async laggTillFraga(
    @Arg('input', () => LaggTillFragaInput) input: LaggTillFragaInput,
    @Ctx() ctx: Context,
  ): Promise<Fraga> {
    const problem = fragaProblem(input, '');
    if (problem) throw badUserInput(`Frågan: ${problem.reason}.`, [problem]);
    return ctx.em.transactional(async (tx) => {
      const enkat = await oppenEnkat(tx, input.enkatId);
      const last = await tx.findOne(Fraga, { enkatId: enkat.id }, { orderBy: { nr: 'desc' } });
      const fraga = nyFraga(input, enkat.id, (last?.nr ?? 0) + 1);
      tx.persist(fraga);
      return fraga;
    });
  }

  @KraverBehorighet('roll:UTBILDNINGSFORVALTNING', 'roll:ADMIN')
  @Mutation(() => Enkat, { description: 'Stäng en enkät: därefter ändras inga svar.' })
  async stangEnkat(@Arg('enkatId', () => ID) enkatId: string, @Ctx() ctx: Context): Promise<Enkat> {
    return ctx.em.transactional(async (tx) => {
      const enkat = await tx.findOne(Enkat, { id: enkatId });
      if (!enkat) {
        throw badUserInput(`Det finns ingen enkät med id "${enkatId}".`, [
          { field: 'enkatId', reason: 'okänd enkät' },
        ]);
      }
      if (enkat.status === EnkatStatus.STANGD) {
        throw badUserInput(`Enkäten "${enkat.titel}" är redan stängd.`, [
          { field: 'enkatId', reason: 'enkäten är redan stängd' },
        ]);
      }
      enkat.status = EnkatStatus.STANGD;
      enkat.stangd = new Date().toISOString();
      return enkat;
    });
  }
}

@Resolver(() => Fraga)
export class FragaResolver {
  @LevandeData(SKOLOR)
  @FieldResolver(() => FragaResultat, {
    nullable: true,
    description:
      'Antal och andel ja, eller antal per alternativ; null med felet FORBIDDEN för läsare ' +
      'som inte är behöriga för skolornas levande uppgifter.',
  })
  async resultat(@Root() f: Fraga, @Ctx() ctx: Context): Promise<FragaResultat> {
    const s: EnkatSummering = await ctx.loaders.enkatSummering.load(f.enkatId);
    const r = s.perFraga.get(f.id) ?? { besvarade: 0, ja: 0, alternativ: new Map() };
    const jaNej = f.typ === FragaTyp.JA_NEJ;
    return {
      besvarade: r.besvarade,
      ja: jaNej ? visatAntal(r.ja) : null,
      andelJa: jaNej ? visadAndel(r.ja, r.besvarade) : null,
      alternativ: f.alternativ.map((alternativ) => ({
        alternativ,
        antal: visatAntal(r.alternativ.get(alternativ) ?? 0),
      })),
    };
  }
}
