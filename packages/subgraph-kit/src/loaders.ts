import { narmasteGrovrePeriod, type Period, periodContains } from '@lagesbild/domain';
import {
  type EntityClass,
  type EntityManager,
  type EntityProperty,
  type FilterQuery,
  ReferenceKind,
} from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { ROWS_AS_ARRAYS } from './orm';

interface Lasplan {
  tabell: string;
  kolumner: string;
  props: EntityProperty[];
  prototype: object;
}

const lasplaner = new WeakMap<EntityManager['config'], Map<string, Lasplan | null>>();

/**
 * How to read an entity's rows as plain instances, or null when it cannot be done
 * faithfully (a relation, an embeddable, a property over several columns): then the
 * loader reads through `em.find`. One plan per ORM and entity.
 */
function lasplan(em: EntityManager, entity: EntityClass<object>): Lasplan | null {
  let perOrm = lasplaner.get(em.config);
  if (!perOrm) {
    perOrm = new Map();
    lasplaner.set(em.config, perOrm);
  }
  const known = perOrm.get(entity.name);
  if (known !== undefined) return known;
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const props = meta.props.filter((p) => p.persist !== false);
  const enkel = props.every(
    (p) => p.kind === ReferenceKind.SCALAR && p.fieldNames?.length === 1 && !p.formula,
  );
  const plan = enkel
    ? {
        tabell: platform.quoteIdentifier(meta.tableName),
        kolumner: props.map((p) => platform.quoteIdentifier(p.fieldNames[0]!)).join(', '),
        props,
        prototype: untrackedPrototype(
          meta.prototype as object,
          props.map((p) => p.name),
        ),
      }
    : null;
  perOrm.set(entity.name, plan);
  return plan;
}

/**
 * Reads rows of an entity outside any write as plain instances of its class: one SQL
 * statement with bound parameters, each column converted as MikroORM's hydration converts
 * it (its type's convertToJSValue: JSON parsed, booleans from 0/1, …), and no query
 * building, identity map or change tracking — a read request only reads them. Inside a
 * transaction (a write, which may change and flush what it loads), or for an entity it
 * cannot read faithfully, it is `em.find`. `where` is SQL over the table's columns (see
 * `kolumn`); `orderBy` names properties, as em.find's does.
 */
export async function lasRader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: { sql: string; params: unknown[] },
  fallback: () => Promise<T[]>,
  orderBy: Record<string, 'asc' | 'desc'> = {},
): Promise<T[]> {
  const plan = em.isInTransaction() ? null : lasplan(em, entity);
  if (!plan) return fallback();
  const platform = em.getPlatform();
  const ordning = Object.entries(orderBy).map(([p, r]) => `${kolumn(em, entity, p)} ${r}`);
  const order = ordning.length ? ` order by ${ordning.join(', ')}` : '';
  const rows = (await em
    .getConnection()
    .execute(
      `${ROWS_AS_ARRAYS}select ${plan.kolumner} from ${plan.tabell} where ${where.sql}${order}`,
      where.params as never[],
    )) as (unknown[] | Record<string, unknown>)[];
  return rows.map(radTillInstans<T>(plan, platform));
}

function radTillInstans<T>(
  plan: Lasplan,
  platform: ReturnType<EntityManager['getPlatform']>,
): (row: unknown[] | Record<string, unknown>) => T {
  const { props } = plan;
  return (row) => {
    const ut = Object.create(plan.prototype) as Record<string, unknown>;
    // lasRader's rows on libSQL are arrays (ROWS_AS_ARRAYS: the columns in the plan's
    // order); PostgreSQL's, and those of a loader's own SQL (radlasare), are objects.
    const lista = Array.isArray(row) ? row : undefined;
    for (let i = 0; i < props.length; i++) {
      const prop = props[i]!;
      let value = lista ? lista[i] : (row as Record<string, unknown>)[prop.fieldNames[0]!];
      if (value !== null && value !== undefined) {
        if (prop.customType) value = prop.customType.convertToJSValue(value, platform);
        else if (prop.runtimeType === 'boolean') value = Boolean(value);
      }
      ut[prop.name] = value;
    }
    return ut as T;
  };
}

