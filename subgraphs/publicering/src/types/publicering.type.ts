import { Miljo, Niva, type Period, PeriodScalar, Rapporteringsstatus } from '@lagesbild/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { Undertryckning } from '../entities';

@ObjectType({
  description:
    'En parts bekräftelse av sitt avsnitt: en per part, i partnernas ordning, bekräftad eller inte.',
})
export class Bekraftelse {
  @Field(() => String, { description: 'forvaltning, polis, skolor eller klotter.' })
  partner!: string;

  @Field(() => String, { description: 'T.ex. "Polisen".' })
  partnerNamn!: string;

  @Field(() => Boolean)
  bekraftad!: boolean;

  @Field(() => String, { nullable: true, description: 'Rollen som bekräftade, t.ex. "POLIS".' })
  roll!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'När (ISO 8601); null när avsnittet inte är bekräftat eller tiden inte är känd.',
  })
  tid!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Partens kommentar till sitt avsnitt; kommentaren publiceras med versionen (alla läser en fastställd version).',
  })
  kommentar!: string | null;
}

@ObjectType({
  description:
    'Ett antal i den publicerade lägesbilden. Läsare med behörighet till partnerns siffror ser ' +
    'antalet; andra ser det som fastställdes: "fåtal", "ej redovisad" där det är undertryckt.',
})
export class PubliceradCell {
  @Field(() => String, {
    description:
      'Cellens id, samma i alla versioner och publiceringar: "2016-H2|polis|handelser|miljo=VIT_MAKT".',
  })
  id!: string;

  @Field(() => PeriodScalar, {
    description:
      'Cellens egen period: publiceringens, eller den längre period som parten rapporterade för.',
  })
  period!: Period;

  @Field(() => String, {
    description:
      'Vad som räknas: incidenter, kontakter, faltobservationer, handelser, skolorMedTecken, besvaradeSkolor, anmalningar.',
  })
  matt!: string;

  @Field(() => String, { description: 'total, miljo eller rapportor.' })
  dimension!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Miljön (VIT_MAKT …) eller rapportören (SISAB …); null för en summa.',
  })
  nyckel!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Antalet; null när det är undertryckt för läsaren, inte rapporterat eller inte känt.',
  })
  antal!: number | null;

  @Field(() => String, {
    description:
      'Det läsaren ser: "3", "0", "fåtal", "ej redovisad", "Ej rapporterat", "okänt antal"; i ett ' +
      'utkast "Visas när lägesbilden är fastställd" för den som saknar behörighet till partnerns siffror.',
  })
  visning!: string;

  @Field(() => Undertryckning, {
    nullable: true,
    description:
      'Vad den fastställda versionen döljer för läsare utan behörighet (sägs också till de behöriga); null i ett utkast.',
  })
  undertryckt!: Undertryckning | null;

  @Field(() => Rapporteringsstatus, {
    nullable: true,
    description:
      'Partens rapportering för cellen; null i ett utkast för den som saknar behörighet till ' +
      'partnerns siffror (RAPPORTERAT_NOLL skulle säga att antalet är 0).',
  })
  rapporteringsstatus!: Rapporteringsstatus | null;
}

@ObjectType({ description: 'En parts avsnitt i den publicerade lägesbilden.' })
export class PubliceratAvsnitt {
  @Field(() => String)
  partner!: string;

  @Field(() => String)
  partnerNamn!: string;

  @Field(() => Rapporteringsstatus, {
    nullable: true,
    description:
      'Partens rapportering för perioden; null i ett utkast för den som saknar behörighet till partnerns siffror.',
  })
  rapporteringsstatus!: Rapporteringsstatus | null;

  @Field(() => PeriodScalar, {
    nullable: true,
    description:
      'Den längre period parten också rapporterade för (t.ex. "2016" i 2016-H2), vars celler ' +
      'finns med under den periodens id; annars null. Alltid null i ett utkast för den som ' +
      'saknar behörighet till partnerns siffror.',
  })
  grovrePeriod!: Period | null;

  @Field(() => [PubliceradCell], {
    description:
      'Summor, per miljö och (klotter) per rapportör, i fast ordning. I ett utkast ser den som ' +
      'saknar behörighet till partnerns siffror bara periodens egna celler, utan antal och status.',
  })
  celler!: PubliceradCell[];
}

@ObjectType({
  description: 'Polisens bedömda nivåer för en miljö: kvalitativa, aldrig undertryckta.',
})
export class PubliceradNiva {
  @Field(() => Miljo)
  miljo!: Miljo;

  @Field(() => Niva, { nullable: true, description: 'null: ej bedömd.' })
  bosatta!: Niva | null;

  @Field(() => Niva, { nullable: true })
  folkbokforda!: Niva | null;

  @Field(() => Niva, { nullable: true })
  utsattaForBrott!: Niva | null;

  @Field(() => Niva, { nullable: true })
  resor!: Niva | null;
}

@ObjectType({ description: 'Ett fält som skiljer sig, som läsaren ser det före och efter.' })
export class Andring {
  @Field(() => String, { description: 'Cellens id (eller polisnivåns).' })
  cell!: string;

  @Field(() => String, { description: 'T.ex. "Polisen · händelser · Vit makt (2016-H2)".' })
  rubrik!: string;

  @Field(() => String, { nullable: true, description: 'Visningen före; null om fältet var nytt.' })
  fran!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Visningen efter; null om fältet inte finns längre.',
  })
  till!: string | null;
}

@ObjectType({ description: 'En CSV-fil i exporten (semikolonseparerad, UTF-8).' })
export class CsvFil {
  @Field(() => String)
  namn!: string;

  @Field(() => String)
  innehall!: string;
}

@ObjectType({
  description:
    'Maskinläsbar export av en fastställd version: det som publiceras (med undertryckningen), ' +
    'som kanonisk JSON med version och sha256, och en CSV per tabell där varje rad bär version och hash.',
})
export class PubliceringExport {
  @Field(() => String, {
    description: 'Kanonisk JSON (sorterade nycklar) med "hash"; hashen är sha256 av resten.',
  })
  json!: string;

  @Field(() => [CsvFil], {
    description: 'Summor, per miljö, per rapportör och polisens nivåer.',
  })
  csv!: CsvFil[];

  @Field(() => String)
  hash!: string;

  @Field(() => String, {
    description: 'JSON-filens namn, t.ex. "lagesbild-norrmalm-2016-H2-v1.json".',
  })
  filnamn!: string;
}
