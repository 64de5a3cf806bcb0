/**
 * `pnpm --filter @lagesbild/forvaltning generera [--databas fil.sqlite] [--incidenter N]
 * [--kontakter N] [--faltobservationer N] [--tyst]`: the scale benchmark's volume for
 * förvaltningen (bench/src/skala.ts). Migrates and seeds the given database with the source
 * document's data, registers Stockholm's thirteen district areas (Norrmalm's is the seed's)
 * with 50 places each, then writes years (2000–2019) of incidents, contact counts per month
 * and field observations spread over them. Clearly synthetic and about no person: ids start
 * with "synt-", places are "SYNT …", the free texts say so. Deterministic (seeded). The
 * default database is .data/forvaltning-synt.sqlite, never the subgraph's own.
 */
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { dayRange, MILJOER, parsePeriod, platsId } from '@lagesbild/domain';
import {
  oppnaSyntDb,
  STADSDELSOMRADEN,
  skrivRadAntal,
  skrivSatser,
  syntArgs,
  syntSlump,
} from '@lagesbild/subgraph-kit/synt';
import { DATA_DIR } from '../src/config';
import {
  Faltobservation,
  Incident,
  IncidentSystem,
  IncidentTyp,
  Kontakt,
  KontaktKanal,
  ObservationTyp,
  Omrade,
  Plats,
} from '../src/entities';
import { forvaltning } from '../src/server';

const PLATSER_PER_OMRADE = 50;
const TEXT = 'Syntetisk testdata för prestandamätning; inga verkliga händelser.';

const platsnamn = (omrade: string, n: number) => `SYNT ${omrade} plats ${n}`;

async function main() {
  const { databas, antal, tyst } = syntArgs(
    process.argv.slice(2),
    { incidenter: 200_000, kontakter: 50_000, faltobservationer: 100_000 },
    `${DATA_DIR}/forvaltning-synt.sqlite`,
  );
  const logg = tyst ? undefined : console.log;
  const orm = await oppnaSyntDb(forvaltning, databas);
  const nu = new Date().toISOString();
  const bas = { skapad: nu, andrad: nu };
  const omraden = STADSDELSOMRADEN.map((o) => o.id);
  const s = syntSlump(20170502);
  // Parsing a period costs little, but a million times adds up: months repeat.
  const perioder = new Map<string, ReturnType<typeof parsePeriod>>();
  const period = (text: string) => {
    let p = perioder.get(text);
    if (!p) {
      p = parsePeriod(text);
      perioder.set(text, p);
    }
    return { period: p.text, fran: p.fran, till: p.till };
  };
  const started = performance.now();
  try {
    const finns = new Set(
      (await orm.orm.em.fork().find(Omrade, {}, { fields: ['id'] })).map((o) => o.id),
    );
    const nya = STADSDELSOMRADEN.filter((o) => !finns.has(o.id));
    await skrivSatser(orm, Omrade, nya.length, (i) => {
      const o = nya[i]!;
      return { ...bas, id: o.id, namn: o.namn, kommun: 'Stockholm', namnd: o.namnd };
    });
    await skrivSatser(orm, Plats, omraden.length * PLATSER_PER_OMRADE, (i) => {
      const omradeId = omraden[Math.floor(i / PLATSER_PER_OMRADE)]!;
      const namn = platsnamn(omradeId, (i % PLATSER_PER_OMRADE) + 1);
      return { ...bas, id: platsId(namn), namn, omradeId, beskrivning: TEXT };
    });
    const plats = (omradeId: string) =>
      platsnamn(omradeId, Math.floor(s.rnd() * PLATSER_PER_OMRADE) + 1);

    await skrivSatser(
      orm,
      Incident,
      antal.incidenter,
      (i) => {
        const omradeId = s.pick(omraden);
        const datum = s.dag();
        const namn = plats(omradeId);
        return {
          ...bas,
          id: `synt-incident-${i + 1}`,
          omradeId,
          // A dated incident's period is its day, as registreraIncident stores it.
          period: datum,
          ...dayRange(datum),
          datum,
          platsId: platsId(namn),
          platsText: namn,
          miljo: s.pick(MILJOER),
          typ: s.pick(Object.values(IncidentTyp)),
          beskrivning: TEXT,
          system: datum < '2017-01-01' ? IncidentSystem.RISK : IncidentSystem.IA,
          klassning: 'OPPEN',
        };
      },
      { logg },
    );
    await skrivSatser(
      orm,
      Kontakt,
      antal.kontakter,
      (i) => ({
        ...bas,
        id: `synt-kontakt-${i + 1}`,
        omradeId: s.pick(omraden),
        ...period(s.dag().slice(0, 7)),
        kanal: s.pick(Object.values(KontaktKanal)),
        miljo: s.rnd() < 0.2 ? null : s.pick(MILJOER),
        antal: Math.floor(s.rnd() * 6),
        atgard: null,
        utfall: null,
      }),
      { logg },
    );
    await skrivSatser(
      orm,
      Faltobservation,
      antal.faltobservationer,
      (i) => {
        const omradeId = s.pick(omraden);
        return {
          ...bas,
          id: `synt-faltobservation-${i + 1}`,
          omradeId,
          ...period(s.dag().slice(0, 7)),
          enhet: 'SYNT fältenhet',
          typ: s.pick(Object.values(ObservationTyp)),
          miljo: s.rnd() < 0.3 ? null : s.pick(MILJOER),
          antal: s.rnd() < 0.2 ? null : Math.floor(s.rnd() * 4),
          beskrivning: TEXT,
          platsId: platsId(plats(omradeId)),
        };
      },
      { logg },
    );
    await skrivRadAntal(orm, 'forvaltning', [
      'omrade',
      'plats',
      'incident',
      'kontakt',
      'faltobservation',
    ]);
    const total = antal.incidenter + antal.kontakter + antal.faltobservationer;
    console.log(
      `forvaltning: ${total.toLocaleString('sv-SE')} syntetiska rader i ${databas} på ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await orm.orm.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
