/**
 * The GraphQL value types of a partner's counts (the shape of the domain's `diskretion.ts`),
 * defined once so every subgraph returns the same shape. `@shareable`: several subgraphs
 * resolve fields of these types, and Federation 2 requires that to be declared.
 */
import {
  DISKRETION_STANDARDTROSKEL,
  type Diskretion,
  okantAntal,
  type SkyddadAndelVarde,
  type SkyddatAntalVarde,
  skyddaAndel,
  skyddaAntal,
} from '@lagesbild/domain';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({
  description:
    'Ett antal ur en partners levande uppgifter. Bara läsare som är behöriga för partnern får ' +
    'det — andra får null och felet FORBIDDEN och läser den fastställda lägesbilden, där små ' +
    'antal skyddas när den fastställs — så antalet visas som det är; 0 är 0. Ett antal som ' +
    'inte är känt (en del saknar angivet antal) har antal null, undertryckt false och visning ' +
    '"okänt antal".',
})
export class SkyddatAntal implements SkyddatAntalVarde {
  @Field(() => Int, {
    nullable: true,
    description: 'Antalet, eller null när det inte är känt.',
  })
  antal!: number | null;

  @Field(() => Boolean, {
    description:
      'Sant när antalet inte visas för läsaren; i den levande lägesbilden alltid falskt, ' +
      'eftersom den bara når behöriga läsare.',
  })
  undertryckt!: boolean;

  @Field(() => String, {
    description: 'Det läsaren ser: antalet som text, eller "okänt antal".',
  })
  visning!: string;
}

@Directive('@shareable')
@ObjectType({
  description:
    'En andel av två antal ur en partners levande uppgifter, för läsare som är behöriga för ' +
    'partnern.',
})
export class SkyddadAndel implements SkyddadAndelVarde {
  @Field(() => Float, {
    nullable: true,
    description: 'Andelen mellan 0 och 1; null när nämnaren är 0.',
  })
  andel!: number | null;

  @Field(() => Boolean, {
    description:
      'Sant när andelen inte visas för läsaren; i den levande lägesbilden alltid falskt.',
  })
  undertryckt!: boolean;

  @Field(() => String, { description: 'Det läsaren ser: "17 %", eller "–" när nämnaren är 0.' })
  visning!: string;
}

/**
 * A count as a reader cleared for the partner reads it: the number. The partners' live counts
 * reach cleared readers only (the kit's `LevandeData`; the domain's LEVANDE_BEHORIGA), so the
 * subgraphs apply no per-query suppression: small counts leave their owners through the
 * adopted publication, where disclosure control is applied once over everything published.
 */
const BEHORIG: Diskretion = Object.freeze({ behorig: true, troskel: DISKRETION_STANDARDTROSKEL });

export function visatAntal(antal: number): SkyddatAntal {
  return Object.assign(new SkyddatAntal(), skyddaAntal(antal, BEHORIG));
}

/** A count that may be missing: null (e.g. "no figure given") stays null. */
export function visatAntalEllerNull(antal: number | null): SkyddatAntal | null {
  return antal === null ? null : visatAntal(antal);
}

/** The share taljare/namnare as a cleared reader reads it ("17 %", "–" over 0). */
export function visadAndel(taljare: number, namnare: number): SkyddadAndel {
  return Object.assign(new SkyddadAndel(), skyddaAndel(taljare, namnare, BEHORIG));
}

/** A count that is not known (part of it has no stated number): `visning` "okänt antal". */
export function okandSkyddatAntal(): SkyddatAntal {
  return Object.assign(new SkyddatAntal(), okantAntal());
}
