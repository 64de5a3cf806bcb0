import { Roll } from '@lagesbild/domain';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { arCachebarLasning, cachenyckel, kanLagras, post, SvarsLru } from './cache-policy';

const operationOf = (text: string) => {
  const def = parse(text).definitions[0];
  if (def?.kind !== 'OperationDefinition') throw new Error('no operation');
  return def;
};

describe('the cache policy', () => {
  const lista = new Set(['Dashboard']);

  it('decides a read from the parsed operation, not from the text', () => {
    expect(arCachebarLasning(operationOf('query Dashboard { a }'), 'Dashboard', lista)).toBe(true);
    // Text that begins like a read but is a mutation (a comment first) is not one.
    expect(
      arCachebarLasning(operationOf('# query\nmutation Dashboard { a }'), 'Dashboard', lista),
    ).toBe(false);
    expect(arCachebarLasning(operationOf('{ a }'), 'Dashboard', lista)).toBe(true);
    expect(arCachebarLasning(operationOf('query Annan { a }'), 'Annan', lista)).toBe(false);
    expect(arCachebarLasning(operationOf('query Dashboard { a }'), null, lista)).toBe(false);
    expect(arCachebarLasning(undefined, 'Dashboard', lista)).toBe(false);
  });

  it('keys by roles and school, not by who the caller is', () => {
    const a = cachenyckel(
      's',
      'h',
      'Dashboard',
      { x: 1 },
      { roller: [Roll.POLIS, Roll.ANALYTIKER], skolaId: null },
    );
    const b = cachenyckel(
      's',
      'h',
      'Dashboard',
      { x: 1 },
      { roller: [Roll.ANALYTIKER, Roll.POLIS], skolaId: null },
    );
    expect(a).toBe(b);
    expect(
      cachenyckel('s', 'h', 'Dashboard', { x: 2 }, { roller: [Roll.ANALYTIKER], skolaId: null }),
    ).not.toBe(
      cachenyckel('s', 'h', 'Dashboard', { x: 1 }, { roller: [Roll.ANALYTIKER], skolaId: null }),
    );
    expect(cachenyckel('s2', 'h', 'Dashboard', {}, { roller: [], skolaId: null })).not.toBe(
      cachenyckel('s', 'h', 'Dashboard', {}, { roller: [], skolaId: null }),
    );
  });

  it('keeps only whole answers whose sources can be checked', () => {
    expect(kanLagras({ data: { a: 1 } }, false)).toBe(true);
    expect(kanLagras({ data: { a: 1 } }, true)).toBe(false);
    expect(kanLagras({ data: { a: 1 }, errors: [{ message: 'x' }] }, false)).toBe(false);
    expect(kanLagras({ data: null }, false)).toBe(false);
    expect(kanLagras({ data: { a: 1 }, extensions: { saknadeKallor: ['polis'] } }, false)).toBe(
      false,
    );
  });

  it('keeps a frozen copy', () => {
    const result = { data: { a: { b: 1 } } };
    const kept = post(result, []);
    result.data.a.b = 2;
    expect(kept.result).toEqual({ data: { a: { b: 1 } } });
    expect(Object.isFrozen((kept.result.data as { a: object }).a)).toBe(true);
  });

  it('drops the least recently used first, by entries and by bytes', () => {
    const lru = new SvarsLru(2, 1000);
    const p = (n: number) => post({ data: { n } }, []);
    lru.set('a', p(1));
    lru.set('b', p(2));
    lru.get('a');
    lru.set('c', p(3));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.size).toBe(2);

    const small = new SvarsLru(10, 30);
    small.set('a', p(1));
    small.set('b', p(2));
    expect(small.bytes).toBeLessThanOrEqual(30);
    expect(small.get('a')).toBeUndefined();
    // Larger than the whole budget: not kept, and the key's previous answer is gone too.
    small.set('b', post({ data: { lang: 'x'.repeat(100) } }, []));
    expect(small.get('b')).toBeUndefined();
    expect(small.size).toBe(0);
  });
});
