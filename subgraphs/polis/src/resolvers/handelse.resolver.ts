import { randomUUID } from 'node:crypto';
import { badUserInput, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Gruppering, Handelse } from '../entities';
import { handelseProblem, nyHandelse, platsIdn } from '../registrering';
import type { Context } from './context';
import { RegistreraHandelseInput } from './types/handelse.input';

@Resolver(() => Handelse)
export class HandelseResolver {
  @FieldResolver(() => [PlatsRef], {
    description: 'Platserna, med samma id som förvaltningens platsregister.',
  })
  async platser(@Root() h: Handelse, @Ctx() ctx: Context): Promise<PlatsRef[]> {
    return (await ctx.loaders.handelsePlatser.load(h.id)).map((p) => new PlatsRef(p.platsId));
  }

  @FieldResolver(() => Gruppering, { nullable: true, description: 'Arrangerande gruppering.' })
  gruppering(@Root() h: Handelse, @Ctx() ctx: Context): Promise<Gruppering | null> | null {
    return h.grupperingId ? ctx.loaders.gruppering.load(h.grupperingId) : null;
  }

  @KraverBehorighet('roll:POLIS', 'roll:ADMIN')
  @Mutation(() => Handelse, { description: 'Registrera en händelse i det offentliga rummet.' })
  async registreraHandelse(
    @Arg('input', () => RegistreraHandelseInput) input: RegistreraHandelseInput,
    @Ctx() ctx: Context,
  ): Promise<Handelse> {
    const problem = handelseProblem(input);
    if (problem) {
      throw badUserInput(problem.message, [{ field: problem.field, reason: problem.reason }]);
    }
    const ids = platsIdn(input.platser ?? []);
    if (!Array.isArray(ids)) {
      throw badUserInput(ids.message, [{ field: ids.field, reason: ids.reason }]);
    }
    return ctx.em.transactional(async (tx) => {
      if (input.grupperingId && !(await tx.findOne(Gruppering, { id: input.grupperingId }))) {
        throw badUserInput(`Okänd gruppering "${input.grupperingId}".`, [
          { field: 'grupperingId', reason: 'grupperingen finns inte' },
        ]);
      }
      const { handelse, platser } = nyHandelse(randomUUID(), input, ids);
      tx.persist([handelse, ...platser]);
      return handelse;
    });
  }
}
