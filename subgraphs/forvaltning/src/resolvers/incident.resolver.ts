import { randomUUID } from 'node:crypto';
import { badUserInput, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Incident, Plats } from '../entities';
import { kandOmradeIdI } from '../omrade-id';
import { incidentProblem, klassningProblem, nyIncident } from '../registrering';
import type { Context } from './context';
import { resolvePlats } from './plats.reference';
import { RegistreraIncidentInput } from './types/incident.input';

@Resolver(() => Incident)
export class IncidentResolver {
  @FieldResolver(() => Plats, {
    nullable: true,
    description: 'Platsen i platsregistret (oregistrerad om registret inte har den).',
  })
  plats(@Root() i: Incident, @Ctx() ctx: Context): Promise<Plats> | null {
    return i.platsId ? resolvePlats(i.platsId, ctx) : null;
  }

  @KraverBehorighet('roll:SAMORDNARE', 'roll:ADMIN')
  @Mutation(() => Incident, { description: 'Registrera en incident (samordnaren).' })
  async registreraIncident(
    @Arg('input', () => RegistreraIncidentInput) input: RegistreraIncidentInput,
    @Ctx() ctx: Context,
  ): Promise<Incident> {
    const problem = incidentProblem(input) ?? klassningProblem(input, ctx.viewer.roller);
    if (problem) {
      throw badUserInput(problem.message, [{ field: problem.field, reason: problem.reason }]);
    }
    return ctx.em.transactional(async (tx) => {
      input.omradeId = await kandOmradeIdI(tx, input.omradeId, 'omradeId');
      const incident = nyIncident(randomUUID(), input);
      tx.persist(incident);
      return incident;
    });
  }
}
