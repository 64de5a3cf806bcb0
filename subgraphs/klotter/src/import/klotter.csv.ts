/**
 * CSV import of graffiti reports: `rapportor;rapportorens_id;kategori;miljo;innehall;
 * beskrivning;plats;anmald_tid;period;avrop_tid;pa_plats_tid;borttagen_tid;polisanmald;
 * anteckningar`, times ISO 8601 with offset. The same rules as `registreraKlotteranmalan`
 * (its input class and registrering.ts): keyed on the reporter and the reporter's own id;
 * a report already in is only given later times (and then counted as changed), the SLA
 * computed by tillampaTider as on every write, and a reporter's attested zero refuses a
 * report in its period.
 */
import { randomUUID } from 'node:crypto';
import { tryParsePeriod } from '@lagesbild/domain';
import {
  type CsvImporter,
  enumVarde,
  jaNej,
  maImporteraFor,
  type Utfall,
} from '@lagesbild/subgraph-kit/import';
import { Klotteranmalan, Nollrapport, RAPPORTOR_NAMN } from '../entities';
import {
  dagsperiod,
  konfliktText,
  nollKrockText,
  nyAnmalan,
  omsandningsKonflikt,
  overlappar,
  TIDFALT,
  tiderUr,
  tillampaTider,
} from '../registrering';
import { RegistreraKlotteranmalanInput } from '../resolvers/types/klotteranmalan.input';

export class KlotterRad extends RegistreraKlotteranmalanInput {}

const skal = (reasons: { field: string; reason: string }[]): Utfall => ({
  avvisad: reasons.map(
    (p) => `${p.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}: ${p.reason}`,
  ),
});

export const klotterImporter: CsvImporter<KlotterRad> = {
  namn: 'klotteranmälningar',
  posttyp: 'Klotteranmalan',
  radklass: KlotterRad,
  obligatoriska: ['rapportor', 'rapportorens_id', 'kategori', 'innehall'],
  valfria: [
    'miljo',
    'beskrivning',
    'plats',
    'anmald_tid',
    'period',
    'avrop_tid',
    'pa_plats_tid',
    'borttagen_tid',
    'polisanmald',
    'anteckningar',
  ],
  tolka(rad, { omradeId }) {
    rad.omradeId = omradeId;
    const r = rad as unknown as Record<string, unknown>;
    for (const f of ['rapportor', 'kategori', 'miljo'])
      if (r[f] !== undefined) r[f] = enumVarde(r[f]);
    if (r.polisanmald !== undefined) r.polisanmald = jaNej(r.polisanmald);
    if (typeof r.period === 'string') r.period = tryParsePeriod(r.period) ?? r.period;
  },
  check(rad, kontext) {
    if (typeof rad.period === 'string') {
      return [`period: "${rad.period}" är ingen period (t.ex. 2017, 2017-H1, 2017-05)`];
    }
    // Over HTTP the rows are the sender's: a reporter imports its own reports only.
    if (!maImporteraFor(kontext, [rad.rapportor])) {
      return [
        `rapportor: din roll får inte importera anmälningar för ${RAPPORTOR_NAMN[rad.rapportor]}`,
      ];
    }
    return [];
  },
  nyckel: (rad) => `${rad.rapportor}|${rad.rapportorensId.trim()}`,
  async skriv(tx, rader, { omradeId }) {
    const kanda = await tx.find(Klotteranmalan, {
      rapportor: { $in: [...new Set(rader.map((r) => r.data.rapportor))] },
      rapportorensId: { $in: [...new Set(rader.map((r) => r.data.rapportorensId.trim()))] },
    });
    const perNyckel = new Map(kanda.map((k) => [`${k.rapportor}|${k.rapportorensId}`, k]));
    const nollor = await tx.find(Nollrapport, { omradeId });
    const utfall: Utfall[] = [];
    for (const r of rader) {
      const { nyckel, data: input } = r;
      const tider = tiderUr(input);
      const befintlig = perNyckel.get(nyckel);
      if (befintlig) {
        const konflikt = omsandningsKonflikt(befintlig, input);
        if (konflikt) {
          utfall.push({ avvisad: [konfliktText(befintlig, konflikt)] });
          continue;
        }
        const fore = [...TIDFALT.map((f) => befintlig[f]), befintlig.polisanmald].join('|');
        const problem = tillampaTider(befintlig, tider);
        if (problem.length > 0) {
          utfall.push(skal(problem));
          continue;
        }
        if (input.polisanmald != null) befintlig.polisanmald = input.polisanmald;
        const efter = [...TIDFALT.map((f) => befintlig[f]), befintlig.polisanmald].join('|');
        r.postId = befintlig.id;
        utfall.push(efter === fore ? 'finns' : 'uppdaterad');
        continue;
      }
      if ((tider.anmaldTid == null) === (input.period == null)) {
        utfall.push({ avvisad: ['anmald_tid: ange anmäld tid eller period, inte båda'] });
        continue;
      }
      const period = tider.anmaldTid ? dagsperiod(tider.anmaldTid) : input.period!;
      const noll = nollor.find((n) => n.rapportor === input.rapportor && overlappar(n, period));
      if (noll) {
        utfall.push({ avvisad: [nollKrockText(noll, input.rapportor)] });
        continue;
      }
      const row = nyAnmalan(randomUUID(), input, period);
      const problem = tillampaTider(row, tider);
      if (problem.length > 0) {
        utfall.push(skal(problem));
        continue;
      }
      tx.persist(row);
      r.postId = row.id;
      perNyckel.set(nyckel, row);
      utfall.push('ny');
    }
    return utfall;
  },
};
