import { randomUUID } from 'node:crypto';
import { dayRange, MILJOER, Niva, type Period, PeriodScalar } from '@lagesbild/domain';
import { badUserInput, KraverBehorighet, kantOmradeId, LevandeData } from '@lagesbild/subgraph-kit';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { POLIS } from '../behorighet';
import { Bedomning, UTGIVARE_STANDARD } from '../entities';
import type { Context } from './context';
import { PubliceraBedomningInput } from './types/bedomning.input';

/**
 * A publication date as the police give it: a day, or a month; never in the future and
 * never before the half-year it assesses begins (a month is compared as a month).
 */
function checkPublicerad(value: string, period: Period): void {
  const fail = (reason: string) =>
    badUserInput(`Ogiltigt publiceringsdatum "${value}": ${reason}`, [
      { field: 'publicerad', reason },
    ]);
  const [, manad, dag] = value.split('-');
  if (Number(manad) < 1 || Number(manad) > 12) throw fail('månad anges från 01 till 12');
  if (dag !== undefined) {
    try {
      dayRange(value);
    } catch {
      throw fail('datumet finns inte i kalendern');
    }
  }
  const today = new Date().toISOString().slice(0, 10);
  if (value > today.slice(0, value.length)) throw fail('datumet ligger i framtiden');
  if (value < period.fran.slice(0, value.length)) {
    throw fail(
      `perioden ${period.text} börjar ${period.fran}; en bedömning kan inte publiceras innan dess`,
    );
  }
}

@Resolver(() => Bedomning)
export class BedomningResolver {
  @LevandeData(POLIS)
  @Query(() => [Bedomning], {
    nullable: true,
    description:
      'Polisens bedömningar inom perioden; med historik: true även ersatta versioner. Null med ' +
      'felet FORBIDDEN för läsare som inte är behöriga för polisens levande uppgifter.',
  })
  async polisBedomningar(
    @Arg('omrade', () => String) omrade: string,
    @Arg('period', () => PeriodScalar) period: Period,
    @Arg('historik', () => Boolean, { defaultValue: false }) historik: boolean,
    @Ctx() ctx: Context,
  ): Promise<Bedomning[]> {
    const rows = await ctx.em.find(
      Bedomning,
      {
        omradeId: kantOmradeId(omrade),
        fran: { $gte: period.fran },
        till: { $lte: period.till },
        ...(historik ? {} : { ersatt: false }),
      },
      { orderBy: { fran: 'asc', version: 'asc' } },
    );
    return rows.sort(
      (a, b) =>
        a.fran.localeCompare(b.fran) ||
        MILJOER.indexOf(a.miljo) - MILJOER.indexOf(b.miljo) ||
        a.version - b.version,
    );
  }

  @KraverBehorighet('roll:POLIS', 'roll:ADMIN')
  @Mutation(() => Bedomning, {
    description:
      'Publicera polisens bedömning för ett område, ett halvår och en miljö. En tidigare ' +
      'gällande bedömning ersätts av en ny version och finns kvar som historik.',
  })
  async publiceraBedomning(
    @Arg('input', () => PubliceraBedomningInput) input: PubliceraBedomningInput,
    @Ctx() ctx: Context,
  ): Promise<Bedomning> {
    if (input.period.typ !== 'HALVAR') {
      throw badUserInput(
        `Polisens lägesbild publiceras per halvår; "${input.period.text}" är inget halvår.`,
        [{ field: 'period', reason: 'ange ett halvår, t.ex. "2016-H2"' }],
      );
    }
    const period = input.period;
    checkPublicerad(input.publicerad, period);
    return ctx.em.transactional(async (tx) => {
      const versions = await tx.find(
        Bedomning,
        { omradeId: input.omradeId, period: period.text, miljo: input.miljo },
        { orderBy: { version: 'desc' } },
      );
      const id = randomUUID();
      const bedomning = new Bedomning(id, input.omradeId, period, {
        miljo: input.miljo,
        version: (versions[0]?.version ?? 0) + 1,
        text: input.text.trim(),
        publicerad: input.publicerad,
        utgivare: input.utgivare?.trim() || UTGIVARE_STANDARD,
      });
      // A level left out is carried over from the version this one replaces: a new
      // version revises what it names, it does not forget what the police said before.
      const previous = versions.find((v) => !v.ersatt) ?? versions[0];
      bedomning.bosatta = input.bosatta ?? previous?.bosatta ?? Niva.OKAND;
      bedomning.folkbokforda = input.folkbokforda ?? previous?.folkbokforda ?? Niva.OKAND;
      bedomning.utsattaForBrott = input.utsattaForBrott ?? previous?.utsattaForBrott ?? Niva.OKAND;
      bedomning.resor = input.resor ?? previous?.resor ?? Niva.OKAND;
      for (const current of versions.filter((v) => !v.ersatt)) {
        current.ersatt = true;
        current.ersattAv = id;
      }
      tx.persist(bedomning);
      return bedomning;
    });
  }
}
