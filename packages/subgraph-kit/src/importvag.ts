import { okantOmradeFel, omradeIdAv, type Roll } from '@lagesbild/domain';
import type { RouteHandler } from '@lagesbild/http-kit';
import type { EntityManager } from '@mikro-orm/core';
import type { HttpImportVal, ImportSvar } from './import/http';
import type { CsvImporter } from './import/importer';
import type { Orm } from './orm';
import { RestFel, type RestVag, restRoute } from './rest';

/** The operation an HTTP import's audit entries carry, beside the token's subject and roles. */
export const IMPORT_HTTP = 'import:http';

/** Largest uploaded file: the size of a year's export from the largest partner, with room. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export interface ImportVagVal {
  /** The subgraph, for the audit's operation name. */
  subgraf: string;
  /** `POST /import/<slag>`: what the rows are, as the command's summary names them. */
  slag: string;
  /** Who may upload at all; which rows each may send is the importer's check (maImporteraFor). */
  roller: readonly Roll[];
  maxBytes?: number;
  /**
   * The CSV importer (`text/csv`), loaded at the first upload: a service that nobody
   * uploads to never loads the CSV engine.
   */
  csv?: () => Promise<CsvImporter<object>>;
  /** A JSON body's import (`application/json`, polis's events feed). */
  json?: (em: EntityManager, data: unknown, val: HttpImportVal) => Promise<ImportSvar>;
}

const PARAMETRAR = ['omrade', 'batch'];

/**
 * `POST /import/<slag>` for each of a subgraph's imports: the partner's file as the body,
 * the command's options as query parameters (`omrade`, `batch`), the partner's Bearer
 * token. The same engine and per-row rules as the command; rows attributed to the token's
 * partner (the sender in the run's context: a row naming another reporter is refused in the
 * reject list); audit entries with the token's subject and roles and the operation
 * `import:http <subgraf> <slag>`. Answers 200 with the summary (ImportSvar), or
 * 400/401/403/413/415 `{ fel }`.
 */
export function importVagar(orm: Orm, vagar: readonly ImportVagVal[]): RouteHandler {
  return restRoute(
    vagar.map(
      (v): RestVag => ({
        path: `/import/${v.slag}`,
        method: 'POST',
        roller: v.roller,
        maxBytes: v.maxBytes ?? IMPORT_MAX_BYTES,
        async hantera({ url, req, viewer, granskare, kropp }) {
          const q = url.searchParams;
          const okanda = [...q.keys()].filter((k) => !PARAMETRAR.includes(k));
          if (okanda.length > 0) {
            throw new RestFel(
              400,
              `Okänd parameter ${okanda.join(', ')}; tillåtna är ${PARAMETRAR.join(', ')}.`,
            );
          }
          // The one register of areas, as on every channel (skolor's rows name their
          // schools, but an area the register lacks is refused there too).
          const omrade = q.get('omrade') ?? 'norrmalm';
          const okant = okantOmradeFel(omrade);
          if (okant) throw new RestFel(400, okant);
          const omradeId = omradeIdAv(omrade);
          const batchText = q.get('batch');
          if (batchText !== null && !/^[1-9]\d{0,5}$/.test(batchText)) {
            throw new RestFel(400, 'batch anges som ett positivt heltal.');
          }
          const typ = String(req.headers['content-type'] ?? '').toLowerCase();
          const arJson = typ.includes('json');
          if (arJson && !v.json) throw new RestFel(415, 'Skicka filen som text/csv.');
          if (!arJson && !v.csv) throw new RestFel(415, 'Skicka filen som application/json.');
          const body = await kropp();
          if (body.length === 0)
            throw new RestFel(400, 'Förfrågan har ingen fil: skicka filen som kropp.');
          // A file not in UTF-8 is refused whole before a row is read, as by the command.
          const { ejUtf8, ejUtf8Text } = await import('./import/csv');
          const ejUtf = ejUtf8(body);
          if (ejUtf) {
            const text = ejUtf8Text(ejUtf);
            throw new RestFel(400, `${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
          }
          const val: HttpImportVal = {
            kontext: { omradeId, avsandare: { roller: viewer.roller, skolaId: viewer.skolaId } },
            ...(batchText === null ? {} : { batch: Number(batchText) }),
            skrivare: granskare(`${IMPORT_HTTP} ${v.subgraf} ${v.slag}`),
            kalla: `POST /import/${v.slag}`,
          };
          const em = orm.orm.em.fork();
          if (arJson && v.json) {
            let data: unknown;
            try {
              data = JSON.parse(body.toString('utf8'));
            } catch {
              throw new RestFel(400, 'Filen är inte giltig JSON.');
            }
            return { status: 200, body: await v.json(em, data, val) };
          }
          const importer = await (v.csv as NonNullable<ImportVagVal['csv']>)();
          // The engine and its CSV parser, loaded when the first file arrives.
          const { korCsvImportHttp } = await import('./import/http');
          return { status: 200, body: await korCsvImportHttp(em, importer, body, val) };
        },
      }),
    ),
  );
}
