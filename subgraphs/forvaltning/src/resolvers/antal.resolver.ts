import { SkyddatAntal, visatAntal, visatAntalEllerNull } from '@lagesbild/subgraph-kit/federation';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Atervandare, Faltobservation, Kontakt } from '../entities';

/*
 * The counts stored on förvaltning's records. Each record is itself an aggregate — calls on
 * a channel, returnees living in the area, occasions a unit saw something — so a small
 * figure here is as telling as the section's totals: the records are reached only through
 * förvaltning's section, which only readers cleared for its live data get.
 */

@Resolver(() => Kontakt)
export class KontaktResolver {
  @FieldResolver(() => SkyddatAntal, { description: 'Antal kontakter.' })
  antal(@Root() k: Kontakt): SkyddatAntal {
    return visatAntal(k.antal);
  }
}

@Resolver(() => Atervandare)
export class AtervandareResolver {
  @FieldResolver(() => SkyddatAntal, { description: 'Kända återvändare bosatta i området.' })
  kandaAntal(@Root() a: Atervandare): SkyddatAntal {
    return visatAntal(a.kandaAntal);
  }

  @FieldResolver(() => SkyddatAntal, {
    description: 'Insatser förvaltningen utfört för återvändare.',
  })
  insatserAntal(@Root() a: Atervandare): SkyddatAntal {
    return visatAntal(a.insatserAntal);
  }
}

@Resolver(() => Faltobservation)
export class FaltobservationResolver {
  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal tillfällen; null när källan inte anger antal ("vid något tillfälle"), 0 när inget iakttagits.',
  })
  antal(@Root() f: Faltobservation): SkyddatAntal | null {
    return visatAntalEllerNull(f.antal);
  }
}
