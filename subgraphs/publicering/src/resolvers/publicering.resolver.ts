import {
  AVSNITT_AGARE,
  fritextFel,
  innehallerPersonnummer,
  PARTNER_GENITIV,
  PARTNER_NAMN,
  PARTNERS,
  type Partner,
  type Period,
  PeriodLage,
  PeriodScalar,
  parsePeriod,
  periodLage,
} from '@lagesbild/domain';
import { standardMote, underlagAndringar, uppraknat } from '@lagesbild/publicering';
import { exportera } from '@lagesbild/publicering/export';
import { SkyddError } from '@lagesbild/publicering/skydd';
import {
  badUserInput,
  forbidden,
  granskningsDetalj,
  KraverBehorighet,
  kantOmradeId,
  loggaLasningar,
  notFound,
} from '@lagesbild/subgraph-kit';
import { LagesbildRef, OmradeRef } from '@lagesbild/subgraph-kit/federation';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { behorigForAlla, marBekrafta, marLasa, UTKAST_LASARE } from '../behorighet';
import { Bekraftelse, Publicering, PubliceringStatus } from '../entities';
import { faststall } from '../faststallande';
import {
  Andring,
  Bekraftelse as BekraftelseTyp,
  PubliceradNiva,
  PubliceratAvsnitt,
  PubliceringExport,
} from '../types/publicering.type';
import { andringarFor, avsnittFor, nivaerFor, somTyp } from '../visning';
import type { Context } from './context';

/** "version 1 av lägesbilden för norrmalm 2016-H2" */
function namn(p: Publicering): string {
  return `version ${p.version} av lägesbilden för ${p.omradeId} ${p.period}`;
}

/**
 * What the reader may read of these publications, every read logged (role and version in
 * the audit log) before anything is returned.
 */
export async function lasta(ctx: Context, rader: Publicering[]): Promise<Publicering[]> {
  const synliga = rader.filter((p) => marLasa(ctx.viewer, p));
  await loggaLasningar(
    ctx,
    synliga.map((p) => ({ typ: 'Publicering', id: `${p.id} version ${p.version} ${p.status}` })),
  );
  return synliga;
}

async function hamtaForSkrivning(ctx: Context, id: string): Promise<Publicering> {
  const p = await ctx.em.findOne(Publicering, { id });
  if (!p) throw notFound(`Det finns ingen publicering med id "${id}".`);
  return p;
}

function utkastFinns(utkast: Publicering): GraphQLError {
  return badUserInput(
    `Det finns redan ett utkast för ${utkast.omradeId} ${utkast.period}: ${utkast.id} (version ${utkast.version}). ` +
      'Låt parterna bekräfta det och rådet fastställa det.',
    [{ field: 'period', reason: `utkastet ${utkast.id} finns redan` }],
  );
}

function fritext(falt: string, text: string, max: number): string {
  const t = text.trim();
  // The rules every channel's free text keeps (packages/domain's text rules).
  const fel = fritextFel(t, max);
  if (fel) throw badUserInput(`${falt}: ${fel}.`, [{ field: falt, reason: fel }]);
  if (innehallerPersonnummer(t)) {
    throw badUserInput(
      `${falt} ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner.`,
      [{ field: falt, reason: 'innehåller ett personnummer' }],
    );
  }
  return t;
}

const PERIOD_SLAG: Record<string, string> = {
  TERTIAL: 'ett tertial',
  KVARTAL: 'ett kvartal',
  MANAD: 'en månad',
  VECKA: 'en vecka',
};

/** A year or a half-year that has begun: what a publication is made for. */
function publiceringsperiod(period: Period): void {
  if (period.typ !== 'AR' && period.typ !== 'HALVAR') {
    throw badUserInput(
      `En lägesbild publiceras för ett år (t.ex. "2016") eller ett halvår (t.ex. "2016-H2"), ` +
        `inte för ${PERIOD_SLAG[period.typ] ?? 'en sådan period'} ("${period.text}").`,
      [{ field: 'period', reason: 'år eller halvår' }],
    );
  }
  if (periodLage(period) === PeriodLage.EJ_PABORJAD) {
    throw badUserInput(
      `Perioden ${period.text} har inte börjat; det finns ingen lägesbild att publicera.`,
      [{ field: 'period', reason: 'har inte börjat' }],
    );
  }
}

