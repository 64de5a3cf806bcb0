import { randomUUID } from 'node:crypto';
import { lokalIso } from '@lagesbild/domain';
import {
  badUserInput,
  conflict,
  KraverBehorighet,
  LevandeData,
  notFound,
} from '@lagesbild/subgraph-kit';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { KLOTTER } from '../behorighet';
import { Klotteranmalan } from '../entities';
import {
  dagsperiod,
  konfliktText,
  nollKrockText,
  nollSomKrockar,
  nyAnmalan,
  omsandningsKonflikt,
  tiderUr,
  tidsfel,
  tillampaTider,
} from '../registrering';
import { kontrolleraRapportor, RAPPORTORSSCOPES } from './behorighet';
import type { Context } from './context';
import {
  RegistreraKlotteranmalanInput,
  RegistreraKlottertiderInput,
} from './types/klotteranmalan.input';

const visa = (utc: string | null) => (utc ? lokalIso(Date.parse(utc)) : null);

@Resolver(() => Klotteranmalan)
export class KlotteranmalanResolver {
  @LevandeData(KLOTTER)
  @Query(() => Klotteranmalan, {
    nullable: true,
    description:
      'En klotteranmälan efter id; null med felet FORBIDDEN för läsare som inte är behöriga ' +
      'för klotterrapportörernas levande uppgifter.',
  })
  klotteranmalan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.anmalan.load(id);
  }

  @FieldResolver(() => PlatsRef, { nullable: true })
  plats(@Root() a: Klotteranmalan): PlatsRef | null {
    return a.platsId ? new PlatsRef(a.platsId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'När klottret upptäcktes/anmäldes (Stockholmstid med tidszon).',
  })
  anmaldTid(@Root() a: Klotteranmalan) {
    return visa(a.anmaldTid);
  }

  @FieldResolver(() => String, { nullable: true, description: 'När entreprenören avropades.' })
  avropTid(@Root() a: Klotteranmalan) {
    return visa(a.avropTid);
  }

  @FieldResolver(() => String, { nullable: true, description: 'När entreprenören var på plats.' })
  paPlatsTid(@Root() a: Klotteranmalan) {
    return visa(a.paPlatsTid);
  }

  @FieldResolver(() => String, { nullable: true, description: 'När klottret var borttaget.' })
  borttagenTid(@Root() a: Klotteranmalan) {
    return visa(a.borttagenTid);
  }

  @KraverBehorighet(...RAPPORTORSSCOPES)
  @Mutation(() => Klotteranmalan, {
    description:
      'Registrera en klotteranmälan (rapportören själv, eller admin). Samma rapportörs id igen ger samma anmälan; bara tiderna uppdateras. ' +
      'En annan kategori eller ett annat område under samma id är felet CONFLICT.',
  })
  async registreraKlotteranmalan(
    @Arg('input', () => RegistreraKlotteranmalanInput) input: RegistreraKlotteranmalanInput,
    @Ctx() ctx: Context,
  ): Promise<Klotteranmalan> {
    kontrolleraRapportor(ctx.viewer, input.rapportor);
    const tider = tiderUr(input);
    return ctx.em.transactional(async (tx) => {
      const existing = await tx.findOne(Klotteranmalan, {
        rapportor: input.rapportor,
        rapportorensId: input.rapportorensId,
      });
      if (existing) {
        const konflikt = omsandningsKonflikt(existing, input);
        if (konflikt) throw conflict(konfliktText(existing, konflikt), konflikt);
        const problems = tillampaTider(existing, tider);
        if (problems.length > 0) throw tidsfel(problems);
        if (input.polisanmald != null) existing.polisanmald = input.polisanmald;
        return existing;
      }
      if ((tider.anmaldTid == null) === (input.period == null)) {
        throw badUserInput('Ange antingen anmäld tid eller period, inte båda och inte ingen.', [
          { field: 'anmaldTid', reason: 'ange anmäld tid eller period' },
        ]);
      }
      const period = tider.anmaldTid ? dagsperiod(tider.anmaldTid) : input.period!;
      const noll = await nollSomKrockar(tx, input.omradeId, input.rapportor, period);
      if (noll) {
        throw badUserInput(nollKrockText(noll, input.rapportor), [
          {
            field: tider.anmaldTid ? 'anmaldTid' : 'period',
            reason: 'perioden har en nollrapport',
          },
        ]);
      }
      const row = nyAnmalan(randomUUID(), input, period);
      const problems = tillampaTider(row, tider);
      if (problems.length > 0) throw tidsfel(problems);
      tx.persist(row);
      return row;
    });
  }

  @KraverBehorighet(...RAPPORTORSSCOPES)
  @Mutation(() => Klotteranmalan, {
    description:
      'Registrera avrop, på plats och sanering för en anmälan; tiderna måste komma i ordning efter anmälan.',
  })
  async registreraKlottertider(
    @Arg('input', () => RegistreraKlottertiderInput) input: RegistreraKlottertiderInput,
    @Ctx() ctx: Context,
  ): Promise<Klotteranmalan> {
    const tider = tiderUr(input);
    if (Object.values(tider).every((t) => t === null) && input.polisanmald == null) {
      throw badUserInput('Ange minst en tid eller om polisanmälan gjorts.', [
        { field: 'avropTid', reason: 'ingen tid angiven' },
      ]);
    }
    return ctx.em.transactional(async (tx) => {
      const row = await tx.findOne(Klotteranmalan, { id: input.id });
      if (!row) throw notFound(`Det finns ingen klotteranmälan med id "${input.id}".`);
      kontrolleraRapportor(ctx.viewer, row.rapportor);
      const problems = tillampaTider(row, tider);
      if (problems.length > 0) throw tidsfel(problems);
      if (input.polisanmald != null) row.polisanmald = input.polisanmald;
      return row;
    });
  }
}
