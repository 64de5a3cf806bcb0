import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkPartner, formatReport } from './check-partner';

const committed = () => readFile(new URL('./forvaltning.graphql', import.meta.url), 'utf8');

describe("a partner's schema check", () => {
  it('passes the committed schema unchanged', async () => {
    const report = await checkPartner('forvaltning', await committed());
    expect(report.exitCode).toBe(0);
    expect(report.breaking).toEqual([]);
    expect(report.brokenOperations).toEqual([]);
    expect(formatReport('forvaltning', report)).toBe(
      '✓ forvaltning: no change against the committed supergraph.',
    );
  });

  it('lets a new optional field through as a safe change', async () => {
    const sdl = (await committed()).replace(
      '  incidenterAntal: Int!',
      '  incidenterAntal: Int!\n  hotbildstext: String',
    );
    const report = await checkPartner('forvaltning', sdl);
    expect(report.exitCode).toBe(0);
    expect(report.safe.map((c) => c.message)).toContain(
      "Field 'hotbildstext' was added to object type 'ForvaltningLage'",
    );
  });

  it('names a deliberately breaking change and the council operations it breaks', async () => {
    // Renaming a field the saved examples use: what a partner might do without thinking.
    const sdl = (await committed()).replace('  incidenterAntal: Int!', '  antalIncidenter: Int!');
    const report = await checkPartner('forvaltning', sdl);
    expect(report.exitCode).toBe(1);
    expect(report.breaking.map((c) => c.message)).toContain(
      "Field 'incidenterAntal' was removed from object type 'ForvaltningLage'",
    );
    const broken = report.brokenOperations.map((b) => `${b.operation.what}: ${b.operation.name}`);
    expect(broken).toContain('a saved GraphiQL example: LagesbildNorrmalm2016');
    expect(broken).toContain('a saved GraphiQL example: Trend');
    expect(formatReport('forvaltning', report)).toContain(
      '✗ Breaks a saved GraphiQL example: Trend (gateway/examples/3-trend.graphql)',
    );
  });

  it('refuses a schema that does not compose', async () => {
    const sdl = (await committed()).replace('  incidenterAntal: Int!', '  incidenterAntal: Okand!');
    const report = await checkPartner('forvaltning', sdl);
    expect(report.exitCode).toBe(2);
    expect(report.compositionErrors.join('\n')).toMatch(/Unknown type "?Okand/);
  });
});
