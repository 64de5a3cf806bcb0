import { randomUUID } from 'node:crypto';
import { dayRange, Miljo, platsId } from '@lagesbild/domain';
import { badUserInput, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Gruppering, Handelse, HandelsePlats } from '../entities';
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
    if ((input.datum != null) === (input.period != null)) {
      throw badUserInput(
        'Ange antingen datum eller period för händelsen, inte båda och inte ingen.',
        [{ field: 'datum', reason: 'ange datum eller period' }],
      );
    }
    const today = new Date().toISOString().slice(0, 10);
    if (input.datum && input.datum > today) {
      throw badUserInput(`Datumet ${input.datum} ligger i framtiden.`, [
        { field: 'datum', reason: 'datumet ligger i framtiden' },
      ]);
    }
    const ids: string[] = [];
    for (const namn of input.platser ?? []) {
      let id: string;
      try {
        id = platsId(namn);
      } catch {
        throw badUserInput(`Platsen "${namn}" saknar bokstäver och siffror.`, [
          { field: 'platser', reason: 'ange ett platsnamn eller en adress' },
        ]);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    const range = input.datum
      ? { text: input.datum, ...dayRange(input.datum) }
      : (input.period as NonNullable<typeof input.period>);
    return ctx.em.transactional(async (tx) => {
      if (input.grupperingId && !(await tx.findOne(Gruppering, { id: input.grupperingId }))) {
        throw badUserInput(`Okänd gruppering "${input.grupperingId}".`, [
          { field: 'grupperingId', reason: 'grupperingen finns inte' },
        ]);
      }
      const handelse = new Handelse(randomUUID(), input.omradeId, range, {
        typ: input.typ,
        rubrik: input.rubrik.trim(),
        beskrivning: input.beskrivning.trim(),
        miljo: input.miljo ?? Miljo.OSPECIFICERAD,
      });
      handelse.datum = input.datum ?? null;
      handelse.vald = input.vald ?? null;
      handelse.grupperingId = input.grupperingId ?? null;
      handelse.platsbeskrivning = input.platsbeskrivning?.trim() || null;
      tx.persist(handelse);
      for (const id of ids) tx.persist(new HandelsePlats(handelse.id, id));
      return handelse;
    });
  }
}
