import {
  SkyddatAntal,
  skyddatAntal,
  skyddatAntalEllerNull,
} from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { diskretion } from '../behorighet';
import { Atervandare, Faltobservation, Kontakt } from '../entities';
import type { Context } from './context';

/*
 * The counts stored on förvaltning's records. Each record is itself an aggregate — calls on
 * a channel, returnees living in the area, occasions a unit saw something — so a small
 * figure here is as telling as the section's totals and goes through the same rule.
 */

@Resolver(() => Kontakt)
export class KontaktResolver {
  @FieldResolver(() => SkyddatAntal, { description: 'Antal kontakter.' })
  antal(@Root() k: Kontakt, @Ctx() ctx: Context): SkyddatAntal {
    return skyddatAntal(k.antal, diskretion(ctx));
  }
}

@Resolver(() => Atervandare)
export class AtervandareResolver {
  @FieldResolver(() => SkyddatAntal, { description: 'Kända återvändare bosatta i området.' })
  kandaAntal(@Root() a: Atervandare, @Ctx() ctx: Context): SkyddatAntal {
    return skyddatAntal(a.kandaAntal, diskretion(ctx));
  }

  @FieldResolver(() => SkyddatAntal, {
    description: 'Insatser förvaltningen utfört för återvändare.',
  })
  insatserAntal(@Root() a: Atervandare, @Ctx() ctx: Context): SkyddatAntal {
    return skyddatAntal(a.insatserAntal, diskretion(ctx));
  }
}

@Resolver(() => Faltobservation)
export class FaltobservationResolver {
  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal tillfällen; null när källan inte anger antal ("vid något tillfälle"), 0 när inget iakttagits.',
  })
  antal(@Root() f: Faltobservation, @Ctx() ctx: Context): SkyddatAntal | null {
    return skyddatAntalEllerNull(f.antal, diskretion(ctx));
  }
}
