import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { REVISION_PATH, SVARSCACHE_EXTENSION } from '@lagesbild/http-kit';
import { describe, expect, it } from 'vitest';
import { medSvarscache, type Samlare } from './svarscache-kallor';

const samlare = (): Samlare => ({ key: 'k', utfall: 'miss', kallor: new Map(), okand: false });

async function svar(source: RemoteGraphQLDataSource<object>, context: object, extensions?: object) {
  const hook = source.didReceiveResponse;
  if (!hook) throw new Error('no hook');
  return hook({ response: { data: {}, extensions } as never, request: {}, context } as never);
}

describe("the response cache's bookkeeping from subgraph answers", () => {
  const url = 'http://127.0.0.1:1/graphql';
  const revisionUrl = new URL(REVISION_PATH, url).toString();
  const ext = (revision: number, id: string) => ({
    [SVARSCACHE_EXTENSION]: { subgraf: 'polis', revision, granskning: [{ typ: 'T', id }] },
  });

  it('notes the lowest revision and every audited read, and strips the extension', async () => {
    const source = medSvarscache(new RemoteGraphQLDataSource<object>({ url }));
    const s = samlare();
    const a = await svar(source, { svarscache: s }, { ...ext(5, 'a'), ftv1: 'x' });
    await svar(source, { svarscache: s }, ext(4, 'b'));
    expect(a.extensions).toEqual({ ftv1: 'x' });
    expect(s.okand).toBe(false);
    expect(s.kallor.get(revisionUrl)).toEqual({
      url: revisionUrl,
      subgraf: 'polis',
      revision: 4,
      granskning: [
        { typ: 'T', id: 'a' },
        { typ: 'T', id: 'b' },
      ],
    });
  });

  it('marks an answer without the extension unknown, and strips it outside the cache too', async () => {
    const source = medSvarscache(new RemoteGraphQLDataSource<object>({ url }));
    const s = samlare();
    await svar(source, { svarscache: s });
    expect(s.okand).toBe(true);
    const utan = await svar(source, {}, ext(1, 'a'));
    expect(utan.extensions).toBeUndefined();
  });
});
