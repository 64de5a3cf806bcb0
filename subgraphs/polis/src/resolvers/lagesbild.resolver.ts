import { Klassning, type Niva, Rapporteringsstatus, rapporteringsstatus } from '@lagesbild/domain';
import { Klassad, readableAndAudited } from '@lagesbild/subgraph-kit';
import {
  LagesbildRef,
  MiljoLageRef,
  SkyddatAntal,
  skyddatAntal,
} from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { diskretion } from '../behorighet';
import { Bedomning, Handelse, Maltavla, NIVAER_SOM_RAPPORTERAR } from '../entities';
import { aktuella, nivaerFor } from '../loaders';
import { PolisLage, PolisMiljo } from '../types/polis.type';
import type { Context } from './context';

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
    const n = nivaerFor(await ctx.loaders.summering.load(m), m.miljo);
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
      handelser: skyddatAntal(n.handelser, diskretion(ctx)),
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
    return skyddatAntal((await ctx.loaders.summering.load(p)).handelser, diskretion(ctx));
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