function partnerAv(partner: string): Partner {
  const p = partner.trim().toLowerCase();
  if (!PARTNERS.includes(p as Partner)) {
    throw badUserInput(
      `Okänt avsnitt "${partner}". Avsnitten är ${uppraknat(PARTNERS.map((x) => `${x} (${PARTNER_NAMN[x]})`))}.`,
      [{ field: 'partner', reason: 'okänt avsnitt' }],
    );
  }
  return p as Partner;
}

function motesdatumAv(motesdatum: string): string {
  const d = motesdatum.trim();
  const dag = new Date(`${d}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(d) ||
    Number.isNaN(dag.getTime()) ||
    dag.toISOString().slice(0, 10) !== d
  ) {
    throw badUserInput(
      `Mötesdatumet "${motesdatum}" är inte ett datum; ange det som ÅÅÅÅ-MM-DD, t.ex. 2016-12-14.`,
      [{ field: 'motesdatum', reason: 'ÅÅÅÅ-MM-DD' }],
    );
  }
  if (d > new Date().toISOString().slice(0, 10)) {
    throw badUserInput(
      `Mötesdatumet ${d} ligger i framtiden; en lägesbild fastställs på ett möte som har hållits.`,
      [{ field: 'motesdatum', reason: 'ligger i framtiden' }],
    );
  }
  return d;
}

/**
 * The meeting that adopts a draft was held after the draft was made (its date part): the
 * council adopts what was put before it. Says the range it may be in.
 */
function motesdatumEfterUtkast(datum: string, p: Publicering): void {
  const skapad = p.skapad.slice(0, 10);
  if (datum < skapad) {
    const idag = new Date().toISOString().slice(0, 10);
    throw badUserInput(
      `Mötesdatumet ${datum} ligger före ${skapad}, då utkastet skapades; ` +
        `ange mötet där rådet fastställde det, från ${skapad} till i dag (${idag}).`,
      [{ field: 'motesdatum', reason: `före ${skapad}, då utkastet skapades` }],
    );
  }
}

@Resolver(() => Publicering)
export class PubliceringResolver {
  @Query(() => [Publicering], {
    description:
      'Ett områdes publicerade lägesbilder (alla perioder, eller en), nyast först. Fastställda och ' +
      'ersatta versioner läses av alla; utkast bara av samordnaren, rådet, analytikern, ' +
      'administratören och parterna som bekräftar avsnitten.',
  })
  async publiceringar(
    @Arg('omrade', () => String) omrade: string,
    @Arg('period', () => PeriodScalar, { nullable: true }) period: Period | null,
    @Ctx() ctx: Context,
  ): Promise<Publicering[]> {
    const rader = await ctx.loaders.publiceringar.load({
      omradeId: kantOmradeId(omrade),
      period: period?.text ?? null,
    });
    return lasta(ctx, rader);
  }

  @Query(() => Publicering, {
    nullable: true,
    description:
      'En version, t.ex. id "norrmalm-2016-H2-v1"; null när den inte finns. Ett utkast för en ' +
      'läsare som inte får läsa utkast är FORBIDDEN.',
  })
  async publicering(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<Publicering | null> {
    const p = await ctx.loaders.publicering.load(id);
    if (!p) return null;
    if (!marLasa(ctx.viewer, p)) {
      throw forbidden(
        `${p.id} är ett utkast; utkast läses bara av ${UTKAST_LASARE.join(', ')}. ` +
          'Läs den fastställda lägesbilden.',
      );
    }
    return (await lasta(ctx, [p]))[0] ?? null;
  }

  @FieldResolver(() => PeriodScalar)
  period(@Root() p: Publicering): Period {
    return parsePeriod(p.period);
  }

  @FieldResolver(() => String, { description: 'När versionen skapades (ISO 8601).' })
  skapad(@Root() p: Publicering): string {
    return p.skapad;
  }

  @FieldResolver(() => Publicering, {
    nullable: true,
    description: 'Versionen som denna rättar (version 2 och senare).',
  })
  async foregaendeVersion(@Root() p: Publicering, @Ctx() ctx: Context) {
    if (!p.foregaendeId) return null;
    const f = await ctx.loaders.publicering.load(p.foregaendeId);
    return f ? ((await lasta(ctx, [f]))[0] ?? null) : null;
  }

  @FieldResolver(() => Publicering, {
    nullable: true,
    description: 'Den fastställda rättelse som ersatt denna version; null om den gäller.',
  })
  async ersattAv(@Root() p: Publicering, @Ctx() ctx: Context) {
    if (!p.ersattAvId) return null;
    const e = await ctx.loaders.publicering.load(p.ersattAvId);
    return e ? ((await lasta(ctx, [e]))[0] ?? null) : null;
  }

  @FieldResolver(() => [BekraftelseTyp], {
    description: 'En per part, i partnernas ordning, bekräftad eller inte.',
  })
  async bekraftelser(@Root() p: Publicering, @Ctx() ctx: Context): Promise<BekraftelseTyp[]> {
    const rader = await ctx.loaders.bekraftelser.load(p.id);
    return PARTNERS.map((partner) => {
      const b = rader.find((r) => r.partner === partner);
      return Object.assign(new BekraftelseTyp(), {
        partner,
        partnerNamn: PARTNER_NAMN[partner],
        bekraftad: b !== undefined,
        roll: b?.roll ?? null,
        tid: b?.tid ?? null,
        kommentar: b?.kommentar ?? null,
      });
    });
  }

  @FieldResolver(() => [PubliceratAvsnitt], {
    description:
      'En per part. Läsare med behörighet till partnerns siffror ser antalen; andra ser den ' +
      'fastställda versionens undertryckta celler, och i ett utkast inget av avsnittet: inga ' +
      'antal, ingen rapporteringsstatus.',
  })
  avsnitt(@Root() p: Publicering, @Ctx() ctx: Context): PubliceratAvsnitt[] {
    return avsnittFor(p, ctx.viewer);
  }

  @FieldResolver(() => [PubliceradNiva], {
    nullable: true,
    description:
      'Polisens nivåer per miljö; null i ett utkast för den som saknar behörighet till polisens siffror.',
  })
  nivaer(@Root() p: Publicering, @Ctx() ctx: Context): PubliceradNiva[] | null {
    return nivaerFor(p, ctx.viewer);
  }

  @FieldResolver(() => [Andring], {
    description: 'Fält för fält mot föregående version, som läsaren ser båda (tomt för version 1).',
  })
  async andringar(@Root() p: Publicering, @Ctx() ctx: Context): Promise<Andring[]> {
    if (!p.foregaendeId) return [];
    const f = await ctx.loaders.publicering.load(p.foregaendeId);
    return f ? andringarFor(p, f, ctx.viewer) : [];
  }

  @FieldResolver(() => [Andring], {
    nullable: true,
    description:
      'Fält för fält mot dagens levande lägesbild (ändrat sedan fastställandet), läst med ' +
      'läsarens behörighet; null för ett utkast och för läsare som inte har behörighet till ' +
      'alla parters siffror.',
  })
  async andratSedanFaststallandet(
    @Root() p: Publicering,
    @Ctx() ctx: Context,
  ): Promise<Andring[] | null> {
    if (p.status === PubliceringStatus.UTKAST || !behorigForAlla(ctx.viewer)) return null;
    const idag = await ctx.loaders.installningar.hamta(
      ctx,
      p.omradeId,
      parsePeriod(p.period),
      'Jämförelsen med dagens lägesbild kunde inte göras.',
    );
    return somTyp(underlagAndringar(p.underlag, idag));
  }

  @FieldResolver(() => PubliceringExport, {
    nullable: true,
    description: 'Exporten av en fastställd (eller ersatt) version; null för ett utkast.',
  })
  export(@Root() p: Publicering): PubliceringExport | null {
    if (p.status === PubliceringStatus.UTKAST || !p.publicerat) return null;
    const e = exportera(p.publicerat);
    if (e.hash !== p.hash) {
      throw new Error(`${p.id}: the stored content no longer has its stored hash`);
    }
    return Object.assign(new PubliceringExport(), e);
  }

  @KraverBehorighet('roll:SAMORDNARE')
  @Mutation(() => Publicering, {
    description:
      'Samordnaren tar fram ett utkast ur den levande lägesbilden för ett område och ett år ' +
      '("2016") eller halvår ("2016-H2"); parterna bekräftar sedan sina avsnitt.',
  })
  async skapaPubliceringsutkast(
    @Arg('omrade', () => String) omrade: string,
    @Arg('period', () => PeriodScalar) period: Period,
    @Ctx() ctx: Context,
  ): Promise<Publicering> {
    publiceringsperiod(period);
    const omradeId = kantOmradeId(omrade);
    const finns = await ctx.em.find(
      Publicering,
      { omradeId, period: period.text },
      { orderBy: { version: 'desc' } },
    );
    const utkast = finns.find((p) => p.status === PubliceringStatus.UTKAST);
    if (utkast) throw utkastFinns(utkast);
    const gallande = finns.find((p) => p.status === PubliceringStatus.FASTSTALLD);
    if (gallande) {
      throw badUserInput(
        `Lägesbilden för ${omradeId} ${period.text} är redan fastställd: ${gallande.id} ` +
          `(version ${gallande.version}, ${gallande.faststalld}). En ändring görs som en rättelse ` +
          `(rattaPublicering med id "${gallande.id}" och orsaken).`,
        [{ field: 'period', reason: `fastställd som ${gallande.id}` }],
      );
    }
    const underlag = await ctx.loaders.installningar.hamta(
      ctx,
      omrade,
      period,
      'Inget utkast skapades.',
    );
    const p = new Publicering({
      omradeId: underlag.omradeId,
      period: underlag.period,
      version: 1,
      skapadAv: ctx.viewer.roller.join(','),
      troskel: ctx.diskretionTroskel,
      underlag,
    });
    ctx.em.persist(p);
    await ctx.em.flush();
    return p;
  }

  @KraverBehorighet(
    'roll:SAMORDNARE',
    'roll:POLIS',
    'roll:UTBILDNINGSFORVALTNING',
    'roll:TRAFIKKONTORET',
    'roll:SISAB',
    'roll:MTR',
  )
  @Mutation(() => Publicering, {
    description:
      'En part bekräftar sitt avsnitt i ett utkast, med en kommentar om den vill: förvaltningen ' +
      '(SAMORDNARE), polisen (POLIS), skolorna (UTBILDNINGSFORVALTNING), klotter (TRAFIKKONTORET, ' +
      'SISAB eller MTR). En ny bekräftelse ersätter partens förra. Kommentaren publiceras med ' +
      'versionen: när rådet har fastställt den läser alla den, samverkansparter också. Den får ' +
      'inte innehålla personuppgifter (ett personnummer avvisas).',
  })
  async bekraftaAvsnitt(
    @Arg('id', () => ID) id: string,
    @Arg('partner', () => String) partnerText: string,
    @Arg('kommentar', () => String, { nullable: true }) kommentar: string | null,
    @Ctx() ctx: Context,
  ): Promise<Publicering> {
    const partner = partnerAv(partnerText);
    if (!marBekrafta(ctx.viewer, partner)) {
      throw forbidden(
        `Din roll får inte bekräfta ${PARTNER_GENITIV[partner]} avsnitt: det bekräftas av ` +
          `${PARTNER_NAMN[partner]} (roll ${uppraknat([...AVSNITT_AGARE[partner]]).replace(' och ', ' eller ')}). ` +
          `Du är inloggad som ${ctx.viewer.roller.join(', ') || 'utan roll'}.`,
      );
    }
    const text = kommentar == null ? null : fritext('kommentar', kommentar, 2000) || null;
    const p = await hamtaForSkrivning(ctx, id);
    if (p.status !== PubliceringStatus.UTKAST) {
      throw badUserInput(
        `${namn(p)} är ${p.status === PubliceringStatus.FASTSTALLD ? 'fastställd' : 'ersatt'}; ` +
          'avsnitt bekräftas bara i ett utkast. En ändring görs som en rättelse (rattaPublicering).',
        [{ field: 'id', reason: 'inte ett utkast' }],
      );
    }
    const roll = ctx.viewer.roller.find((r) => AVSNITT_AGARE[partner].includes(r)) as string;
    const b =
      (await ctx.em.findOne(Bekraftelse, { publiceringId: p.id, partner })) ??
      new Bekraftelse(p.id, partner, roll);
    b.roll = roll;
    b.tid = new Date().toISOString();
    b.kommentar = text;
    ctx.em.persist(b);
    await ctx.em.flush();
    // The entry names the section: "bekraftaAvsnitt Publicering:norrmalm-2016-v1 avsnitt polis".
    granskningsDetalj(ctx, `avsnitt ${partner}`);
    return p;
  }

  @KraverBehorighet('roll:RADET')
  @Mutation(() => Publicering, {
    description:
      'Rådet fastställer ett utkast vars alla avsnitt är bekräftade, med mötesdatumet ' +
      '(ÅÅÅÅ-MM-DD, från dagen då utkastet skapades till i dag) och mötet. Röjandekontrollen beräknas då över versionen och allt områdets ' +
      'redan publicerade; därefter ändras versionen aldrig.',
  })
  async faststallPublicering(
    @Arg('id', () => ID) id: string,
    @Arg('motesdatum', () => String) motesdatum: string,
    @Arg('mote', () => String, { nullable: true }) mote: string | null,
    @Ctx() ctx: Context,
  ): Promise<Publicering> {
    const datum = motesdatumAv(motesdatum);
    const moteText =
      mote == null || mote.trim() === '' ? standardMote(datum) : fritext('mote', mote, 300);
    const p = await hamtaForSkrivning(ctx, id);
    if (p.status === PubliceringStatus.FASTSTALLD) {
      throw badUserInput(
        `${namn(p)} är redan fastställd (${p.faststalld}). En fastställd version ändras inte; ` +
          `en ändring görs som en rättelse (rattaPublicering med id "${p.id}").`,
        [{ field: 'id', reason: 'redan fastställd' }],
      );
    }
    if (p.status === PubliceringStatus.ERSATT) {
      throw badUserInput(
        `${namn(p)} är redan fastställd (${p.faststalld}) och ersatt av ${p.ersattAvId}.`,
        [{ field: 'id', reason: 'ersatt' }],
      );
    }
    motesdatumEfterUtkast(datum, p);
    const bekraftade = new Set(
      (await ctx.em.find(Bekraftelse, { publiceringId: p.id })).map((b) => b.partner),
    );
    const saknas = PARTNERS.filter((x) => !bekraftade.has(x));
    if (saknas.length > 0) {
      throw badUserInput(
        `Kan inte fastställas: ${uppraknat(saknas.map((x) => PARTNER_NAMN[x]))} har inte ` +
          `bekräftat ${saknas.length === 1 ? 'sitt avsnitt' : 'sina avsnitt'}.`,
        [{ field: 'id', reason: `obekräftade avsnitt: ${saknas.join(', ')}` }],
      );
    }
    try {
      return await faststall(ctx.em, p, {
        motesdatum: datum,
        mote: moteText,
        troskel: ctx.diskretionTroskel,
      });
    } catch (error) {
      if (error instanceof SkyddError) {
        // Its message says it: "Kan inte fastställas utan att ett litet antal kan räknas ut: …".
        throw badUserInput(error.message, [
          { field: 'id', reason: 'röjandekontrollen kan inte skydda alla celler' },
        ]);
      }
      throw error;
    }
  }

  @KraverBehorighet('roll:SAMORDNARE')
  @Mutation(() => Publicering, {
    description:
      'Samordnaren rättar en fastställd version: ett nytt utkast (version n+1) ur dagens levande ' +
      'lägesbild, med orsaken. När rådet fastställer det blir den gamla versionen ERSATT. Orsaken ' +
      'publiceras med versionen och får inte innehålla personuppgifter (ett personnummer avvisas).',
  })
  async rattaPublicering(
    @Arg('id', () => ID) id: string,
    @Arg('orsak', () => String) orsak: string,
    @Ctx() ctx: Context,
  ): Promise<Publicering> {
    const text = fritext('orsak', orsak, 2000);
    if (text === '') {
      throw badUserInput('Ange varför versionen rättas (orsak).', [
        { field: 'orsak', reason: 'saknas' },
      ]);
    }
    const p = await hamtaForSkrivning(ctx, id);
    if (p.status === PubliceringStatus.UTKAST) {
      throw badUserInput(
        `${p.id} är ett utkast, inte en fastställd version; ett utkast rättas inte utan fastställs eller ersätts av nästa.`,
        [{ field: 'id', reason: 'ett utkast' }],
      );
    }
    if (p.status === PubliceringStatus.ERSATT) {
      throw badUserInput(
        `${namn(p)} är redan ersatt av ${p.ersattAvId}; rätta den gällande versionen.`,
        [{ field: 'id', reason: `ersatt av ${p.ersattAvId}` }],
      );
    }
    const utkast = await ctx.em.findOne(Publicering, {
      omradeId: p.omradeId,
      period: p.period,
      status: PubliceringStatus.UTKAST,
    });
    if (utkast) throw utkastFinns(utkast);
    const senaste = await ctx.em.findOne(
      Publicering,
      { omradeId: p.omradeId, period: p.period },
      { orderBy: { version: 'desc' } },
    );
    const underlag = await ctx.loaders.installningar.hamta(
      ctx,
      p.omradeId,
      parsePeriod(p.period),
      'Ingen rättelse skapades.',
    );
    const ny = new Publicering({
      omradeId: p.omradeId,
      period: p.period,
      version: (senaste?.version ?? p.version) + 1,
      skapadAv: ctx.viewer.roller.join(','),
      troskel: ctx.diskretionTroskel,
      underlag,
    });
    ny.foregaendeId = p.id;
    ny.rattelseOrsak = text;
    ctx.em.persist(ny);
    await ctx.em.flush();
    return ny;
  }
}

@Resolver(() => LagesbildRef)
export class LagesbildPubliceringResolver {
  @FieldResolver(() => Publicering, {
    nullable: true,
    description:
      'Den fastställda, gällande versionen av lägesbilden för området och perioden; null om ingen finns.',
  })
  async publicering(@Root() l: LagesbildRef, @Ctx() ctx: Context): Promise<Publicering | null> {
    const p = await ctx.loaders.gallande.load({ omradeId: l.omradeId, period: l.period.text });
    return p ? ((await lasta(ctx, [p]))[0] ?? null) : null;
  }
}

@Resolver(() => OmradeRef)
export class OmradePubliceringResolver {
  @FieldResolver(() => [Publicering], {
    description: 'Områdets publicerade lägesbilder, nyast först (utkast för dem som läser utkast).',
  })
  async publiceringar(@Root() o: OmradeRef, @Ctx() ctx: Context): Promise<Publicering[]> {
    return lasta(ctx, await ctx.loaders.publiceringar.load({ omradeId: o.id, period: null }));
  }
}
