import { badUserInput, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Klotteranmalan, Nollrapport, RAPPORTOR_NAMN } from '../entities';
import { kontrolleraRapportor, RAPPORTORSSCOPES } from './behorighet';
import type { Context } from './context';
import { IntygaNollrapportInput } from './types/klotteranmalan.input';

@Resolver(() => Nollrapport)
export class NollrapportResolver {
  @KraverBehorighet(...RAPPORTORSSCOPES)
  @Mutation(() => Nollrapport, {
    description:
      'Intyga att inga klotteranmälningar inkom under perioden. Samma intygande igen ger samma nollrapport.',
  })
  async intygaNollrapport(
    @Arg('input', () => IntygaNollrapportInput) input: IntygaNollrapportInput,
    @Ctx() ctx: Context,
  ): Promise<Nollrapport> {
    kontrolleraRapportor(ctx.viewer, input.rapportor);
    const { omradeId, rapportor, period } = input;
    return ctx.em.transactional(async (tx) => {
      const existing = await tx.findOne(Nollrapport, { omradeId, rapportor, period: period.text });
      if (existing) return existing;
      const reports = await tx.count(Klotteranmalan, {
        omradeId,
        rapportor,
        fran: { $lt: period.till },
        till: { $gt: period.fran },
      });
      if (reports > 0) {
        throw badUserInput(
          `${RAPPORTOR_NAMN[rapportor]} har ${reports} anmälningar under ${period.text}; en nollrapport kan inte intygas för perioden.`,
          [{ field: 'period', reason: 'perioden har anmälningar' }],
        );
      }
      const row = new Nollrapport(
        `${omradeId}-${period.text}-klotter-noll-${rapportor.toLowerCase()}`,
        omradeId,
        period,
        rapportor,
      );
      row.kommentar = input.kommentar?.trim() ?? null;
      tx.persist(row);
      return row;
    });
  }
}