const untrackedPrototypes = new WeakMap<object, Map<string, object>>();

/**
 * The prototype of an entity's instance that MikroORM does not track: the entity's own
 * prototype, with in front of it a writable data property (undefined) for each of `names`.
 * MikroORM puts a setter for each tracked property on the entity's prototype that, on the
 * first assignment, gives the instance an entity helper and a getter/setter pair per
 * property (change tracking for managed entities). Assigning a property of `names` on an
 * instance of this prototype meets the data property first, so it makes a plain own
 * property and the setter never runs. The instance is still `instanceof` its class. At a
 * million graffiti reports those setters were förvaltning's largest cost after GC; defining
 * each property on the instance instead, as lasRader did before, costs about eight times
 * what assigning it does here.
 */
function untrackedPrototype(prototype: object, names: readonly string[]): object {
  let perNames = untrackedPrototypes.get(prototype);
  if (!perNames) {
    perNames = new Map();
    untrackedPrototypes.set(prototype, perNames);
  }
  const key = names.join('\n');
  let between = perNames.get(key);
  if (!between) {
    between = Object.create(prototype) as object;
    for (const name of names) {
      Object.defineProperty(between, name, { value: undefined, writable: true });
    }
    perNames.set(key, between);
  }
  return between;
}

/**
 * An instance of `entity` with `values` as its own properties, untracked as lasRader's rows
 * are (see untrackedPrototype): for an instance a subgraph makes itself, such as a place
 * known to a partner but not to the register.
 */
export function untrackedInstance<T extends object>(
  entity: EntityClass<T>,
  values: { [K in keyof T]?: T[K] | null },
): T {
  const names = Object.keys(values);
  const instance = Object.create(untrackedPrototype(entity.prototype, names)) as Record<
    string,
    unknown
  >;
  for (const name of names) instance[name] = values[name as keyof T];
  return instance as T;
}

/**
 * lasRader's conversion alone, for a loader that writes its own SQL (a page, a keyset
 * read): turns a row with the entity's columns (other columns ignored) into a plain
 * instance as lasRader does. Only for an entity of plain columns; throws otherwise.
 */
export function radlasare<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
): (row: Record<string, unknown>) => T {
  const plan = lasplan(em, entity);
  if (!plan) throw new Error(`${entity.name} cannot be read as plain rows (not plain columns)`);
  return radTillInstans<T>(plan, em.getPlatform());
}

/** An entity's property as its column in SQL (quoted). */
function kolumn<T extends object>(em: EntityManager, entity: EntityClass<T>, prop: string): string {
  const column = em.getMetadata().get(entity.name).properties[prop]!.fieldNames[0]!;
  return em.getPlatform().quoteIdentifier(column);
}

/** `column in (?, ?, …)` for `keys`, bound. */
function iLista(column: string, keys: readonly unknown[]): { sql: string; params: unknown[] } {
  return { sql: `${column} in (${keys.map(() => '?').join(', ')})`, params: [...keys] };
}

/**
 * Loads entities by a key, one `WHERE key IN (...)` per batch; a key with no row gives
 * null, so `__resolveReference` can answer with what it knows.
 */
