import {
  type Diskretion,
  Klassning,
  type Niva,
  perMiljo,
  Rapporteringsstatus,
  rapporteringsstatus,
} from '@lagesbild/domain';
import { Klassad, readableAndAudited } from '@lagesbild/subgraph-kit';
import {
  fordelningFor,
  LagesbildRef,
  MiljoLageRef,
  SkyddatAntal,
  skyddadFordelning,
} from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { diskretion } from '../behorighet';
import { Bedomning, Handelse, Maltavla, NIVAER_SOM_RAPPORTERAR } from '../entities';
import { aktuella, nivaerFor, type PolisSummering } from '../loaders';
import { PolisLage, PolisMiljo } from '../types/polis.type';
import type { Context } from './context';

/**
 * Events per environment and in all, protected together (secondary suppression): one
 * answer per area and period, so MiljoLage.polis.handelser and PolisLage.handelserAntal
 * never let a "fåtal" be worked out as the total minus the shown environments.
 */
function skyddadeHandelser(s: PolisSummering, d: Diskretion) {
  return fordelningFor(s, 'handelser', d, () => {
    const celler = perMiljo((m) => nivaerFor(s, m).handelser);
    return skyddadFordelning(celler, s.handelser, d);
  });
}

@Resolver(() => LagesbildRef)
export class LagesbildPolisResolver {
  @FieldResolver(() => PolisLage, {
    nullable: true,
    description:
      'Polisens avsnitt: alltid med, även när polisen inte har publicerat något för perioden ' +
      '(då är rapporteringsstatus EJ_RAPPORTERAT).',
  })
  polis(@Root() l: LagesbildRef): PolisLage {
    return new PolisLage(l.omradeId, l.period);
  }
}

@Resolver(() => MiljoLageRef)
export class MiljoLagePolisResolver {
  @FieldResolver(() => PolisMiljo, {
    nullable: true,
    description: 'Polisens nivåer för miljön under perioden.',
  })
  async polis(@Root() m: MiljoLageRef, @Ctx() ctx: Context): Promise<PolisMiljo> {
    const s = await ctx.loaders.summering.load(m);
    const n = nivaerFor(s, m.miljo);
    const levels: Niva[] = [n.bosatta, n.folkbokforda, n.utsattaForBrott, n.resor];
    const status = rapporteringsstatus(
      n.bedomningar,
      levels.filter((v) => NIVAER_SOM_RAPPORTERAR.includes(v)).length,
    );
    return {
      rapporteringsstatus: status,
      bosatta: n.bosatta,
      folkbokforda: n.folkbokforda,
      utsattaForBrott: n.utsattaForBrott,
      resor: n.resor,
      bedomningsperiod: n.bedomningsperiod,
      handelser: skyddadeHandelser(s, diskretion(ctx)).celler[m.miljo],
    };
  }
}

@Resolver(() => PolisLage)
export class PolisLageResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'RAPPORTERAT: polisen har publicerat en bedömning inom perioden; RAPPORTERAT_NOLL: ' +
      'publicerad men utan förekomst (bara INGA/OKAND); EJ_RAPPORTERAT: ingen bedömning publicerad.',
  })
  async rapporteringsstatus(@Root() p: PolisLage, @Ctx() ctx: Context) {
    return (await ctx.loaders.summering.load(p)).status;
  }

  @FieldResolver(() => [Bedomning], {
    description:
      'Gällande bedömningar inom perioden (ett år visar sina halvår), en per miljö och halvår.',
  })
  async bedomningar(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Bedomning[]> {
    return aktuella(await ctx.loaders.bedomningar.load(p));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'När den senaste gällande bedömningen inom perioden publicerades.',
  })
  async publicerad(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<string | null> {
    const dates = aktuella(await ctx.loaders.bedomningar.load(p)).map((b) => b.publicerad);
    return dates.sort().at(-1) ?? null;
  }

  @FieldResolver(() => [Handelse], {
    description: 'Händelser i det offentliga rummet under perioden.',
  })
  handelser(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Handelse[]> {
    return ctx.loaders.handelser.load(p);
  }

  @FieldResolver(() => SkyddatAntal, {
    description: 'Antal händelser i det offentliga rummet under perioden.',
  })
  async handelserAntal(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<SkyddatAntal> {
    return skyddadeHandelser(await ctx.loaders.summering.load(p), diskretion(ctx)).total;
  }

  // The police's targets stay SKYDDAD: the field itself needs that clearance, and the
  // rows are still filtered by each record's own classification.
  @Klassad(Klassning.SKYDDAD)
  @FieldResolver(() => [Maltavla], {
    description: 'Potentiella måltavlor i området: skyddade, visas bara för behöriga läsare.',
  })
  async maltavlor(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Maltavla[]> {
    return readableAndAudited(ctx, await ctx.loaders.maltavlor.load(p.omradeId), 'Maltavla');
  }
}
