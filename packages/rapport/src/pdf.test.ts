import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rapportDokument } from './dokument';
import { bild2016 } from './exempel.test-data';
import { CHROMIUM, pdfText, skrivPdf } from './pdf';
import { renderHtml } from './render';

describe.skipIf(!existsSync(CHROMIUM))('the PDF', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagesbild-pdf-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('numbers its pages "Sida n av N"', async () => {
    // The action plan's table made long enough for several pages.
    const l = bild2016();
    const plan = l.omrade.handlingsplan!;
    plan.atgarder = Array.from({ length: 40 }, (_, i) => ({
      ...plan.atgarder[0]!,
      nr: i + 1,
      syfte:
        'Forum för underlag till förvaltningens lägesbild, forum för hantering av inkommande frågor.',
    }));
    const fil = join(dir, 'rapport.pdf');
    await skrivPdf(renderHtml(rapportDokument(l, { framtagen: '2026-11-26T12:00:00Z' })), fil);
    expect((await readFile(fil)).subarray(0, 5).toString()).toBe('%PDF-');
    const sidor = await pdfText(fil);
    expect(sidor.length).toBeGreaterThanOrEqual(2);
    sidor.forEach((sida, i) => {
      expect(sida).toContain(`Sida ${i + 1} av ${sidor.length}`);
    });
    expect(sidor[0]).toContain('Lägesbild Norrmalm 2016');
  });
});