export function entityLoader<T extends object, K extends string = string>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: keyof T & string = 'id' as keyof T & string,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await lasRader(em, entity, iLista(kolumn(em, entity, key), keys), () =>
      em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<T>),
    );
    const byKey = new Map<unknown, T>(rows.map((r) => [r[key], r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** One-to-many by a foreign key: one `WHERE fk IN (...)` per batch. */
export function groupLoader<T extends object, K extends string = string>(
  em: EntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  options: { where?: FilterQuery<T>; orderBy?: Record<string, 'asc' | 'desc'> } = {},
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const find = () =>
      em.find(
        entity,
        { $and: [{ [foreignKey]: { $in: [...keys] } }, options.where ?? {}] } as FilterQuery<T>,
        options.orderBy ? { orderBy: options.orderBy as never } : {},
      );
    const rows = options.where
      ? await find()
      : await lasRader(
          em,
          entity,
          iLista(kolumn(em, entity, foreignKey), keys),
          find,
          options.orderBy,
        );
    const groups = new Map<unknown, T[]>();
    for (const row of rows) {
      const k = row[foreignKey];
      const list = groups.get(k);
      if (list) list.push(row);
      else groups.set(k, [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** An area and a period: the key of every per-period section of the picture. */
export interface AreaPeriod {
  omradeId: string;
  period: Period;
}

/**
 * A partner's section of the picture (ForvaltningLage, PolisLage, …): no stored row, just
 * the area-period its fields are resolved from, which is also its loaders' key.
 */
export abstract class AreaPeriodSection implements AreaPeriod {
  omradeId: string;
  period: Period;

  constructor(omradeId: string, period: Period) {
    this.omradeId = omradeId;
    this.period = period;
  }
}

export function areaPeriodKey(k: AreaPeriod): string {
  return `${k.omradeId}|${k.period.text}`;
}

/**
 * A common table `k(idx, omrade_id, fran, till)` holding a batch of area-period keys, so
 * one SQL statement can aggregate every key of a DataLoader batch:
 * `WITH k(...) AS (VALUES ...) SELECT k.idx, ... FROM k JOIN t ON ... GROUP BY k.idx`.
 * Works on SQLite and PostgreSQL alike.
 */
export function areaPeriodCte(keys: readonly AreaPeriod[]): { sql: string; params: string[] } {
  const rows = keys.map(() => '(?, ?, ?, ?)').join(', ');
  const params = keys.flatMap((k, i) => [String(i), k.omradeId, k.period.fran, k.period.till]);
  return { sql: `with k(idx, omrade_id, fran, till) as (values ${rows})`, params };
}

/**
 * areaPeriodCte with a fifth column, `ar_fran`: 1 January of the year the key's period
 * starts in, where a search for the periods that strictly contain the key may start. A
 * year is the longest period there is, every longer kind (year, half, tertial, quarter,
 * month) lies inside one calendar year, and a week contains no period, so a record that
 * strictly contains the key starts in that year. Unbounded, the search read every record
 * of the area dated before the period (most of twenty years at scale); bounded, it is a
 * range of at most a year in the (omrade_id, fran, …) index, a single day for a year.
 */
export function grovrePeriodCte(keys: readonly AreaPeriod[]): { sql: string; params: string[] } {
  const rows = keys.map(() => '(?, ?, ?, ?, ?)').join(', ');
  const params = keys.flatMap((k, i) => [
    String(i),
    k.omradeId,
    k.period.fran,
    k.period.till,
    `${k.period.fran.slice(0, 4)}-01-01`,
  ]);
  return { sql: `with k(idx, omrade_id, fran, till, ar_fran) as (values ${rows})`, params };
}

/**
 * The join condition over grovrePeriodCte's `k`: the record `alias` is in the key's area
 * and its period strictly contains the key's, searched from the key's year's start.
 */
export function grovrePeriodVillkor(alias: string): string {
  return `${alias}.omrade_id = k.omrade_id and ${alias}.fran >= k.ar_fran and ${alias}.fran <= k.fran
   and ${alias}.till >= k.till and (${alias}.fran < k.fran or ${alias}.till > k.till)`;
}

/**
 * A DataLoader over area-period keys whose batch function runs one aggregate statement
 * and hands back rows tagged with `idx` (the key's position in the batch).
 */
export function areaPeriodLoader<Row extends { idx: string | number }, V>(
  run: (cte: { sql: string; params: string[] }, keys: readonly AreaPeriod[]) => Promise<Row[]>,
  shape: (rows: Row[], key: AreaPeriod) => V,
  cte: (keys: readonly AreaPeriod[]) => { sql: string; params: string[] } = areaPeriodCte,
): DataLoader<AreaPeriod, V, string> {
  return new DataLoader<AreaPeriod, V, string>(
    async (keys) => {
      const rows = await run(cte(keys), keys);
      const byIdx = new Map<number, Row[]>();
      for (const row of rows) {
        const i = Number(row.idx);
        const list = byIdx.get(i);
        if (list) list.push(row);
        else byIdx.set(i, [row]);
      }
      return keys.map((k, i) => shape(byIdx.get(i) ?? [], k));
    },
    { cacheKeyFn: areaPeriodKey },
  );
}

/**
 * The records of an entity that lie inside each key's period, one SELECT per batch
 * (`omrade_id = ? and fran >= ? and till <= ?` or'ed over the batch).
 */
export function areaPeriodListLoader<T extends { omradeId: string; fran: string; till: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  orderBy: Record<string, 'asc' | 'desc'> = { fran: 'asc', id: 'asc' },
): DataLoader<AreaPeriod, T[], string> {
  return new DataLoader<AreaPeriod, T[], string>(
    async (keys) => {
      const q = (prop: string) => kolumn(em, entity, prop);
      const rows = await lasRader(
        em,
        entity,
        {
          sql: keys
            .map(() => `(${q('omradeId')} = ? and ${q('fran')} >= ? and ${q('till')} <= ?)`)
            .join(' or '),
          params: keys.flatMap((k) => [k.omradeId, k.period.fran, k.period.till]),
        },
        () =>
          em.find(
            entity,
            {
              $or: keys.map((k) => ({
                omradeId: k.omradeId,
                fran: { $gte: k.period.fran },
                till: { $lte: k.period.till },
              })),
            } as FilterQuery<T>,
            { orderBy: orderBy as never },
          ),
        orderBy,
      );
      return keys.map((k) =>
        rows.filter(
          (r) => r.omradeId === k.omradeId && r.fran >= k.period.fran && r.till <= k.period.till,
        ),
      );
    },
    { cacheKeyFn: areaPeriodKey },
  );
}

/**
 * `__resolveReference` through a per-request DataLoader: the gateway's N references in
 * one `_entities` call become one SQL statement. `missing` answers for a key with no row.
 */
export function batchedReference<TContext, TRef extends Record<string, unknown>, TKey, TValue>(
  loader: (context: TContext) => DataLoader<TKey, TValue | null, unknown>,
  key: (reference: TRef) => TKey,
  missing: (reference: TRef) => TValue | null = () => null,
) {
  return {
    __resolveReference: async (reference: TRef, context: TContext): Promise<TValue | null> =>
      (await loader(context).load(key(reference))) ?? missing(reference),
  };
}

/**
 * For each area-period, the shortest longer period that contains it and for which the
 * partner has records in any of `entities` (a record dated only to 2016 when 2016-H2 is
 * asked), or null. One statement per batch: a union over the tables of the periods as
 * written by the records that strictly contain each key's range.
 *
 * The search starts on 1 January of the year the key's period starts in (grovrePeriodCte).
 */
export function grovrePeriodLoader(
  em: EntityManager,
  entities: readonly EntityClass<{
    omradeId: string;
    period: string;
    fran: string;
    till: string;
  }>[],
): DataLoader<AreaPeriod, Period | null, string> {
  return areaPeriodLoader<{ idx: string | number; period: string }, Period | null>(
    (cte) => {
      const meta = em.getMetadata();
      const delar = entities.map((e) => {
        const tabell = meta.get(e.name).tableName;
        return `select distinct k.idx, t.period from k join ${tabell} t on ${grovrePeriodVillkor('t')}`;
      });
      return em
        .getConnection()
        .execute<{ idx: string | number; period: string }[]>(
          `${cte.sql} ${delar.join(' union ')}`,
          cte.params,
        );
    },
    (rows, key) =>
      narmasteGrovrePeriod(
        rows.map((r) => r.period),
        key.period,
      ),
    grovrePeriodCte,
  );
}

/**
 * The records at a set of places (a place and its parts), through a per-place loader: one
 * statement per batch, each record once (an event may stand at two of the places), those
 * inside `period` when one is given, in time order as for a single place.
 */
export async function paPlatser<T extends { id: string; fran: string; till: string }>(
  loader: DataLoader<string, T[]>,
  platsIds: readonly string[],
  period?: Period | null,
): Promise<T[]> {
  const sett = new Set<string>();
  const ut: T[] = [];
  for (const lista of await loader.loadMany(platsIds)) {
    if (lista instanceof Error) throw lista;
    for (const r of lista) {
      if (sett.has(r.id) || (period && !periodContains(period, r))) continue;
      sett.add(r.id);
      ut.push(r);
    }
  }
  return ut.sort((a, b) => a.fran.localeCompare(b.fran) || a.id.localeCompare(b.id));
}
