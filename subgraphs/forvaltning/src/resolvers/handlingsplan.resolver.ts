import { randomUUID } from 'node:crypto';
import { badUserInput, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { delstegStatusText } from '../delsteg-text';
import { Atgard, AtgardStatus, AtgardStatushandelse, Delsteg, Handlingsplan } from '../entities';
import type { Context } from './context';
import { UppdateraAtgardStatusInput } from './types/atgard.input';

const STATUS_TEXT: Record<AtgardStatus, string> = {
  [AtgardStatus.PAGAR]: 'Pågår',
  [AtgardStatus.FORSLAG]: 'Förslag',
  [AtgardStatus.AVSLUTAD]: 'Avslutad',
};

@Resolver(() => Handlingsplan)
export class HandlingsplanResolver {
  @FieldResolver(() => [Atgard], {
    description:
      'Åtgärderna i tabellens ordning; med status bara de som har den statusen (t.ex. FORSLAG).',
  })
  async atgarder(
    @Root() h: Handlingsplan,
    @Ctx() ctx: Context,
    @Arg('status', () => AtgardStatus, { nullable: true }) status?: AtgardStatus | null,
  ): Promise<Atgard[]> {
    const atgarder = await ctx.loaders.atgarder.load(h.id);
    return status ? atgarder.filter((a) => a.status === status) : atgarder;
  }

  @FieldResolver(() => [AtgardStatushandelse], {
    description:
      'Statusändringar efter en tidpunkt (ISO 8601): vad som ändrats sedan förra uppföljningen.',
  })
  async andringarSedan(
    @Root() h: Handlingsplan,
    @Arg('tidpunkt', () => String) tidpunkt: string,
    @Ctx() ctx: Context,
  ): Promise<AtgardStatushandelse[]> {
    if (Number.isNaN(Date.parse(tidpunkt))) {
      throw badUserInput(
        `Ogiltig tidpunkt "${tidpunkt}": ange ÅÅÅÅ-MM-DD eller en ISO 8601-tidpunkt.`,
        [{ field: 'tidpunkt', reason: 'ogiltig tidpunkt' }],
      );
    }
    const atgarder = await ctx.loaders.atgarder.load(h.id);
    const histories = await ctx.loaders.historik.loadMany(atgarder.map((a) => a.id));
    return histories
      .flatMap((list) => (list instanceof Error ? [] : list))
      .filter((e) => e.tidpunkt > tidpunkt)
      .sort((a, b) => a.tidpunkt.localeCompare(b.tidpunkt));
  }
}

@Resolver(() => Atgard)
export class AtgardResolver {
  @FieldResolver(() => [Delsteg], {
    description:
      'Åtgärdens delsteg i nummerordning; med status bara de som har den statusen (t.ex. FORSLAG).',
  })
  async delsteg(
    @Root() a: Atgard,
    @Ctx() ctx: Context,
    @Arg('status', () => AtgardStatus, { nullable: true }) status?: AtgardStatus | null,
  ): Promise<Delsteg[]> {
    const delsteg = await ctx.loaders.delsteg.load(a.id);
    return status ? delsteg.filter((d) => d.status === status) : delsteg;
  }

  @FieldResolver(() => String, {
    description:
      'Statusen i klartext. För en åtgärd med delsteg räknas den fram ur delstegens aktuella ' +
      'status, t.ex. "Delsteg 1 och 2 pågår, delsteg 3 är förslag"; annars som den står i ' +
      'tabellen, t.ex. "Pågår t.o.m. 2018".',
  })
  async statusText(@Root() a: Atgard, @Ctx() ctx: Context): Promise<string> {
    const delsteg = await ctx.loaders.delsteg.load(a.id);
    return delsteg.length > 0 ? delstegStatusText(delsteg) : a.statusText;
  }

  @FieldResolver(() => [AtgardStatushandelse], {
    description: 'Alla statusändringar, äldst först.',
  })
  historik(@Root() a: Atgard, @Ctx() ctx: Context): Promise<AtgardStatushandelse[]> {
    return ctx.loaders.historik.load(a.id);
  }

  @KraverBehorighet('roll:SAMORDNARE', 'roll:ADMIN')
  @Mutation(() => Atgard, {
    description: 'Ändra status för en åtgärd eller ett delsteg, med kommentar (samordnaren).',
  })
  async uppdateraAtgardStatus(
    @Arg('input', () => UppdateraAtgardStatusInput) input: UppdateraAtgardStatusInput,
    @Ctx() ctx: Context,
  ): Promise<Atgard> {
    return ctx.em.transactional(async (tx) => {
      const atgard = await tx.findOne(Atgard, { id: input.atgardId });
      if (!atgard) {
        throw badUserInput(`Det finns ingen åtgärd med id "${input.atgardId}".`, [
          { field: 'atgardId', reason: 'okänd åtgärd' },
        ]);
      }
      const statusText = input.statusText?.trim() || STATUS_TEXT[input.status];
      let franStatus: AtgardStatus;
      if (input.delstegNr != null) {
        const steg = await tx.findOne(Delsteg, { atgardId: atgard.id, nr: input.delstegNr });
        if (!steg) {
          throw badUserInput(`Åtgärd ${atgard.nr} har inget delsteg ${input.delstegNr}.`, [
            { field: 'delstegNr', reason: 'okänt delsteg' },
          ]);
        }
        franStatus = steg.status;
        steg.status = input.status;
        steg.statusText = statusText;
      } else {
        franStatus = atgard.status;
        atgard.status = input.status;
        atgard.statusText = statusText;
      }
      const event = new AtgardStatushandelse(randomUUID(), atgard.id, {
        tillStatus: input.status,
        statusText,
        kommentar: input.kommentar.trim(),
        tidpunkt: new Date().toISOString(),
        av: ctx.viewer.roller.join(',') || 'okänd',
      });
      event.delstegNr = input.delstegNr ?? null;
      event.franStatus = franStatus;
      tx.persist(event);
      return atgard;
    });
  }
}
