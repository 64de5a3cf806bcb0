/**
 * The GraphQL value types of disclosure control (see `diskretion.ts` in packages/domain),
 * defined once so every subgraph returns the same shape. `@shareable`: several subgraphs
 * resolve fields of these types, and Federation 2 requires that to be declared.
 */
import {
  type Diskretion,
  type Intervall,
  okantAntal,
  type SkyddadAndelVarde,
  type SkyddatAntalVarde,
  skyddaAndel,
  skyddaAntal,
  skyddaFordelning,
} from '@lagesbild/domain';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({
  description:
    'Ett antal under röjandekontroll: ett antal från 1 till tröskeln (standard 3) visas som ' +
    '"fåtal" för läsare utan behörighet. 0 visas som 0. Där antal redovisas uppdelade med en ' +
    'summa (t.ex. per miljö och totalt) döljs dessutom så många andra antal, eller summan, ' +
    'att ett "fåtal" inte kan räknas fram genom subtraktion; de visas som "ej redovisad" ' +
    '(de är inte små). Ett antal som inte är känt (en del saknar angivet antal) har antal null, ' +
    'undertryckt false och visning "okänt antal".',
})
export class SkyddatAntal implements SkyddatAntalVarde {
  @Field(() => Int, {
    nullable: true,
    description: 'Antalet, eller null när det är undertryckt eller inte känt.',
  })
  antal!: number | null;

  @Field(() => Boolean, { description: 'Sant när antalet inte visas för läsaren.' })
  undertryckt!: boolean;

  @Field(() => String, {
    description: 'Det läsaren ser: "fåtal", "ej redovisad", "okänt antal" eller antalet som text.',
  })
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

/** A count that is not known (part of it has no stated number): `visning` "okänt antal". */
export function okandSkyddatAntal(): SkyddatAntal {
  return Object.assign(new SkyddatAntal(), okantAntal());
}

/** A count that may be unknown: null (e.g. "not reported", "no figure given") stays null. */
export function skyddatAntalEllerNull(antal: number | null, d: Diskretion): SkyddatAntal | null {
  return antal === null ? null : skyddatAntal(antal, d);
}

/**
 * The domain's skyddaFordelning as the GraphQL type: cells keyed as given, and the total.
 * Compute it once per breakdown (see fordelningFor) so that every field showing a cell or
 * the total reads the same answer.
 */
export function skyddadFordelning<K extends string>(
  celler: Readonly<Record<K, number>>,
  total: number,
  d: Diskretion,
  val: { totalDoldInom?: Intervall } = {},
): {
  celler: Record<K, SkyddatAntal>;
  total: SkyddatAntal;
  granser: Record<K, Intervall>;
  totalGranser: Intervall;
} {
  const f = skyddaFordelning(celler as Readonly<Record<string, number>>, total, d, val);
  const ut = {} as Record<K, SkyddatAntal>;
  for (const k of Object.keys(f.celler) as K[]) {
    ut[k] = Object.assign(new SkyddatAntal(), f.celler[k]);
  }
  return {
    celler: ut,
    total: Object.assign(new SkyddatAntal(), f.total),
    granser: f.granser as Record<K, Intervall>,
    totalGranser: f.totalGranser,
  };
}

const FORDELNINGAR = new WeakMap<object, Map<string, unknown>>();

/**
 * One protected breakdown per loaded object and name: a loader's result (one area and
 * period, the same object for the whole request) keys it, so the total field and every
 * environment's field share one answer whichever is resolved first. Keyed by the reader's
 * clearance and threshold as well, so that a result shared wider than one request could
 * never hand one reader's answer to another.
 */
export function fordelningFor<T>(nyckel: object, namn: string, d: Diskretion, berakna: () => T): T {
  const id = `${namn}|${d.behorig}|${d.troskel}`;
  let perNamn = FORDELNINGAR.get(nyckel);
  if (!perNamn) {
    perNamn = new Map();
    FORDELNINGAR.set(nyckel, perNamn);
  }
  if (!perNamn.has(id)) perNamn.set(id, berakna());
  return perNamn.get(id) as T;
}
