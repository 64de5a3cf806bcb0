import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ejLevandeBehorigText,
  mayRead,
  okantOmradeFel,
  omradeIdAv,
  parseTidpunkt,
  Roll,
} from '@lagesbild/domain';
import { type RouteHandler, requestIdOf } from '@lagesbild/http-kit';
import {
  harLevandeBehorighetFor,
  loggaLasningarUtanforGraphql,
  type Orm,
  skrivareFranViewer,
  viewerFromRequest,
} from '@lagesbild/subgraph-kit';
import type { FilterQuery } from '@mikro-orm/core';
import { QueryOrder } from '@mikro-orm/core';
import { KLOTTER } from '../behorighet';
import { ANTECKNINGAR_KLASSNING, Klotteranmalan, RAPPORTORER, type Rapportor } from '../entities';
import { importOpen311 } from './import';
import { SERVICE_CODES, tillServiceRequest } from './open311';

export const OPEN311_PATH = '/open311/v2/requests.json';
/** The operation name of a POST in the audit log: GeoReport v2's "POST Service Request". */
export const OPEN311_POST_OPERATION = 'open311:POST /requests';
/** The operation name of a GET's classified reads in the audit log ("GET Service Requests"). */
export const OPEN311_GET_OPERATION = 'open311:GET /requests';
const MAX_PAGE_SIZE = 1000;
const MAX_BODY = 50 * 1024 * 1024;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** GeoReport v2's error shape: a list of { code, description }. */
function fel(res: ServerResponse, status: number, description: string) {
  send(res, status, [{ code: status, description }]);
}

const list = (v: string | null) =>
  v === null
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

async function lista(orm: Orm, req: IncomingMessage, res: ServerResponse, url: URL) {
  const viewer = viewerFromRequest(req);
  // The reports are klotter's live records: the same rule as every GraphQL field of them.
  if (!harLevandeBehorighetFor(viewer, KLOTTER)) {
    return fel(res, 403, ejLevandeBehorigText(KLOTTER));
  }
  const q = url.searchParams;
  const where: FilterQuery<Klotteranmalan>[] = [];
  // Optional, beside GeoReport's own filters: one district's reports.
  const omrade = q.get('omrade');
  if (omrade !== null) {
    const okant = okantOmradeFel(omrade);
    if (okant) return fel(res, 400, okant);
    where.push({ omradeId: omradeIdAv(omrade) });
  }
  for (const [name, op] of [
    ['start_date', '$gte'],
    ['end_date', '$lte'],
  ] as const) {
    const v = q.get(name);
    if (v === null) continue;
    const ms = parseTidpunkt(v);
    if (ms === null) return fel(res, 400, `${name} ska vara en tid enligt ISO 8601 med tidszon.`);
    where.push({ anmaldTid: { [op]: new Date(ms).toISOString() } });
  }
  const statuses = list(q.get('status'));
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) {
    return fel(res, 400, 'status ska vara open, closed eller båda.');
  }
  if (statuses.length === 1) {
    where.push({ borttagenTid: statuses[0] === 'closed' ? { $ne: null } : null });
  }
  const codes = list(q.get('service_code'));
  const unknown = codes.filter((c) => !SERVICE_CODES[c]);
  if (unknown.length > 0) return fel(res, 400, `Okänd service_code: ${unknown.join(', ')}.`);
  if (codes.length > 0)
    where.push({ kategori: { $in: codes.map((c) => SERVICE_CODES[c]!.kategori) } });
  const ids = list(q.get('service_request_id'));
  if (ids.length > 0) where.push({ rapportorensId: { $in: ids } });
  const page = Number(q.get('page') ?? '1');
  const pageSize = Number(q.get('page_size') ?? '100');
  if (!Number.isInteger(page) || page < 1) return fel(res, 400, 'page ska vara ett heltal från 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return fel(res, 400, `page_size ska vara ett heltal mellan 1 och ${MAX_PAGE_SIZE}.`);
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
      skrivareFranViewer(viewer, OPEN311_GET_OPERATION, requestIdOf(req)),
      rows.filter((r) => r.anteckningar !== null).map((r) => ({ typ: 'Klotteranmalan', id: r.id })),
    );
  }
  send(
    res,
    200,
    rows.map((r) => tillServiceRequest(r, { anteckningar })),
    headers,
  );
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function importera(orm: Orm, req: IncomingMessage, res: ServerResponse, url: URL) {
  const viewer = viewerFromRequest(req);
  const roller = viewer.roller;
  if (roller.length === 0) return fel(res, 401, 'Du måste vara inloggad för detta.');
  const admin = roller.includes(Roll.ADMIN);
  const tillatna = RAPPORTORER.filter((r) => roller.includes(r as unknown as Roll));
  if (!admin && tillatna.length === 0)
    return fel(res, 403, 'Din roll har inte behörighet till detta.');
  // The district is the request's, not the records': an unknown one refuses the request
  // before its body is read, as every other channel refuses it.
  const omrade = url.searchParams.get('omrade') ?? 'norrmalm';
  const okant = okantOmradeFel(omrade);
  if (okant) return fel(res, 400, okant);
  const text = await readBody(req);
  if (text === null) return fel(res, 413, `Förfrågan är för stor (högst ${MAX_BODY} byte).`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fel(res, 400, 'Kroppen är inte giltig JSON.');
  }
  const records = Array.isArray(body)
    ? body
    : Array.isArray((body as { service_requests?: unknown })?.service_requests)
      ? (body as { service_requests: unknown[] }).service_requests
      : [body];
  const result = await importOpen311(orm.orm.em.fork(), records, {
    omradeId: omradeIdAv(omrade),
    ...(admin ? {} : { tillatna: tillatna as Rapportor[] }),
    skrivare: skrivareFranViewer(viewer, OPEN311_POST_OPERATION, requestIdOf(req)),
  });
  // A request that contradicts a stored report is a conflict (409), as on GraphQL; the
  // body still says what was written and why each record was refused.
  send(res, result.avvisade.some((a) => a.konflikt) ? 409 : 200, result);
}

/** GET and POST /open311/v2/requests.json beside GraphQL. */
export function open311Routes(orm: Orm): RouteHandler[] {
  return [
    async (req, res, url) => {
      if (url.pathname !== OPEN311_PATH) return false;
      if (req.method === 'GET') await lista(orm, req, res, url);
      else if (req.method === 'POST') await importera(orm, req, res, url);
      else fel(res, 405, 'Bara GET och POST.');
      return true;
    },
  ];
}
