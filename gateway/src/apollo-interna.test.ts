import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as gateway from '@apollo/gateway';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type DocumentNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  apollosResultatformning,
  behallOperationer,
  forApolloGateway,
  formaSvarSjalv,
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

describe('5: the Operation executeQueryPlan builds per request is kept', () => {
  it('is built where it was read: from the api schema, unvalidated, on every execution', () => {
    expect(gatewayFile('executeQueryPlan.js')).toMatch(
      /operation = \(0, federation_internals_1\.operationFromDocument\)\(apiSchema, \{\s*kind: graphql_1\.Kind\.DOCUMENT,\s*definitions: \[\s*operationContext\.operation,\s*\.\.\.Object\.values\(operationContext\.fragments\),\s*\],\s*\}, \{\s*validate: false,\s*\}\)/,
    );
  });

  it('answers the same Operation for the same nodes and schema, a new one for any other', () => {
    behallOperationer();
    const fromGateway = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
    const internals = fromGateway('@apollo/federation-internals') as {
      operationFromDocument: (s: unknown, d: DocumentNode, o?: object) => unknown;
      buildSchema: (sdl: string) => unknown;
    };
    const schema = internals.buildSchema('type Query { a: Int b: T } type T { c: Int }');
    const other = internals.buildSchema('type Query { a: Int b: T } type T { c: Int }');
    const doc = parse('query { a b { ...F } } fragment F on T { c }');
    const [operation, fragment] = doc.definitions;
    const build = (
      definitions: DocumentNode['definitions'],
      s = schema,
      o: object = { validate: false },
    ) => internals.operationFromDocument(s, { kind: Kind.DOCUMENT, definitions }, o);
    const first = build([operation!, fragment!]);
    // A new document object with the same nodes, as executeQueryPlan makes each time.
    expect(build([operation!, fragment!]) === first).toBe(true);
    expect(build([operation!, parse('fragment F on T { c }').definitions[0]!]) === first).toBe(
      false,
    );
    expect(build([operation!, fragment!], other) === first).toBe(false);
    // Validated calls (planning) and named operations are never kept.
    const validated = build([operation!, fragment!], schema, {});
    expect(build([operation!, fragment!], schema, {}) === validated).toBe(false);
    const namngiven = parse('query Namngiven { a }').definitions;
    const named = { validate: false, operationName: 'Namngiven' };
    const namedOnce = build(namngiven, schema, named);
    expect(build(namngiven, schema, named) === namedOnce).toBe(false);
  });
});

describe('6: result shaping is the gateway’s own', () => {
  it('is called where it was read: from the module’s exports, once per execution', () => {
    expect(gatewayFile('executeQueryPlan.js')).toMatch(
      /\(\{ data, errors: postProcessingErrors \} = \(0, resultShaping_1\.computeResponse\)\(\{\s*operation,\s*variables,\s*input: unfilteredData,\s*introspectionHandling:/,
    );
    expect(gatewayFile('resultShaping.js')).toMatch(/exports\.computeResponse = computeResponse;/);
  });

  it('replaces Apollo Gateway’s export once (result-shaping.test.ts compares the two)', () => {
    const fromGateway = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
    const shaping = fromGateway('@apollo/gateway/dist/resultShaping') as {
      computeResponse: unknown;
    };
    const apollos = apollosResultatformning();
    formaSvarSjalv();
    const own = shaping.computeResponse;
    expect(own === apollos).toBe(false);
    formaSvarSjalv();
    expect(shaping.computeResponse === own).toBe(true);
    expect(apollosResultatformning() === apollos).toBe(true);
  });
});
