import { readFileSync } from 'node:fs';
import * as gateway from '@apollo/gateway';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import {
  forApolloGateway,
  klientensOperation,
  nastaSteg,
  TESTADE_VERSIONER,
} from './apollo-interna';

/**
 * Fails when an upgrade of Apollo Gateway or Apollo Server moves what apollo-interna.ts
 * leans on. When one fails: read the numbered reach it names, check the new version's
 * code, and either adapt the reach (and TESTADE_VERSIONER) or use the public API that
 * now exists for it.
 */

const installed = (pkg: string): string =>
  (
    JSON.parse(
      readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8'),
    ) as { version: string }
  ).version;

const gatewayFile = (file: string): string =>
  readFileSync(new URL(`../node_modules/@apollo/gateway/dist/${file}`, import.meta.url), 'utf8');

describe("Apollo's insides the gateway leans on", () => {
  it('are the versions they were read against', () => {
    expect(installed('@apollo/gateway')).toBe(TESTADE_VERSIONER['@apollo/gateway']);
    expect(installed('@apollo/server')).toBe(TESTADE_VERSIONER['@apollo/server']);
  });

  it('1: a client operation is told by incomingRequestContext; the request kind is not exported', () => {
    expect('GraphQLDataSourceRequestKind' in gateway).toBe(false);
    // executeQueryPlan hands a data source the client's request under this name.
    expect(gatewayFile('executeQueryPlan.js')).toMatch(
      /incomingRequestContext: context\.requestContext/,
    );
    const operation = { operation: 'query' };
    const incoming = { incomingRequestContext: { operation } };
    expect(klientensOperation({ request: {}, context: {}, ...incoming } as never)).toBe(
      incoming.incomingRequestContext,
    );
    expect(klientensOperation({ request: {}, context: {} } as never)).toBeUndefined();
  });

  it("2: RemoteGraphQLDataSource's process calls didReceiveResponse with response, request, context", async () => {
    const own = RemoteGraphQLDataSource.prototype as unknown as Record<string, unknown>;
    const text = `${String(own.process)}\n${String(own.respond)}`;
    expect(text).toMatch(/this\.didReceiveResponse\(\{ response, request, context/);
    expect(text).not.toMatch(/willSendResponse|didReceiveResponse\(response/);
    const source = new RemoteGraphQLDataSource<object>({ url: 'http://127.0.0.1:1/graphql' });
    const seen: unknown[] = [];
    source.didReceiveResponse = async (rc) => {
      seen.push(Object.keys(rc).sort());
      return { ...rc.response, data: { hooked: true } };
    };
    const out = await nastaSteg(source, { data: {} }, { request: {}, context: {} } as never);
    expect(out.data).toEqual({ hooked: true });
    expect(seen).toEqual([['context', 'request', 'response']]);
  });

  it("3: the gateway's executor plans from the document and caches plans by the queryHash it is given", () => {
    const index = gatewayFile('index.js');
    expect(index).toMatch(/const \{ request, document, queryHash \} = requestContext;/);
    expect(index).toMatch(/queryPlanStore\.get\(queryPlanStoreKey\)/);
  });

  it('4: Apollo Gateway refuses the SECURITY links it does not implement, and loads them without', async () => {
    const raw = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
    expect(raw).toMatch(/for: SECURITY/);
    await expect(new ApolloGateway({ supergraphSdl: raw }).load()).rejects.toThrow(
      /SECURITY but is unsupported/,
    );
    const loaded = new ApolloGateway({ supergraphSdl: forApolloGateway(raw) });
    await expect(loaded.load()).resolves.toBeDefined();
    await loaded.stop();
  });
});
