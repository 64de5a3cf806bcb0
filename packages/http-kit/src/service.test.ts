import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestIdOf } from './service';

const req = (id?: string) =>
  ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the request id (issue 15, item 11)', () => {
  it('keeps a UUID the caller passes on (the gateway to its subgraphs), lower-cased', () => {
    const r = req('3F2504E0-4F89-41D3-9A0C-0305E82C3301');
    expect(requestIdOf(r)).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(r.headers['x-request-id']).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
  });

  it('replaces anything else with a new UUID: the client does not choose what the audit log says', () => {
    for (const given of [
      'import-3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      'req-skriv-1',
      'admin:godkänd',
      'x'.repeat(100),
      '',
      undefined,
    ]) {
      const r = req(given);
      const id = requestIdOf(r);
      expect(id).toMatch(UUID);
      expect(r.headers['x-request-id']).toBe(id);
      // The same request asked again (a route after the server) keeps the id it was given.
      expect(requestIdOf(r)).toBe(id);
    }
  });
});
