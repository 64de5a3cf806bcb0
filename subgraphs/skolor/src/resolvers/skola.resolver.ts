import { randomUUID } from 'node:crypto';
import { Roll } from '@lagesbild/domain';
import { badUserInput, forbidden, KraverBehorighet, kantOmradeId } from '@lagesbild/subgraph-kit';
import { OmradeRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Skola, Svar, Svarsuppsattning } from '../entities';
import { lamnaSvarsuppsattning } from '../registrering';
import type { Context } from './context';
import { LamnaSvarInput, RegistreraSkolaInput } from './types/skola.input';

@Resolver(() => Skola)
export class SkolaResolver {
  @Query(() => [Skola], { description: 'Skolorna i ett område.' })
  skolor(@Arg('omrade', () => String) omrade: string, @Ctx() ctx: Context): Promise<Skola[]> {
    return ctx.loaders.skolorIOmrade.load(kantOmradeId(omrade));
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
    nullable: true,
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
    return ctx.em.transactional((tx) => lamnaSvarsuppsattning(tx, input));
  }
}
