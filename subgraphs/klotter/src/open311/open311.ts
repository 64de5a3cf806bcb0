/**
 * Open311 GeoReport v2 service requests ↔ klotter reports. The standard fields carry the
 * report; what the standard has no field for (environment, call-off and on-site times,
 * police report) travels in `extended_attributes`, as GeoReport v2 servers commonly do.
 *
 * - service_request_id ↔ the reporter's own id (re-sending never duplicates)
 * - agency_responsible ↔ reporter (Trafikkontoret, SISAB, MTR)
 * - service_code ↔ category (klotter-rasistiskt, klotter-stotande, klotter-odefinierat)
 * - requested_datetime ↔ reported at; status closed ↔ removed (at extended
 *   removed_datetime, else updated_datetime)
 * - expected_datetime: the 24-hour policy's deadline, derived from requested_datetime;
 *   an imported value is checked and otherwise not kept
 * - address ↔ place (platsId(address)), lat/long kept as sent
 */
import {
  fritextFel,
  innehallerPersonnummer,
  lokalIso,
  MILJOER,
  Miljo,
  parseTidpunkt,
} from '@lagesbild/domain';
import {
  Kategori,
  type Klotteranmalan,
  RAPPORTOR_NAMN,
  RAPPORTORER,
  type Rapportor,
} from '../entities';

export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  /** The report's notes (BEGRANSAD): left out for a reader not cleared for them. */
  status_notes?: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  requested_datetime: string | null;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  extended_attributes: {
    environment: Miljo;
    called_off_datetime: string | null;
    on_site_datetime: string | null;
    removed_datetime: string | null;
    police_report: boolean | null;
  };
}

export const SERVICE_CODES: Record<string, { kategori: Kategori; namn: string }> = {
  'klotter-rasistiskt': { kategori: Kategori.RASISTISKT, namn: 'Rasistiskt klotter' },
  'klotter-stotande': { kategori: Kategori.STOTANDE, namn: 'Stötande klotter' },
  'klotter-odefinierat': {
    kategori: Kategori.ODEFINIERAT,
    namn: 'Klotter med odefinierat innehåll',
  },
};

export const SERVICE_CODE_AV: Record<Kategori, string> = {
  [Kategori.RASISTISKT]: 'klotter-rasistiskt',
  [Kategori.STOTANDE]: 'klotter-stotande',
  [Kategori.ODEFINIERAT]: 'klotter-odefinierat',
};

/** "Trafikkontoret", "TRAFIKKONTORET", "trafikkontoret" → the reporter. */
export function rapportorAv(agency: unknown): Rapportor | null {
  if (typeof agency !== 'string') return null;
  const a = agency.trim().toLocaleLowerCase('sv-SE');
  return (
    RAPPORTORER.find((r) => r.toLowerCase() === a || RAPPORTOR_NAMN[r].toLowerCase() === a) ?? null
  );
}

const visa = (utc: string | null) => (utc ? lokalIso(Date.parse(utc)) : null);

/**
 * A report as a GeoReport v2 service request; times in Stockholm time with offset.
 * `status_notes` (the notes, BEGRANSAD) only when `anteckningar` says the reader may have
 * them; otherwise the field is left out, not null (null says there are no notes).
 */
export function tillServiceRequest(
  a: Klotteranmalan,
  { anteckningar }: { anteckningar: boolean },
): ServiceRequest {
  const times = [a.anmaldTid, a.avropTid, a.paPlatsTid, a.borttagenTid].filter(
    (t): t is string => t !== null,
  );
  const latest = times.sort().at(-1) ?? null;
  return {
    service_request_id: a.rapportorensId ?? a.id,
    status: a.borttagenTid ? 'closed' : 'open',
    ...(anteckningar ? { status_notes: a.anteckningar } : {}),
    service_name: SERVICE_CODES[SERVICE_CODE_AV[a.kategori]]!.namn,
    service_code: SERVICE_CODE_AV[a.kategori],
    description: a.beskrivning ?? a.innehall,
    agency_responsible: RAPPORTOR_NAMN[a.rapportor],
    requested_datetime: visa(a.anmaldTid),
    updated_datetime: visa(a.uppdateradTid ?? latest),
    expected_datetime: a.anmaldTid ? lokalIso(Date.parse(a.anmaldTid) + 24 * 3_600_000) : null,
    address: a.platsText,
    lat: a.lat,
    long: a.lon,
    extended_attributes: {
      environment: a.miljo,
      called_off_datetime: visa(a.avropTid),
      on_site_datetime: visa(a.paPlatsTid),
      removed_datetime: visa(a.borttagenTid),
      police_report: a.polisanmald,
    },
  };
}

/** A validated incoming service request, in the report's own terms (times in UTC). */
export interface Inkommande {
  rapportor: Rapportor;
  rapportorensId: string;
  kategori: Kategori;
  miljo: Miljo;
  innehall: string;
  plats: string | null;
  lat: number | null;
  lon: number | null;
  anmaldTid: string;
  avropTid: string | null;
  paPlatsTid: string | null;
  borttagenTid: string | null;
  uppdateradTid: string | null;
  polisanmald: boolean | null;
  anteckningar: string | null;
}

const utc = (ms: number) => new Date(ms).toISOString();

