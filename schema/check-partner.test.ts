import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkPartner, formatReport, loadOperations } from './check-partner';

const committed = () => readFile(new URL('./forvaltning.graphql', import.meta.url), 'utf8');
/** ForvaltningLage's count, the first of its name in the SDL (ForvaltningMiljo's comes later). */
const ANTAL = '  incidenterAntal: SkyddatAntal\n';

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

  it("validates every operation the dashboard sends, the report's query included", async () => {
    const names = (await loadOperations()).map((o) => `${o.file}: ${o.name}`);
    for (const name of [
      'dashboard/src/queries.ts: Dashboard',
      'dashboard/src/queries.ts: DashboardHandlingsplan',
      'dashboard/src/queries.ts: DashboardKlotterHistorik',
      'dashboard/src/queries.ts: Omraden',
      'packages/rapport/src/queries.ts: LagesbildRapport',
    ]) {
      expect(names).toContain(name);
    }
    // Renaming klotter's per-reporter field breaks the dashboard's history chart.
    const klotter = await readFile(new URL('./klotter.graphql', import.meta.url), 'utf8');
    const report = await checkPartner('klotter', klotter.replace('perRapportor:', 'rapportorer:'));
    const broken = report.brokenOperations.map((b) => b.operation.name);
    expect(broken).toContain('DashboardKlotterHistorik');
    expect(broken).toContain('Dashboard');
  });

  it("validates the adopted lägesbild's operations: the dashboard's and the report's", async () => {
    const names = (await loadOperations()).map((o) => `${o.file}: ${o.name}`);
    for (const name of [
      'dashboard/src/queries.ts: DashboardPublicering',
      'dashboard/src/queries.ts: DashboardPubliceringExport',
      'packages/rapport/src/queries.ts: PubliceringRapport',
      'packages/rapport/src/queries.ts: PubliceringVersioner',
      'packages/rapport/src/queries.ts: PubliceringExport',
      'packages/rapport/src/queries.ts: OmradeNamn',
    ]) {
      expect(names).toContain(name);
    }
    // Renaming the adoption date breaks the badge and the meeting report.
    const publicering = await readFile(new URL('./publicering.graphql', import.meta.url), 'utf8');
    const report = await checkPartner(
      'publicering',
      publicering.replace('  faststalld: String\n', '  faststalldDatum: String\n'),
    );
    expect(report.exitCode).toBe(1);
    const broken = report.brokenOperations.map((b) => b.operation.name);
    expect(broken).toContain('DashboardPublicering');
    expect(broken).toContain('PubliceringRapport');
    expect(broken).toContain('PubliceringVersioner');
  });

  it('lets a new optional field through as a safe change', async () => {
    const sdl = (await committed()).replace(ANTAL, `${ANTAL}  hotbildstext: String\n`);
    const report = await checkPartner('forvaltning', sdl);
    expect(report.exitCode).toBe(0);
    expect(report.safe.map((c) => c.message)).toContain(
      "Field 'hotbildstext' was added to object type 'ForvaltningLage'",
    );
  });

  it('names a deliberately breaking change and the council operations it breaks', async () => {
    // Renaming a field the saved examples use: what a partner might do without thinking.
    const sdl = (await committed()).replace(ANTAL, '  antalIncidenter: SkyddatAntal\n');
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
    const sdl = (await committed()).replace(ANTAL, '  incidenterAntal: Okand!\n');
    const report = await checkPartner('forvaltning', sdl);
    expect(report.exitCode).toBe(2);
    expect(report.compositionErrors.join('\n')).toMatch(/Unknown type "?Okand/);
  });
});
