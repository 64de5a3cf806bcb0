import { randomUUID } from 'node:crypto';
import { okantOmradeFel, platsId } from '@lagesbild/domain';
import { loggaSkrivningar, type Skrivare } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { Klotteranmalan, Nollrapport, RAPPORTOR_NAMN, type Rapportor } from '../entities';
import {
  dagsperiod,
  konfliktText,
  nollKrockText,
  omsandningsKonflikt,
  overlappar,
  TIDFALT,
  tillampaTider,
} from '../registrering';
import { type Inkommande, lasServiceRequest } from './open311';

export interface Avvisad {
  /** The record's position in what was sent, from 1. */
  post: number;
  service_request_id: string | null;
  skal: string[];
  /** Refused as a conflict: the request says something else than the stored report. */
  konflikt?: true;
}

export interface ImportResultat {
  mottagna: number;
  nya: number;
  uppdaterade: number;
  oforandrade: number;
  avvisade: Avvisad[];
}

export interface ImportOptions {
  /** The district the requests belong to (Open311 has no such field). */
  omradeId: string;
  /** When set, only these reporters' requests are accepted (a reporter's own role). */
  tillatna?: readonly Rapportor[];
  /** Records per transaction. */
  batch?: number;
  /** Who sends the records, for the audit log: every new or changed report gets an entry. */
  skrivare: Skrivare;
  /** Where the records came from, named in each entry (the file of an import command). */
  kalla?: string;
}

/**
 * Imports GeoReport v2 service requests as reports. Every record is checked; a bad one is
 * rejected with its reasons and the good ones are kept. Idempotent on (reporter,
 * service_request_id): a known request updates only its times (see registrering.ts), so
 * importing the same file twice changes nothing. Written in batches, each a transaction:
 * one SELECT for the batch's known ids, then inserts and updates.
 */
export async function importOpen311(
  em: EntityManager,
  records: readonly unknown[],
  options: ImportOptions,
): Promise<ImportResultat> {
  // The caller refuses an unknown area first (HTTP 400, exit code 3); this is the guard.
  const okant = okantOmradeFel(options.omradeId);
  if (okant) throw new Error(okant);
  const result: ImportResultat = {
    mottagna: records.length,
    nya: 0,
    uppdaterade: 0,
    oforandrade: 0,
    avvisade: [],
  };
  const reject = (post: number, raw: unknown, skal: string[]) => {
    const id = (raw as { service_request_id?: unknown } | null)?.service_request_id;
    result.avvisade.push({ post, service_request_id: typeof id === 'string' ? id : null, skal });
  };
  const nollor = await em.fork().find(Nollrapport, { omradeId: options.omradeId });
  const seen = new Map<string, number>();
  const size = options.batch ?? 1000;

  for (let start = 0; start < records.length; start += size) {
    const batch: { post: number; raw: unknown; in: Inkommande }[] = [];
    for (let i = start; i < Math.min(records.length, start + size); i += 1) {
      const raw = records[i];
      const read = lasServiceRequest(raw);
      if ('skal' in read) {
        reject(i + 1, raw, read.skal);
        continue;
      }
      const r = read.ok;
      if (options.tillatna && !options.tillatna.includes(r.rapportor)) {
        reject(i + 1, raw, [
          `din roll får inte skicka anmälningar för ${RAPPORTOR_NAMN[r.rapportor]}`,
        ]);
        continue;
      }
      const key = `${r.rapportor}|${r.rapportorensId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        reject(i + 1, raw, [`samma service_request_id finns redan i post ${earlier}`]);
        continue;
      }
      seen.set(key, i + 1);
      batch.push({ post: i + 1, raw, in: r });
    }
    if (batch.length === 0) continue;

    const tx = em.fork();
    await tx.transactional(async (t) => {
      // Both columns of the unique index, so the lookup is an index search, not a scan.
      const known = await t.find(Klotteranmalan, {
        rapportor: { $in: [...new Set(batch.map((b) => b.in.rapportor))] },
        rapportorensId: { $in: [...new Set(batch.map((b) => b.in.rapportorensId))] },
      });
      const byKey = new Map(known.map((k) => [`${k.rapportor}|${k.rapportorensId}`, k]));
      const fresh: Klotteranmalan[] = [];
      // One audit entry per report written, in this transaction (see loggaSkrivningar).
      const skrivna: string[] = [];
      const fran = (post: number) => `${options.kalla ? `${options.kalla} ` : ''}post ${post}`;
      for (const { post, raw, in: r } of batch) {
        const tider = {
          anmaldTid: r.anmaldTid,
          avropTid: r.avropTid,
          paPlatsTid: r.paPlatsTid,
          borttagenTid: r.borttagenTid,
        };
        const existing = byKey.get(`${r.rapportor}|${r.rapportorensId}`);
        if (existing) {
          const konflikt = omsandningsKonflikt(existing, {
            kategori: r.kategori,
            omradeId: options.omradeId,
          });
          if (konflikt) {
            reject(post, raw, [konfliktText(existing, konflikt)]);
            result.avvisade[result.avvisade.length - 1]!.konflikt = true;
            continue;
          }
          // Every field a known request may change, so a change of any of them is counted
          // and audited as a write, and one that changes nothing is neither.
          const written = () =>
            [...TIDFALT.map((f) => existing[f]), existing.uppdateradTid, existing.polisanmald].join(
              '|',
            );
          const before = written();
          const problems = tillampaTider(existing, tider);
          if (problems.length > 0) {
            reject(
              post,
              raw,
              problems.map((p) => p.reason),
            );
            continue;
          }
          if (r.uppdateradTid) existing.uppdateradTid = r.uppdateradTid;
          if (r.polisanmald !== null) existing.polisanmald = r.polisanmald;
          if (written() === before) result.oforandrade += 1;
          else {
            result.uppdaterade += 1;
            skrivna.push(`Klotteranmalan:${existing.id} uppdaterad, ${fran(post)}`);
          }
          continue;
        }
        const period = dagsperiod(r.anmaldTid);
        const noll = nollor.find((n) => n.rapportor === r.rapportor && overlappar(n, period));
        if (noll) {
          reject(post, raw, [nollKrockText(noll, r.rapportor)]);
          continue;
        }
        const row = new Klotteranmalan(randomUUID(), options.omradeId, period, r);
        Object.assign(row, {
          rapportorensId: r.rapportorensId,
          platsId: r.plats ? platsId(r.plats) : null,
          platsText: r.plats,
          lat: r.lat,
          lon: r.lon,
          uppdateradTid: r.uppdateradTid,
          polisanmald: r.polisanmald,
          anteckningar: r.anteckningar,
        });
        const problems = tillampaTider(row, tider);
        if (problems.length > 0) {
          reject(
            post,
            raw,
            problems.map((p) => p.reason),
          );
          continue;
        }
        fresh.push(row);
        skrivna.push(`Klotteranmalan:${row.id} ny, ${fran(post)}`);
      }
      if (fresh.length > 0) await t.insertMany(fresh);
      await loggaSkrivningar(t, options.skrivare, skrivna);
      result.nya += fresh.length;
    });
  }
  result.avvisade.sort((a, b) => a.post - b.post);
  return result;
}
