import { parsePeriod, platsId, stadsdelsomrade, wgs84ToSweref99tm } from '@lagesbild/domain';
import { seedOnce } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import {
  Atervandare,
  Atgard,
  AtgardStatushandelse,
  Delsteg,
  Faltobservation,
  Handlingsplan,
  Incident,
  Kallanmarkning,
  Kontakt,
  Omrade,
  Plats,
  Samverkansforum,
} from '../entities';
import * as S from './norrmalm-2017';

type SeedPlats = (typeof S.PLATSER)[number];

const seedPlatsId = (p: SeedPlats) => platsId(p.adress ?? p.namn);

function nyPlats(p: SeedPlats, omradeId: string): Plats {
  const plats = new Plats(seedPlatsId(p), p.namn, omradeId);
  plats.adress = p.adress ?? null;
  plats.beskrivning = p.beskrivning ?? null;
  plats.delAvId = p.delAv ? platsId(p.delAv) : null;
  if (p.wgs84) {
    const { n, e } = wgs84ToSweref99tm(p.wgs84.lat, p.wgs84.lon);
    Object.assign(plats, { lat: p.wgs84.lat, lon: p.wgs84.lon, swerefN: n, swerefE: e });
    plats.koordinatkalla = S.KOORDINATKALLA;
  }
  return plats;
}

/**
 * Loads the source document's data into an empty database, once (see seedOnce); then, once,
 * the places' parts into a database seeded before they existed.
 */
export async function seedForvaltning(em: EntityManager): Promise<boolean> {
  const seeded = await seedPlan(em);
  await seedPlatsdelar(em);
  return seeded;
}

/**
 * A database seeded before places had parts gets the seed's missing places (the park) and
 * the links from its parts, once. A place someone has registered since is left as it is,
 * and a link is only made within one area; on a fresh database there is nothing to add.
 */
function seedPlatsdelar(em: EntityManager): Promise<boolean> {
  return seedOnce(em, S.PLATSDELAR_SEED_KEY, async (tx) => {
    const o = S.OMRADE;
    if (!(await tx.findOne(Omrade, { id: o.id }))) return;
    const finns = new Map(
      (await tx.find(Plats, { id: { $in: S.PLATSER.map(seedPlatsId) } })).map((p) => [p.id, p]),
    );
    for (const p of S.PLATSER) {
      if (finns.has(seedPlatsId(p))) continue;
      const plats = nyPlats(p, o.id);
      plats.delAvId = null;
      finns.set(plats.id, plats);
      tx.persist(plats);
    }
    for (const p of S.PLATSER) {
      const plats = finns.get(seedPlatsId(p));
      const storre = p.delAv ? finns.get(platsId(p.delAv)) : undefined;
      if (plats && storre && plats.delAvId === null && plats.omradeId === storre.omradeId) {
        plats.delAvId = storre.id;
      }
    }
    await tx.flush();
  });
}

/** The seed's area as the one register of stadsdelsområden has it: id and name from there. */
export function seedOmrade(o: { id: string; kommun: string; namnd: string }): Omrade {
  const kant = stadsdelsomrade(o.id);
  if (!kant) throw new Error(`Seedens område "${o.id}" finns inte i STADSDELSOMRADEN.`);
  return new Omrade(kant.id, kant.namn, o.kommun, o.namnd);
}

function seedPlan(em: EntityManager): Promise<boolean> {
  return seedOnce(em, S.SEED_KEY, async (tx) => {
    const o = S.OMRADE;
    tx.persist(seedOmrade(o));

    for (const p of S.PLATSER) tx.persist(nyPlats(p, o.id));

    for (const i of S.INCIDENTER) {
      const incident = new Incident(i.id, o.id, parsePeriod(i.period), i);
      incident.platsId = platsId(i.plats);
      incident.platsText = i.platsText;
      tx.persist(incident);
    }
    for (const k of S.KALLANMARKNINGAR) {
      const note = new Kallanmarkning(k.id, o.id, parsePeriod(k.period), k.avsnitt, k.text);
      note.angivetAntal = k.angivetAntal;
      note.listatAntal = k.listatAntal;
      tx.persist(note);
    }
    for (const k of S.KONTAKTER) {
      const kontakt = new Kontakt(k.id, o.id, parsePeriod(k.period), k.kanal, k.antal);
      Object.assign(kontakt, { miljo: k.miljo, atgard: k.atgard, utfall: k.utfall });
      tx.persist(kontakt);
    }
    for (const a of S.ATERVANDARE) {
      const row = new Atervandare(a.id, o.id, parsePeriod(a.period), a.kandaAntal, a.insatserAntal);
      row.kommentar = a.kommentar;
      tx.persist(row);
    }
    for (const f of S.FALTOBSERVATIONER) {
      const obs = new Faltobservation(f.id, o.id, parsePeriod(f.period), f);
      obs.miljo = f.miljo;
      obs.antal = f.antal;
      tx.persist(obs);
    }

    const h = S.HANDLINGSPLAN;
    tx.persist(new Handlingsplan(h.id, o.id, h.namn, h.fastalld, h.uppfoljning));
    S.ATGARDER.forEach((a, index) => {
      const nr = index + 1;
      const id = `${h.id}-atgard-${nr}`;
      const atgard = new Atgard(id, h.id, { ...a, nr, inriktning: S.ATGARD_INRIKTNING });
      atgard.andraBerorda = a.andraBerorda;
      atgard.giltigTom = a.giltigTom ?? null;
      tx.persist(atgard);
      const history = (delstegNr: number | null, status: typeof a.status, statusText: string) => {
        const event = new AtgardStatushandelse(`${id}-status-${delstegNr ?? 0}-0`, id, {
          tillStatus: status,
          statusText,
          kommentar: 'Status enligt handlingsplanen (maj 2017).',
          tidpunkt: h.statusTidpunkt,
          av: 'källdokument',
        });
        event.delstegNr = delstegNr;
        tx.persist(event);
      };
      history(null, a.status, a.statusText);
      a.delsteg?.forEach((d, i) => {
        tx.persist(new Delsteg(`${id}-delsteg-${i + 1}`, id, { ...d, nr: i + 1 }));
        history(i + 1, d.status, d.statusText);
      });
    });

    for (const f of S.SAMVERKANSFORUM) {
      const forum = new Samverkansforum(f.id, o.id, f.namn, f.syfte);
      Object.assign(forum, { frekvens: f.frekvens, deltagare: f.deltagare, sedan: f.sedan });
      tx.persist(forum);
    }
    await tx.flush();
  });
}
