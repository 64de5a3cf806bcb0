import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Roll } from '@lagesbild/domain';
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLObjectType, type GraphQLResolveInfo, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KitContext, medTransaktion, skapaKontext, skrivLasningar } from './context';
import { auditedWrite, granskningsDetalj, loggaLasningar } from './granskning';
import { GranskningsloggPost, Granskningstyp } from './granskningslogg.entity';
import { createOrm, migrate, type Orm } from './orm';

let dir: string;
let db: Orm;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-kontext-'));
  db = await createOrm({
    databaseUrl: join(dir, 'kontext.sqlite'),
    entities: [],
    migrations: [],
    quiet: true,
  });
  await migrate(db.orm);
});
afterAll(async () => {
  await db?.orm.close();
  await rm(dir, { recursive: true, force: true });
});

/** Loaders that only say which EntityManager they were made on. */
const loaders = (em: EntityManager) => ({ em });

function kontext(subject: string, requestId: string, operation: string) {
  const ctx = skapaKontext(
    db.orm.em.fork(),
    { loaders, diskretionTroskel: 4 },
    {
      viewer: { subject, roller: [Roll.ADMIN], skolaId: null },
      requestId,
    },
  );
  ctx.granskning.operation = operation;
  return ctx;
}

const Sak = new GraphQLObjectType({ name: 'Sak', fields: { id: { type: GraphQLString } } });

function info(fieldName: string, operation: string): GraphQLResolveInfo {
  return {
    fieldName,
    returnType: Sak,
    operation: { name: { value: operation } },
  } as unknown as GraphQLResolveInfo;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function rader(requestId: string) {
  const rows = await db.orm.em
    .fork()
    .find(GranskningsloggPost, { requestId }, { orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    subjekt: r.subjekt,
    operation: r.operation,
    typ: r.typ,
    vad: r.vad,
  }));
}

describe('a request’s state travels in its context (issue 16)', () => {
  it('carries the threshold and makes loaders on the request’s own EntityManager', () => {
    const ctx = kontext('anna', 'req-0', 'Fraga');
    expect(ctx.diskretionTroskel).toBe(4);
    expect(ctx.loaders.em).toBe(ctx.em);
    expect(ctx.skrivning).toBeUndefined();
  });

  it('gives a write a derived context and leaves the request’s context untouched', async () => {
    const ctx = kontext('anna', 'req-1', 'Skriv');
    const { em, loaders, granskning } = ctx;
    let sedd: KitContext<{ em: EntityManager }> | undefined;
    await medTransaktion(ctx, async (tx) => {
      sedd = tx;
      expect(tx).not.toBe(ctx);
      expect(tx.em).not.toBe(em);
      expect(tx.loaders.em).toBe(tx.em);
      expect(tx.skrivning).toEqual({ lasningar: [] });
      // The request's bookkeeping is shared; its em and loaders are not swapped.
      expect(tx.granskning).toBe(granskning);
      expect(ctx.em).toBe(em);
      expect(ctx.loaders).toBe(loaders);
    });
    expect(sedd?.viewer).toBe(ctx.viewer);
    expect(ctx.em).toBe(em);
    expect(ctx.loaders).toBe(loaders);
    expect(ctx.skrivning).toBeUndefined();
  });

  it('keeps two requests in flight apart: each one’s reads and writes carry its own caller', async () => {
    const a = kontext('anna', 'req-a', 'FragaA');
    const b = kontext('bertil', 'req-b', 'FragaB');
    db.sql.count = 0;
    // Both requests' reads at once: they wait for their request's answer, then one INSERT
    // each, each with its own caller.
    await Promise.all([
      loggaLasningar(a, [{ typ: 'Incident', id: 'a-1' }]),
      loggaLasningar(b, [{ typ: 'Incident', id: 'b-1' }]),
      loggaLasningar(a, [{ typ: 'Incident', id: 'a-2' }]),
      loggaLasningar(b, [{ typ: 'Incident', id: 'b-2' }]),
    ]);
    expect(db.sql.count).toBe(0);
    await Promise.all([skrivLasningar(a), skrivLasningar(b)]);
    expect(db.sql.count).toBe(2);
    // Written once: a second call has nothing left to write.
    await skrivLasningar(a);
    expect(db.sql.count).toBe(2);
    // Both requests' writes at once, each naming a detail after the other has started.
    await Promise.all([
      auditedWrite(a, info('skrivSak', 'SkrivA'), async (tx) => {
        await tick();
        granskningsDetalj(tx, 'detalj a');
        return { id: 'sak-a' };
      }),
      auditedWrite(b, info('skrivSak', 'SkrivB'), async (tx) => {
        granskningsDetalj(tx, 'detalj b');
        await tick();
        return { id: 'sak-b' };
      }),
    ]);
    // A detail named outside a write concerns no entry.
    granskningsDetalj(a, 'ingen skrivning');
    expect(await rader('req-a')).toEqual([
      { subjekt: 'anna', operation: 'FragaA', typ: Granskningstyp.LASNING, vad: 'Incident:a-1' },
      { subjekt: 'anna', operation: 'FragaA', typ: Granskningstyp.LASNING, vad: 'Incident:a-2' },
      {
        subjekt: 'anna',
        operation: 'SkrivA',
        typ: Granskningstyp.SKRIVNING,
        vad: 'skrivSak Sak:sak-a detalj a',
      },
    ]);
    expect(await rader('req-b')).toEqual([
      { subjekt: 'bertil', operation: 'FragaB', typ: Granskningstyp.LASNING, vad: 'Incident:b-1' },
      { subjekt: 'bertil', operation: 'FragaB', typ: Granskningstyp.LASNING, vad: 'Incident:b-2' },
      {
        subjekt: 'bertil',
        operation: 'SkrivB',
        typ: Granskningstyp.SKRIVNING,
        vad: 'skrivSak Sak:sak-b detalj b',
      },
    ]);
  });

  it('logs nothing for a write that fails, and the next write starts without its detail', async () => {
    const ctx = kontext('anna', 'req-c', 'Skriv');
    await expect(
      auditedWrite(ctx, info('skrivSak', 'Misslyckas'), async (tx) => {
        granskningsDetalj(tx, 'borde inte synas');
        throw new Error('nekad');
      }),
    ).rejects.toThrow('nekad');
    await auditedWrite(ctx, info('skrivSak', 'Lyckas'), async () => ({ id: 'sak-c' }));
    expect(await rader('req-c')).toEqual([
      {
        subjekt: 'anna',
        operation: 'Lyckas',
        typ: Granskningstyp.SKRIVNING,
        vad: 'skrivSak Sak:sak-c',
      },
    ]);
  });
});
