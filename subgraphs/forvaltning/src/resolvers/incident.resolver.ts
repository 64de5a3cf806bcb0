import { randomUUID } from 'node:crypto';
import { dayRange, platsId } from '@lagesbild/domain';
import { badUserInput, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Incident, IncidentSystem, Omrade, Plats } from '../entities';
import type { Context } from './context';
import { resolvePlats } from './plats.reference';
import { RegistreraIncidentInput } from './types/incident.input';

@Resolver(() => Incident)
export class IncidentResolver {
  @FieldResolver(() => Plats, { nullable: true })
  plats(@Root() i: Incident, @Ctx() ctx: Context): Promise<Plats> | null {
    return i.platsId ? resolvePlats(i.platsId, ctx) : null;
  }

  @KraverBehorighet('roll:SAMORDNARE', 'roll:ADMIN')
  @Mutation(() => Incident, { description: 'Registrera en incident (samordnaren).' })
  async registreraIncident(
    @Arg('input', () => RegistreraIncidentInput) input: RegistreraIncidentInput,
    @Ctx() ctx: Context,
  ): Promise<Incident> {
    const hasDatum = input.datum != null;
    const hasPeriod = input.period != null;
    if (hasDatum === hasPeriod) {
      throw badUserInput(
        'Ange antingen datum eller period för incidenten, inte båda och inte ingen.',
        [{ field: 'datum', reason: 'ange datum eller period' }],
      );
    }
    const today = new Date().toISOString().slice(0, 10);
    if (input.datum && input.datum > today) {
      throw badUserInput(`Datumet ${input.datum} ligger i framtiden.`, [
        { field: 'datum', reason: 'datumet ligger i framtiden' },
      ]);
    }
    const range = input.datum
      ? { text: input.datum, ...dayRange(input.datum) }
      : (input.period as NonNullable<typeof input.period>);
    return ctx.em.transactional(async (tx) => {
      if (!(await tx.findOne(Omrade, { id: input.omradeId }))) {
        throw badUserInput(`Okänt område "${input.omradeId}".`, [
          { field: 'omradeId', reason: 'området finns inte i registret' },
        ]);
      }
      const incident = new Incident(randomUUID(), input.omradeId, range, {
        miljo: input.miljo,
        typ: input.typ,
        beskrivning: input.beskrivning.trim(),
        system: input.system ?? IncidentSystem.IA,
      });
      incident.datum = input.datum ?? null;
      if (input.plats) {
        incident.platsId = platsId(input.plats);
        incident.platsText = input.plats.trim();
      }
      if (input.klassning) incident.klassning = input.klassning;
      tx.persist(incident);
      return incident;
    });
  }
}
