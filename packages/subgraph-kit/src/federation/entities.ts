/**
 * The shared entities as a contributing subgraph sees them: only their keys. A partner's
 * subgraph adds its own fields to these with type-graphql @FieldResolver classes; the
 * owner (förvaltning) has the full types. Imported through `@lagesbild/subgraph-kit/federation`
 * so the owner, which defines the same GraphQL names itself, never loads them.
 */
import {
  MILJOER,
  type Miljo,
  Miljo as MiljoEnum,
  type Period,
  PeriodScalar,
  parsePeriod,
} from '@lagesbild/domain';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { badUserInput } from '../errors';

@Directive('@key(fields: "id")')
@ObjectType('Omrade')
export class OmradeRef {
  @Field(() => ID)
  id: string;

  constructor(id: string) {
    this.id = id;
  }
}

/**
 * A place, by the id every partner computes with platsId(). `omfattar` is the place's id
 * and the ids of its parts in förvaltning's register (a park and its metro entrance): a
 * partner's field that answers "with its parts" declares `@requires(fields: "omfattar")`,
 * and the gateway fetches it from the register first. Absent when not required.
 */
@Directive('@key(fields: "id")')
@ObjectType('Plats')
export class PlatsRef {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field(() => [ID], {
    description: 'Platsens id och id:n för dess delar i förvaltningens platsregister.',
  })
  omfattar?: string[];

  constructor(id: string, omfattar?: string[]) {
    this.id = id;
    if (omfattar) this.omfattar = omfattar;
  }

  /** The place's ids with or without its parts; the place itself when the register is silent. */
  ids(medDelar: boolean): string[] {
    return medDelar && this.omfattar && this.omfattar.length > 0 ? this.omfattar : [this.id];
  }
}

@Directive('@key(fields: "omradeId period")')
@ObjectType('Lagesbild')
export class LagesbildRef {
  @Field(() => String)
  omradeId: string;

  @Field(() => PeriodScalar)
  period: Period;

  constructor(omradeId: string, period: Period) {
    this.omradeId = omradeId;
    this.period = period;
  }
}

@Directive('@key(fields: "omradeId period miljo")')
@ObjectType('MiljoLage')
export class MiljoLageRef {
  @Field(() => String)
  omradeId: string;

  @Field(() => PeriodScalar)
  period: Period;

  @Field(() => MiljoEnum)
  miljo: Miljo;

  constructor(omradeId: string, period: Period, miljo: Miljo) {
    this.omradeId = omradeId;
    this.period = period;
    this.miljo = miljo;
  }
}

/** The period in a representation arrives serialised; parse it as the scalar would. */
function periodOf(value: unknown): Period {
  if (typeof value === 'string') return parsePeriod(value);
  throw badUserInput('Ogiltig period i entitetsreferensen.');
}

/**
 * `__resolveReference` for the key-only entities: nothing to load, the key is the entity.
 * Pass the ones a subgraph uses to buildFederatedSchema's `references`, and their
 * classes in `orphanedTypes`: type-graphql drops a type reached only by @FieldResolver.
 */
export const sharedReferences = {
  Omrade: { __resolveReference: (ref: { id: string }) => new OmradeRef(ref.id) },
  Plats: {
    __resolveReference: (ref: { id: string; omfattar?: unknown }) =>
      new PlatsRef(
        ref.id,
        Array.isArray(ref.omfattar) ? ref.omfattar.map((x) => String(x)) : undefined,
      ),
  },
  Lagesbild: {
    __resolveReference: (ref: { omradeId: string; period: unknown }) =>
      new LagesbildRef(ref.omradeId, periodOf(ref.period)),
  },
  MiljoLage: {
    __resolveReference: (ref: { omradeId: string; period: unknown; miljo: string }) => {
      if (!MILJOER.includes(ref.miljo as Miljo)) throw badUserInput(`Okänd miljö "${ref.miljo}".`);
      return new MiljoLageRef(ref.omradeId, periodOf(ref.period), ref.miljo as Miljo);
    },
  },
};