/**
 * Checks one record and says every reason it fails (Swedish, for the person who sent
 * it), or maps it. Nothing here touches the database.
 */
export function lasServiceRequest(raw: unknown): { ok: Inkommande } | { skal: string[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { skal: ['posten är inte ett objekt'] };
  }
  const r = raw as Record<string, unknown>;
  const skal: string[] = [];
  const text = (name: string, min: number, max: number, required: boolean): string | null => {
    const v = r[name];
    if (v === undefined || v === null || v === '') {
      if (required) skal.push(`${name} saknas`);
      return null;
    }
    if (typeof v !== 'string') {
      skal.push(`${name} ska vara text`);
      return null;
    }
    const t = v.trim();
    // The free-text rules every channel keeps (packages/domain's text rules).
    const fel = fritextFel(t, max);
    if (fel) skal.push(`${name}: ${fel}`);
    else if (t.length < min) skal.push(`${name} ska vara ${min}–${max} tecken`);
    else if (innehallerPersonnummer(t)) {
      skal.push(`${name} ser ut att innehålla ett personnummer; inga personuppgifter lagras`);
    }
    return t;
  };
  const tid = (name: string, value: unknown, required: boolean): string | null => {
    if (value === undefined || value === null || value === '') {
      if (required) skal.push(`${name} saknas`);
      return null;
    }
    const ms = parseTidpunkt(value);
    if (ms === null) {
      skal.push(
        `${name} ska vara en tid enligt ISO 8601 med tidszon, t.ex. 2017-04-13T15:00:00+02:00`,
      );
      return null;
    }
    return utc(ms);
  };
  const tal = (name: string, min: number, max: number): number | null => {
    const v = r[name];
    if (v === undefined || v === null || v === '') return null;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
      skal.push(`${name} ska vara ett tal mellan ${min} och ${max}`);
      return null;
    }
    return n;
  };

  const id = text('service_request_id', 1, 100, true);
  const rapportor = rapportorAv(r.agency_responsible);
  if (!rapportor) {
    skal.push(
      r.agency_responsible == null
        ? 'agency_responsible saknas'
        : `agency_responsible "${String(r.agency_responsible)}" är ingen känd rapportör (Trafikkontoret, SISAB, MTR)`,
    );
  }
  const code =
    typeof r.service_code === 'string' ? SERVICE_CODES[r.service_code.trim()] : undefined;
  if (!code) {
    skal.push(
      r.service_code == null
        ? 'service_code saknas'
        : `service_code "${String(r.service_code)}" är okänd (${Object.keys(SERVICE_CODES).join(', ')})`,
    );
  }
  const innehall = text('description', 1, 500, true);
  const plats = text('address', 2, 300, false);
  const lat = tal('lat', -90, 90);
  const lon = tal('long', -180, 180);
  if ((r.lat == null || r.lat === '') !== (r.long == null || r.long === '')) {
    skal.push('lat och long anges tillsammans');
  }
  if (plats === null && lat === null)
    skal.push('platsen saknas: ange address (eller lat och long)');
  const anteckningar = text('status_notes', 1, 2000, false);
  const anmaldTid = tid('requested_datetime', r.requested_datetime, true);
  const uppdateradTid = tid('updated_datetime', r.updated_datetime, false);
  tid('expected_datetime', r.expected_datetime, false);

  const ext = (r.extended_attributes ?? {}) as Record<string, unknown>;
  if (typeof ext !== 'object' || Array.isArray(ext))
    skal.push('extended_attributes ska vara ett objekt');
  let miljo: Miljo = Miljo.OSPECIFICERAD;
  if (ext.environment != null) {
    if (MILJOER.includes(ext.environment as Miljo)) miljo = ext.environment as Miljo;
    else
      skal.push(`extended_attributes.environment "${String(ext.environment)}" är ingen känd miljö`);
  }
  const avropTid = tid('extended_attributes.called_off_datetime', ext.called_off_datetime, false);
  const paPlatsTid = tid('extended_attributes.on_site_datetime', ext.on_site_datetime, false);
  let borttagenTid = tid('extended_attributes.removed_datetime', ext.removed_datetime, false);
  let polisanmald: boolean | null = null;
  if (ext.police_report != null) {
    if (typeof ext.police_report === 'boolean') polisanmald = ext.police_report;
    else skal.push('extended_attributes.police_report ska vara true eller false');
  }
  if (r.status !== 'open' && r.status !== 'closed') {
    skal.push('status ska vara "open" eller "closed"');
  } else if (r.status === 'closed') {
    borttagenTid ??= uppdateradTid;
    if (!borttagenTid)
      skal.push('status "closed" kräver updated_datetime (när klottret togs bort)');
  } else if (borttagenTid) {
    skal.push('status "open" men extended_attributes.removed_datetime är satt');
  }
  if (skal.length > 0) return { skal };
  return {
    ok: {
      rapportor: rapportor as Rapportor,
      rapportorensId: id as string,
      kategori: (code as { kategori: Kategori }).kategori,
      miljo,
      innehall: innehall as string,
      plats,
      lat,
      lon,
      anmaldTid: anmaldTid as string,
      avropTid,
      paPlatsTid,
      borttagenTid,
      uppdateradTid,
      polisanmald,
      anteckningar,
    },
  };
}
