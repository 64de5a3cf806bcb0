/**
 * `pnpm --filter @lagesbild/polis generera [--databas fil.sqlite] [--handelser N] [--tyst]`:
 * the scale benchmark's volume for the police (bench/src/skala.ts). Migrates and seeds the
 * given database with the source document's data, then writes years (2000–2019) of
 * public-space events across Stockholm's thirteen district areas, each at one of the
 * area's 50 synthetic places (the same names förvaltning's generator registers, so the
 * place ids agree without either calling the other), and a half-yearly assessment per
 * environment for every area but Norrmalm (whose assessments are the seed's). Clearly
 * synthetic, about no person: ids start with "synt-", texts say so. Deterministic.
 */
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { dayRange, MILJOER, Niva, parsePeriod, platsId } from '@lagesbild/domain';
import {
  oppnaSyntDb,
  STADSDELSOMRADEN,
  SYNT_AR,
  SYNT_FORSTA_AR,
  skrivRadAntal,
  skrivSatser,
  syntArgs,
  syntSlump,
} from '@lagesbild/subgraph-kit/synt';
import { DATA_DIR } from '../src/config';
import { Bedomning, Handelse, HandelsePlats, HandelseTyp } from '../src/entities';
import { polis } from '../src/server';

const PLATSER_PER_OMRADE = 50;
const TEXT = 'Syntetisk testdata för prestandamätning; inga verkliga händelser.';

async function main() {
  const { databas, antal, tyst } = syntArgs(
    process.argv.slice(2),
    { handelser: 100_000 },
    `${DATA_DIR}/polis-synt.sqlite`,
  );
  const logg = tyst ? undefined : console.log;
  const orm = await oppnaSyntDb(polis, databas);
  const nu = new Date().toISOString();
  const bas = { skapad: nu, andrad: nu };
  const omraden = STADSDELSOMRADEN.map((o) => o.id);
  const s = syntSlump(20170503);
  const started = performance.now();
  try {
    // Drawn once per event, so the event and its place row agree.
    const platser: string[] = [];
    await skrivSatser(
      orm,
      Handelse,
      antal.handelser,
      (i) => {
        const omradeId = s.pick(omraden);
        const datum = s.dag();
        const namn = `SYNT ${omradeId} plats ${Math.floor(s.rnd() * PLATSER_PER_OMRADE) + 1}`;
        platser[i] = platsId(namn);
        const typ = s.pick(Object.values(HandelseTyp));
        return {
          ...bas,
          id: `synt-handelse-${i + 1}`,
          omradeId,
          period: datum,
          ...dayRange(datum),
          datum,
          typ,
          rubrik: `SYNT ${typ.toLowerCase()} ${datum}`,
          beskrivning: TEXT,
          miljo: s.pick(MILJOER),
          vald: s.rnd() < 0.1,
          grupperingId: null,
          platsbeskrivning: namn,
          lat: null,
          lon: null,
          kallaId: null,
          kallaUrl: null,
        };
      },
      { logg },
    );
    await skrivSatser(orm, HandelsePlats, antal.handelser, (i) => ({
      ...bas,
      id: `synt-handelse-plats-${i + 1}`,
      handelseId: `synt-handelse-${i + 1}`,
      platsId: platser[i],
    }));
    const halvar = Array.from({ length: SYNT_AR * 2 }, (_, i) =>
      parsePeriod(`${SYNT_FORSTA_AR + Math.floor(i / 2)}-H${(i % 2) + 1}`),
    );
    const andra = omraden.filter((o) => o !== 'norrmalm');
    const nivaer = [Niva.INGA, Niva.FATAL, Niva.NAGRA, Niva.MANGA, Niva.OKAND];
    const perOmrade = halvar.length * MILJOER.length;
    await skrivSatser(orm, Bedomning, andra.length * perOmrade, (i) => {
      const omradeId = andra[Math.floor(i / perOmrade)]!;
      const p = halvar[Math.floor(i / MILJOER.length) % halvar.length]!;
      return {
        ...bas,
        id: `synt-bedomning-${i + 1}`,
        omradeId,
        period: p.text,
        fran: p.fran,
        till: p.till,
        miljo: MILJOER[i % MILJOER.length],
        version: 1,
        ersatt: false,
        ersattAv: null,
        bosatta: s.pick(nivaer),
        folkbokforda: s.pick(nivaer),
        utsattaForBrott: s.pick(nivaer),
        resor: s.pick(nivaer),
        text: TEXT,
        publicerad: p.till,
        utgivare: 'SYNT lokalpolisområde',
      };
    });
    await skrivRadAntal(orm, 'polis', ['handelse', 'handelse_plats', 'bedomning']);
    console.log(
      `polis: ${antal.handelser.toLocaleString('sv-SE')} syntetiska händelser i ${databas} på ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await orm.orm.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
