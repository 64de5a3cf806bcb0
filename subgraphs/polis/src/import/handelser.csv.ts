/**
 * CSV import of public events: `id;datum;period;typ;rubrik;beskrivning;platser;
 * platsbeskrivning;miljo;vald;gruppering_id`, places separated by `|`. The same rules as
 * `registreraHandelse` (its input class, handelseProblem, platsIdn); the key is the
 * police's own event id, the same one the JSON feed import keeps, so an event that arrives
 * both ways is one row.
 */
import { tryParsePeriod } from '@lagesbild/domain';
import { IngaKontrolltecken, IngaPersonuppgifter, Textlangd } from '@lagesbild/subgraph-kit';
import { type CsvImporter, enumVarde, jaNej } from '@lagesbild/subgraph-kit/import';
import { Gruppering, Handelse } from '../entities';
import { handelseProblem, nyHandelse, platsIdn } from '../registrering';
import { RegistreraHandelseInput } from '../resolvers/types/handelse.input';
import { handelseIdFor, kallaIdFor } from './handelser.import';

export class HandelseRad extends RegistreraHandelseInput {
  @Textlangd(1, 60, 'id:t ska vara 1–60 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  id!: string;
}

export const handelseImporter: CsvImporter<HandelseRad> = {
  namn: 'händelser',
  posttyp: 'Handelse',
  radklass: HandelseRad,
  obligatoriska: ['id', 'typ', 'rubrik', 'beskrivning'],
  valfria: ['datum', 'period', 'platser', 'platsbeskrivning', 'miljo', 'vald', 'gruppering_id'],
  tolka(rad, { omradeId }) {
    rad.omradeId = omradeId;
    const r = rad as unknown as Record<string, unknown>;
    for (const f of ['typ', 'miljo'] as const) if (r[f] !== undefined) r[f] = enumVarde(r[f]);
    if (r.vald !== undefined) r.vald = jaNej(r.vald);
    if (typeof r.platser === 'string') {
      r.platser = r.platser
        .split('|')
        .map((p) => p.trim())
        .filter(Boolean);
    }
    if (typeof r.period === 'string') r.period = tryParsePeriod(r.period) ?? r.period;
  },
  check(rad) {
    if (typeof rad.period === 'string') {
      return [`period: "${rad.period}" är ingen period (t.ex. 2017, 2017-H1, 2017-05)`];
    }
    const problem = handelseProblem(rad);
    if (problem) return [`${problem.field}: ${problem.reason}`];
    const ids = platsIdn(rad.platser ?? []);
    return Array.isArray(ids) ? [] : [`${ids.field}: ${ids.reason}`];
  },
  nyckel: (rad) => rad.id.trim(),
  async skriv(tx, rader) {
    const finns = new Set(
      (
        await tx.find(
          Handelse,
          { kallaId: { $in: rader.map((r) => kallaIdFor(r.nyckel)) } },
          { fields: ['kallaId'] },
        )
      ).map((h) => h.kallaId),
    );
    const efterfragade = [
      ...new Set(rader.map((r) => r.data.grupperingId).filter((g): g is string => Boolean(g))),
    ];
    const grupperingar = new Set(
      efterfragade.length === 0
        ? []
        : (await tx.find(Gruppering, { id: { $in: efterfragade } }, { fields: ['id'] })).map(
            (g) => g.id,
          ),
    );
    return rader.map((r) => {
      if (finns.has(kallaIdFor(r.nyckel))) return 'finns';
      if (r.data.grupperingId && !grupperingar.has(r.data.grupperingId)) {
        return { avvisad: [`gruppering_id: grupperingen "${r.data.grupperingId}" finns inte`] };
      }
      const { handelse, platser } = nyHandelse(
        handelseIdFor(r.nyckel),
        r.data,
        platsIdn(r.data.platser ?? []) as string[],
      );
      handelse.kallaId = kallaIdFor(r.nyckel);
      tx.persist([handelse, ...platser]);
      r.postId = handelse.id;
      return 'ny';
    });
  },
};
