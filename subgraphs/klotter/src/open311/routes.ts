import {
  ejLevandeBehorigText,
  mayRead,
  okantOmradeFel,
  omradeIdAv,
  parseTidpunkt,
  Roll,
} from '@lagesbild/domain';
import type { RouteHandler } from '@lagesbild/http-kit';
import {
  loggaLasningarUtanforGraphql,
  type Orm,
  type RestAnrop,
  RestFel,
  type RestSvar,
  restRoute,
} from '@lagesbild/subgraph-kit';
import { ejUtf8, ejUtf8Text } from '@lagesbild/subgraph-kit/import';
import type { FilterQuery } from '@mikro-orm/core';
import { QueryOrder } from '@mikro-orm/core';
import { KLOTTER, KLOTTERDATA_BEHORIGA } from '../behorighet';
import { ANTECKNINGAR_KLASSNING, Klotteranmalan } from '../entities';
import { RAPPORTORSROLLER, viewerensRapportorer } from '../resolvers/behorighet';
import { importOpen311 } from './import';
import { SERVICE_CODES, tillServiceRequest } from './open311';

export const OPEN311_PATH = '/open311/v2/requests.json';
/** The operation name of a POST in the audit log: GeoReport v2's "POST Service Request". */
export const OPEN311_POST_OPERATION = 'open311:POST /requests';
/** The operation name of a GET's classified reads in the audit log ("GET Service Requests"). */
export const OPEN311_GET_OPERATION = 'open311:GET /requests';
const MAX_PAGE_SIZE = 1000;
const MAX_BODY = 50 * 1024 * 1024;

/** GeoReport v2's error shape: a list of { code, description }. */
const georeportFel = (status: number, description: string) => [{ code: status, description }];

const list = (v: string | null) =>
  v === null
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

async function lista(orm: Orm, { url, viewer, granskare }: RestAnrop): Promise<RestSvar> {
  const q = url.searchParams;
  const where: FilterQuery<Klotteranmalan>[] = [];
  // Optional, beside GeoReport's own filters: one district's reports.
  const omrade = q.get('omrade');
  if (omrade !== null) {
    const okant = okantOmradeFel(omrade);
    if (okant) throw new RestFel(400, okant);
    where.push({ omradeId: omradeIdAv(omrade) });
  }
  for (const [name, op] of [
    ['start_date', '$gte'],
    ['end_date', '$lte'],
  ] as const) {
    const v = q.get(name);
    if (v === null) continue;
    const ms = parseTidpunkt(v);
    if (ms === null) throw new RestFel(400, `${name} ska vara en tid enligt ISO 8601 med tidszon.`);
    where.push({ anmaldTid: { [op]: new Date(ms).toISOString() } });
  }
  const statuses = list(q.get('status'));
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) {
    throw new RestFel(400, 'status ska vara open, closed eller båda.');
  }
  if (statuses.length === 1) {
    where.push({ borttagenTid: statuses[0] === 'closed' ? { $ne: null } : null });
  }
  const codes = list(q.get('service_code'));
  const unknown = codes.filter((c) => !SERVICE_CODES[c]);
  if (unknown.length > 0) throw new RestFel(400, `Okänd service_code: ${unknown.join(', ')}.`);
  if (codes.length > 0)
    where.push({ kategori: { $in: codes.map((c) => SERVICE_CODES[c]!.kategori) } });
  const ids = list(q.get('service_request_id'));
  if (ids.length > 0) where.push({ rapportorensId: { $in: ids } });
  const page = Number(q.get('page') ?? '1');
  const pageSize = Number(q.get('page_size') ?? '100');
  if (!Number.isInteger(page) || page < 1)
    throw new RestFel(400, 'page ska vara ett heltal från 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RestFel(400, `page_size ska vara ett heltal mellan 1 och ${MAX_PAGE_SIZE}.`);
  }
  const em = orm.orm.em.fork();
  const [rows, total] = await em.findAndCount(
    Klotteranmalan,
    { $and: where },
    {
      orderBy: { anmaldTid: QueryOrder.ASC_NULLS_FIRST, id: QueryOrder.ASC },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
  );
  const headers: Record<string, string> = { 'x-total-count': String(total) };
  if (page * pageSize < total) {
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next.pathname}${next.search}>; rel="next"`;
  }
  // The notes are classified as in GraphQL (Klotteranmalan.anteckningar): only a reader
  // cleared for them gets status_notes, and each report whose notes are returned is logged
  // as a classified read is there. No entry, no answer.
  const anteckningar = mayRead(viewer.roller, ANTECKNINGAR_KLASSNING);
  if (anteckningar) {
    await loggaLasningarUtanforGraphql(
      em,
      granskare(OPEN311_GET_OPERATION),
      rows.filter((r) => r.anteckningar !== null).map((r) => ({ typ: 'Klotteranmalan', id: r.id })),
    );
  }
  return { status: 200, body: rows.map((r) => tillServiceRequest(r, { anteckningar })), headers };
}

async function importera(
  orm: Orm,
  { url, viewer, granskare, kropp }: RestAnrop,
): Promise<RestSvar> {
  const admin = viewer.roller.includes(Roll.ADMIN);
  const tillatna = viewerensRapportorer(viewer);
  // The district is the request's, not the records': an unknown one refuses the request
  // before its body is read, as every other channel refuses it.
  const omrade = url.searchParams.get('omrade') ?? 'norrmalm';
  const okant = okantOmradeFel(omrade);
  if (okant) throw new RestFel(400, okant);
  const bytes = await kropp();
  // Text not in UTF-8 is refused, not stored with replacement characters (as on imports).
  const ejUtf = ejUtf8(bytes);
  if (ejUtf) {
    const text = ejUtf8Text(ejUtf).replace(/^filen/, 'Kroppen');
    throw new RestFel(400, `${text}.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RestFel(400, 'Kroppen är inte giltig JSON.');
  }
  const records = Array.isArray(body)
    ? body
    : Array.isArray((body as { service_requests?: unknown })?.service_requests)
      ? (body as { service_requests: unknown[] }).service_requests
      : [body];
  const result = await importOpen311(orm.orm.em.fork(), records, {
    omradeId: omradeIdAv(omrade),
    ...(admin ? {} : { tillatna }),
    skrivare: granskare(OPEN311_POST_OPERATION),
  });
  // A request that contradicts a stored report is a conflict (409), as on GraphQL; the
  // body still says what was written and why each record was refused.
  return { status: result.avvisade.some((a) => a.konflikt) ? 409 : 200, body: result };
}

/**
 * GET and POST /open311/v2/requests.json beside GraphQL, through the kit's REST helper:
 * the GET for klotter's live-data readers (the same rule as every GraphQL field of the
 * reports), the POST for the three reporters (each its own reports) and ADMIN.
 */
export function open311Routes(orm: Orm): RouteHandler[] {
  return [
    restRoute([
      {
        path: OPEN311_PATH,
        method: 'GET',
        roller: KLOTTERDATA_BEHORIGA,
        nekad: ejLevandeBehorigText(KLOTTER),
        felkropp: georeportFel,
        hantera: (anrop) => lista(orm, anrop),
      },
      {
        path: OPEN311_PATH,
        method: 'POST',
        roller: RAPPORTORSROLLER,
        maxBytes: MAX_BODY,
        felkropp: georeportFel,
        hantera: (anrop) => importera(orm, anrop),
      },
    ]),
  ];
}
