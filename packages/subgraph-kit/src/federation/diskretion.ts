/**
 * The GraphQL value types of disclosure control (see `diskretion.ts` in packages/domain),
 * defined once so every subgraph returns the same shape. `@shareable`: several subgraphs
 * resolve fields of these types, and Federation 2 requires that to be declared.
 */
import {
  type Diskretion,
  type SkyddadAndelVarde,
  type SkyddatAntalVarde,
  skyddaAndel,
  skyddaAntal,
} from '@lagesbild/domain';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({
  description:
    'Ett antal under röjandekontroll: ett antal från 1 till tröskeln (standard 3) visas som ' +
    '"fåtal" för läsare utan behörighet. 0 visas som 0.',
})
export class SkyddatAntal implements SkyddatAntalVarde {
  @Field(() => Int, { nullable: true, description: 'Antalet, eller null när det är undertryckt.' })
  antal!: number | null;

  @Field(() => Boolean, { description: 'Sant när antalet inte visas för läsaren.' })
  undertryckt!: boolean;

  @Field(() => String, { description: 'Det läsaren ser: "fåtal" eller antalet som text.' })
  visning!: string;
}

@Directive('@shareable')
@ObjectType({
  description:
    'En andel under röjandekontroll: undertryckt när täljaren eller nämnaren är ' + 'undertryckt.',
})
export class SkyddadAndel implements SkyddadAndelVarde {
  @Field(() => Float, {
    nullable: true,
    description: 'Andelen mellan 0 och 1; null när den är undertryckt eller nämnaren är 0.',
  })
  andel!: number | null;

  @Field(() => Boolean, { description: 'Sant när andelen inte visas för läsaren.' })
  undertryckt!: boolean;

  @Field(() => String, { description: 'Det läsaren ser: "17 %", "ej redovisad" eller "–".' })
  visning!: string;
}

/** The domain rule's answer as the GraphQL type (a plain object would do; this names it). */
export function skyddatAntal(antal: number, d: Diskretion): SkyddatAntal {
  return Object.assign(new SkyddatAntal(), skyddaAntal(antal, d));
}

export function skyddadAndel(taljare: number, namnare: number, d: Diskretion): SkyddadAndel {
  return Object.assign(new SkyddadAndel(), skyddaAndel(taljare, namnare, d));
}

/** A count that may be unknown: null (e.g. "not reported", "no figure given") stays null. */
export function skyddatAntalEllerNull(antal: number | null, d: Diskretion): SkyddatAntal | null {
  return antal === null ? null : skyddatAntal(antal, d);
}
