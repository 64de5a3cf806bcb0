import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tryParsePeriod } from '@lagesbild/domain';
import { createOrm, type Orm } from '@lagesbild/subgraph-kit';
import { type ImportKommando, korImportITest } from '@lagesbild/subgraph-kit/import';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentImporter } from '../subgraphs/forvaltning/src/import/incident.import';
import { forvaltning } from '../subgraphs/forvaltning/src/server';
import { klotterImporter } from '../subgraphs/klotter/src/import/klotter.csv';
import { klotter } from '../subgraphs/klotter/src/server';
import { handelseImporter } from '../subgraphs/polis/src/import/handelser.csv';
import { polis } from '../subgraphs/polis/src/server';
import { publicering } from '../subgraphs/publicering/src/server';
import { svarImporter } from '../subgraphs/skolor/src/import/svar.csv';
import { skolor } from '../subgraphs/skolor/src/server';
import {
  type CsvSubgraf,
  type Fall,
  genereraKorpus,
  KORPUS_FIL,
  korpusText,
  OPERATIONER,
  type Subgraf,
} from './korpus/generera';
import { ROOT, type RunningSystem, startSystem } from './support/system';

/**
 * Issue 15: the committed bad-input corpus (`test/korpus/fall.generated.json`, made by
 * `test/korpus/generera.ts`). Every case is sent through its channel — a mutation through the
 * gateway, Open311 POST, a subgraph's CSV import command, the police's JSON feed import, the
 * authenticated HTTP import — and must be refused with the Swedish wording of its class while
 * the target subgraph's data stays exactly as it was: its data revision (bumped by a trigger on
 * every write to every data table) and the row count of every table but the audit log, which
 * may record a refusal.
 */

const SUBGRAFER = { forvaltning, polis, skolor, klotter, publicering } as const;
/** What is not the subgraph's data: the audit log may record refusals; the rest is bookkeeping. */
const INTE_DATA = new Set(['kit_granskningslogg', 'mikro_orm_migrations', 'kit_seed_logg']);

const IMPORTKOMMANDON: Record<CsvSubgraf, ImportKommando<object>> = {
  forvaltning: kommando('forvaltning', incidentImporter),
  polis: kommando('polis', handelseImporter),
  skolor: kommando('skolor', svarImporter),
  klotter: kommando('klotter', klotterImporter),
};
function kommando<R extends object>(
  namn: CsvSubgraf,
  importer: ImportKommando<R>['importer'],
): ImportKommando<object> {
  return {
    subgraf: SUBGRAFER[namn],
    // Filled in with the running system's database below.
    config: { databaseUrl: '', seed: false },
    importer: importer as unknown as ImportKommando<object>['importer'],
    skript: `pnpm --filter @lagesbild/${namn} import:csv`,
  };
}

/** The columns of each subgraph's CSV file, in the README's order. */
const CSV_KOLUMNER: Record<CsvSubgraf, string[]> = {
  forvaltning: [
    'id',
    'datum',
    'period',
    'plats',
    'miljo',
    'typ',
    'beskrivning',
    'system',
    'klassning',
  ],
  polis: [
    'id',
    'datum',
    'period',
    'typ',
    'rubrik',
    'beskrivning',
    'platser',
    'platsbeskrivning',
    'miljo',
    'vald',
    'gruppering_id',
  ],
  skolor: ['skola', 'enkat', 'fraga', 'svar', 'text'],
  klotter: [
    'rapportor',
    'rapportorens_id',
    'kategori',
    'miljo',
    'innehall',
    'beskrivning',
    'plats',
    'anmald_tid',
    'period',
    'avrop_tid',
    'pa_plats_tid',
    'borttagen_tid',
    'polisanmald',
  ],
};

interface Utfall {
  fall: Fall;
  /** Refused with the class's Swedish wording. */
  vagrad: boolean;
  /** The target subgraph's data changed. */
  skrivet: boolean;
  /** What came back, for the report of a case that did not hold. */
  svar: string;
}

/** Today's date in Stockholm, as the rules read it. */
function idag(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** The values that depend on today, and the long texts kept out of the committed file. */
function platshallare(): Record<string, string> {
  const d = new Date(`${idag()}T12:00:00Z`);
  const ar = d.getUTCFullYear();
  const manad = d.getUTCMonth() + 1;
  const imorgon = new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
  const nastaManad = manad === 12 ? `${ar + 1}-01` : `${ar}-${String(manad + 1).padStart(2, '0')}`;
  const nastaHalvar = manad <= 6 ? `${ar}-H2` : `${ar + 1}-H1`;
  // The ISO week of the day a week from now.
  const om7 = new Date(d.getTime() + 7 * 86_400_000);
  const torsdag = new Date(om7.getTime() + (3 - ((om7.getUTCDay() + 6) % 7)) * 86_400_000);
  const veckoar = torsdag.getUTCFullYear();
  const forstaTorsdag = new Date(Date.UTC(veckoar, 0, 4));
  const vecka =
    1 +
    Math.round(
      ((torsdag.getTime() - forstaTorsdag.getTime()) / 86_400_000 -
        3 +
        ((forstaTorsdag.getUTCDay() + 6) % 7)) /
        7,
    );
  const varden = {
    NASTA_HALVAR: nastaHalvar,
    NASTA_AR: String(ar + 1),
    NASTA_MANAD: nastaManad,
    NASTA_VECKA: `${veckoar}-W${String(vecka).padStart(2, '0')}`,
    IMORGON: imorgon,
  };
  for (const p of [varden.NASTA_HALVAR, varden.NASTA_MANAD, varden.NASTA_VECKA, varden.NASTA_AR]) {
    if (!tryParsePeriod(p)) throw new Error(`platshållaren gav ingen period: ${p}`);
  }
  return {
    ...varden,
    TEXT_5000: `Lång text. ${'x'.repeat(5000)}`,
    TEXT_1MB: `Lång rubrik ${'y'.repeat(1024 * 1024)}`,
  };
}

/**
 * Replaces every `{{NAMN}}` in every string of a value; one it does not know is left for a
 * later pass, unless `sista`.
 */
function fyllI<T>(varde: T, p: Record<string, string>, sista = false): T {
  if (typeof varde === 'string') {
    return varde.replace(/\{\{([A-Z0-9_]+)\}\}/g, (hel, namn: string) => {
      const v = p[namn];
      if (v === undefined && sista) throw new Error(`okänd platshållare ${hel}`);
      return v ?? hel;
    }) as T;
  }
  if (Array.isArray(varde)) return varde.map((v) => fyllI(v, p, sista)) as T;
  if (varde && typeof varde === 'object') {
    return Object.fromEntries(
      Object.entries(varde as Record<string, unknown>).map(([k, v]) => [k, fyllI(v, p, sista)]),
    ) as T;
  }
  return varde;
}

/** Every field quoted: separators, quotes and control characters stay inside their field. */
function csvRad(varden: string[]): string {
  return varden.map((v) => `"${v.replaceAll('"', '""')}"`).join(';');
}

function csvFil(subgraf: CsvSubgraf, rader: Record<string, unknown>[]): string {
  const kolumner = CSV_KOLUMNER[subgraf];
  return `${[
    csvRad(kolumner),
    ...rader.map((r) => csvRad(kolumner.map((k) => String(r[k] ?? '')))),
  ].join('\r\n')}\r\n`;
}

/** Reads a `;`-separated report with quoted fields (the `.avvisade.csv` the command writes). */
function lasCsv(text: string): string[][] {
  const rader: string[][] = [];
  let falt = '';
  let rad: string[] = [];
  let citerat = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i += 1) {
    const c = t[i] as string;
    if (citerat) {
      if (c === '"' && t[i + 1] === '"') {
        falt += '"';
        i += 1;
      } else if (c === '"') citerat = false;
      else falt += c;
    } else if (c === '"') citerat = true;
    else if (c === ';' || c === ',') {
      rad.push(falt);
      falt = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && t[i + 1] === '\n') i += 1;
      rad.push(falt);
      rader.push(rad);
      rad = [];
      falt = '';
    } else falt += c;
  }
  if (falt !== '' || rad.length > 0) rader.push([...rad, falt]);
  return rader;
}

/** A long answer's beginning and end (a database error names its cause last). */
const kort = (s: string) => (s.length > 500 ? `${s.slice(0, 250)} … ${s.slice(-250)}` : s);

/** Runs tasks with at most `n` at a time. */
async function parallellt<T>(uppgifter: (() => Promise<T>)[], n: number): Promise<T[]> {
  const resultat: T[] = new Array(uppgifter.length);
  let nasta = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, uppgifter.length) }, async () => {
      while (nasta < uppgifter.length) {
        const i = nasta++;
        resultat[i] = await (uppgifter[i] as () => Promise<T>)();
      }
    }),
  );
  return resultat;
}

describe('the bad-input corpus: every channel refuses, in Swedish, and writes nothing', () => {
  let system: RunningSystem;
  const orms = new Map<Subgraf, Orm>();
  let fall: Fall[];

  beforeAll(async () => {
    fall = fyllI(JSON.parse(readFileSync(KORPUS_FIL, 'utf8')) as Fall[], platshallare());
    system = await startSystem();
    for (const [namn, def] of Object.entries(SUBGRAFER) as [
      Subgraf,
      (typeof SUBGRAFER)[Subgraf],
    ][]) {
      orms.set(
        namn,
        await createOrm({
          databaseUrl: system.databaseUrls[namn] as string,
          entities: def.entities,
          migrations: def.migrations,
          quiet: true,
        }),
      );
    }
    for (const k of Object.keys(IMPORTKOMMANDON) as CsvSubgraf[]) {
      IMPORTKOMMANDON[k].config = { databaseUrl: system.databaseUrls[k] as string, seed: false };
    }
  });

  afterAll(async () => {
    for (const o of orms.values()) await o.orm.close();
    await system?.interrupt();
  });

  /** The subgraph's data revision and the row count of each of its data tables. */
  async function fingeravtryck(subgraf: Subgraf): Promise<string> {
    const orm = (orms.get(subgraf) as Orm).orm;
    const conn = orm.em.fork().getConnection();
    const postgres = system.databaseUrls[subgraf]?.startsWith('postgres');
    const tabeller = (
      await conn.execute<{ name: string }[]>(
        postgres
          ? `select table_name as name from information_schema.tables
             where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`
          : `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1`,
      )
    )
      .map((r: { name: string }) => r.name)
      .filter((t: string) => !INTE_DATA.has(t) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t));
    const rader = await conn.execute<{ t: string; n: number | string }[]>(
      tabeller
        .map((t: string) =>
          t === 'kit_revision'
            ? `select '${t}' as t, (select revision from kit_revision where id = 1) as n`
            : `select '${t}' as t, count(*) as n from "${t}"`,
        )
        .join(' union all '),
    );
    return rader.map((r: { t: string; n: number | string }) => `${r.t}=${Number(r.n)}`).join(',');
  }

  async function medFingeravtryck(
    subgraf: Subgraf,
    gor: () => Promise<{ vagrad: boolean; svar: string }>,
  ): Promise<{ vagrad: boolean; skrivet: boolean; svar: string }> {
    const fore = await fingeravtryck(subgraf);
    const { vagrad, svar } = await gor();
    const efter = await fingeravtryck(subgraf);
    return { vagrad, skrivet: fore !== efter, svar };
  }

  const rubriker = async (f: { roll: string; skola?: string }) =>
    withToken({
      'x-lagesbild-roller': f.roll,
      ...(f.skola ? { 'x-lagesbild-skola': f.skola } : {}),
    });

  async function graphql(f: Extract<Fall, { kanal: 'graphql' }>) {
    const op = OPERATIONER[f.operation];
    if (!op) throw new Error(`okänd operation ${f.operation}`);
    const { status, body } = await system.gql(
      op.dokument,
      f.variabler,
      f.skola
        ? { 'x-lagesbild-roller': f.roll, 'x-lagesbild-skola': f.skola }
        : { 'x-lagesbild-roller': f.roll },
    );
    const fel = body.errors ?? [];
    const vagrad =
      body.data?.[f.operation] == null &&
      fel.some((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.message.includes(f.forvantat));
    return {
      vagrad,
      svar: `HTTP ${status} ${kort(JSON.stringify(fel.length ? fel.map((e) => [e.extensions?.code, e.message]) : body.data))}`,
    };
  }

  async function open311(f: Extract<Fall, { kanal: 'open311' }>) {
    const url = new URL(`${system.subgraphUrls.klotter}/open311/v2/requests.json`);
    if (f.omrade !== undefined) url.searchParams.set('omrade', f.omrade);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await rubriker(f)) },
      body: f.raByte ? Buffer.from(f.raByte, 'hex') : JSON.stringify([f.post]),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    // GeoReport's error list (HTTP 400), or the record among the refused ones with nothing new.
    const felLista =
      res.status === 400 &&
      Array.isArray(body) &&
      body.some((e: { description?: string }) => e.description?.includes(f.forvantat));
    const svar = body as { nya?: number; avvisade?: { skal: string[] }[] };
    const avvisad =
      res.status === 200 &&
      (svar.nya ?? 0) === 0 &&
      svar.avvisade?.length === 1 &&
      svar.avvisade.some((a) => a.skal.join('; ').includes(f.forvantat));
    return { vagrad: felLista || avvisad, svar: `HTTP ${res.status} ${kort(text)}` };
  }

  async function httpImport(f: Extract<Fall, { kanal: 'http-import' }>) {
    const url = new URL(`${system.subgraphUrls[f.subgraf]}/import/${f.slag}`);
    if (f.omrade !== undefined) url.searchParams.set('omrade', f.omrade);
    const text =
      f.format === 'json' ? JSON.stringify([f.rad]) : csvFil(f.subgraf as CsvSubgraf, [f.rad]);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': f.format === 'json' ? 'application/json' : 'text/csv',
        ...(await rubriker(f)),
      },
      body: Buffer.from(text, f.kodning === 'latin1' ? 'latin1' : 'utf8'),
    });
    const svarText = await res.text();
    let body: { fel?: string; importerade?: number; avvisade?: { rad: unknown; skal: unknown }[] };
    try {
      body = JSON.parse(svarText);
    } catch {
      body = {};
    }
    const skal = (s: unknown) => (Array.isArray(s) ? s.join('; ') : String(s));
    const vagrad =
      ([400, 413].includes(res.status) && (body.fel ?? '').includes(f.forvantat)) ||
      (res.status === 200 &&
        (body.importerade ?? 0) === 0 &&
        (body.avvisade ?? []).some((a) => skal(a.skal).includes(f.forvantat)));
    return { vagrad, svar: `HTTP ${res.status} ${kort(svarText)}` };
  }

  /** One CSV file per subgraph and class through the import command; a case per row. */
  async function csvKlass(
    subgraf: CsvSubgraf,
    klass: string,
    rader: Extract<Fall, { kanal: 'csv' }>[],
  ): Promise<Utfall[]> {
    const fil = join(system.dataDir, `korpus-${subgraf}-${klass}.csv`);
    // Skolor's rows are one school's answers to the survey: a question each.
    const radData = rader.map((r, i) =>
      subgraf === 'skolor' ? { ...r.rad, fraga: String(i + 1) } : r.rad,
    );
    await writeFile(fil, csvFil(subgraf, radData), 'utf8');
    const fore = await fingeravtryck(subgraf);
    const r = await korImportITest(
      IMPORTKOMMANDON[subgraf],
      [fil, '--visa', '1000'],
      system.dataDir,
    );
    const skrivet = fore !== (await fingeravtryck(subgraf));
    let rapport: string[][] = [];
    try {
      rapport = lasCsv(await readFile(fil.replace(/\.csv$/, '.avvisade.csv'), 'utf8'));
    } catch {
      // No report: nothing was refused.
    }
    const skal = new Map(rapport.slice(1).map((rad) => [Number(rad[0]), rad[1] ?? '']));
    return rader.map((fall, i) => {
      const orsak = skal.get(i + 2);
      return {
        fall,
        vagrad: r.kod === 1 && orsak !== undefined && orsak.includes(fall.forvantat),
        // A changed database is every row's that was not refused.
        skrivet: skrivet && orsak === undefined,
        svar: `kod ${r.kod}, rad ${i + 2}: ${orsak === undefined ? 'inte avvisad' : kort(orsak)} | ${kort(r.ut.split('\n').slice(0, 5).join(' / '))}${kort(r.fel)}`,
      };
    });
  }

  async function csvFilFall(f: Extract<Fall, { kanal: 'csv-fil' }>) {
    const fil = join(system.dataDir, `korpus-${f.id.replaceAll('/', '-')}.csv`);
    const text = csvFil(f.subgraf, [f.rad]);
    await writeFile(fil, Buffer.from(text, f.kodning === 'latin1' ? 'latin1' : 'utf8'));
    return medFingeravtryck(f.subgraf, async () => {
      const r = await korImportITest(
        IMPORTKOMMANDON[f.subgraf],
        [fil, ...(f.omrade !== undefined ? ['--omrade', f.omrade] : [])],
        system.dataDir,
      );
      const ut = `${r.ut}\n${r.fel}`;
      return {
        vagrad: r.kod >= 2 && ut.includes(f.forvantat),
        svar: `kod ${r.kod}: ${kort(ut.trim())}`,
      };
    });
  }

  /** The police's feed import, as the README runs it (`import:handelser <fil.json>`). */
  async function polisJson(fil: string, omrade?: string): Promise<{ kod: number; ut: string }> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'subgraphs/polis/src/import/cli.ts',
        fil,
        ...(omrade !== undefined ? ['--omrade', omrade] : []),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, POLIS_DATABASE_URL: system.databaseUrls.polis as string },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let ut = '';
    child.stdout.on('data', (d: Buffer) => {
      ut += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      ut += d.toString();
    });
    const kod = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    return { kod, ut };
  }

  /**
   * The police's feed files (each run a process of its own, as the README runs it): the item
   * files — the control characters apart, since a NUL the database refuses takes its whole run
   * with it — and the files to refuse whole. One fingerprint around them all; a change is put
   * on the runs that say they imported something.
   */
  async function polisJsonKorningar(
    rader: Extract<Fall, { kanal: 'polis-json' }>[],
    filer: Extract<Fall, { kanal: 'polis-json-fil' }>[],
  ): Promise<Utfall[]> {
    const radFiler = [
      rader.filter((f) => f.klass === 'kontrolltecken'),
      rader.filter((f) => f.klass !== 'kontrolltecken'),
    ].filter((g) => g.length > 0);
    const fore = await fingeravtryck('polis');
    // One after the other: SQLite has one writer, and a run refused with "database is locked"
    // would hide what the run itself says.
    const korningar: { grupp: Fall[]; r: { kod: number; ut: string } }[] = [];
    for (const [i, grupp] of radFiler.entries()) {
      const fil = join(system.dataDir, `korpus-polis-flode-${i}.json`);
      await writeFile(fil, JSON.stringify(grupp.map((r) => r.post)), 'utf8');
      korningar.push({ grupp, r: await polisJson(fil) });
    }
    for (const f of filer) {
      const fil = join(system.dataDir, `korpus-${f.id.replaceAll('/', '-')}.json`);
      const text = JSON.stringify([f.post]);
      await writeFile(fil, Buffer.from(text, f.kodning === 'latin1' ? 'latin1' : 'utf8'));
      korningar.push({ grupp: [f], r: await polisJson(fil, f.omrade) });
    }
    const andrat = fore !== (await fingeravtryck('polis'));
    const importerade = (ut: string) => Number(/Importerade: (\d+)/.exec(ut)?.[1] ?? 0);
    const nagonSager = korningar.some(({ r }) => importerade(r.ut) > 0);
    return korningar.flatMap(({ grupp, r }) => {
      const skrev = andrat && (!nagonSager || importerade(r.ut) > 0);
      // The summary lists each skipped item: "  - <id>: <skäl>".
      const skal = new Map(
        [...r.ut.matchAll(/^ {2}- ([^:\n]+): (.*)$/gm)].map((m) => [
          m[1] as string,
          m[2] as string,
        ]),
      );
      return grupp.map((fall): Utfall => {
        if (fall.kanal === 'polis-json-fil') {
          return {
            fall,
            vagrad: r.kod !== 0 && r.ut.includes(fall.forvantat),
            skrivet: skrev,
            svar: `kod ${r.kod}: ${kort(r.ut.trim())}`,
          };
        }
        const post = (fall as Extract<Fall, { kanal: 'polis-json' }>).post;
        const orsak = skal.get(String(post.id));
        return {
          fall,
          vagrad: orsak?.includes(fall.forvantat) ?? false,
          skrivet: skrev && orsak === undefined,
          svar: `kod ${r.kod}, ${post.id}: ${orsak ?? `inte överhoppad | ${kort(r.ut.trim())}`}`,
        };
      });
    });
  }

  it('the committed corpus is what its generator makes, and holds every channel and class', () => {
    const text = readFileSync(KORPUS_FIL, 'utf8');
    expect(text, 'run `pnpm exec tsx test/korpus/generera.ts`').toBe(korpusText(genereraKorpus()));
    expect(fall.length).toBeGreaterThanOrEqual(300);
    const kanaler = new Set(fall.map((f) => f.kanal));
    expect([...kanaler].sort()).toEqual(
      [
        'csv',
        'csv-fil',
        'graphql',
        'http-import',
        'open311',
        'polis-json',
        'polis-json-fil',
      ].sort(),
    );
    expect(new Set(fall.map((f) => f.klass)).size).toBe(8);
  });

  it('refuses every case with its Swedish reason and writes nothing', async () => {
    // The records the cases refer to, read from the seed as it was loaded.
    const admin = { 'x-lagesbild-roller': 'ADMIN' };
    const las = async (query: string) => {
      const { body } = await system.gql(query, undefined, admin);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as Record<string, unknown>;
    };
    const omrade = (await las(
      '{ omrade(id: "norrmalm") { handlingsplan { atgarder { id } } } }',
    )) as { omrade: { handlingsplan: { atgarder: { id: string }[] } } };

    const klotterSida = (await las(
      '{ omrade(id: "norrmalm") { klotteranmalningar(first: 50, rapportor: TRAFIKKONTORET) { anmalningar { id } } } }',
    )) as { omrade: { klotteranmalningar: { anmalningar: { id: string }[] } } };
    const publiceringar = (await las('{ publiceringar(omrade: "norrmalm") { id } }')) as {
      publiceringar: { id: string }[];
    };
    // An open survey with a yes/no question for each row of a file, and a draft to confirm in:
    // written before the run's fingerprints are taken.
    const skriv = async (roll: string, query: string, variables: Record<string, unknown>) => {
      const { body } = await system.gql(query, variables, { 'x-lagesbild-roller': roll });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as Record<string, { id: string }>;
    };
    const enkat = await skriv(
      'UTBILDNINGSFORVALTNING',
      'mutation ($input: SkapaEnkatInput!) { skapaEnkat(input: $input) { id } }',
      {
        input: {
          omradeId: 'norrmalm',
          titel: 'Korpusenkät',
          period: '2016',
          fragor: Array.from({ length: 30 }, (_, i) => ({
            text: `Har ni sett klotter, fråga ${i + 1}?`,
            typ: 'JA_NEJ',
          })),
        },
      },
    );
    const utkast = await skriv(
      'SAMORDNARE',
      'mutation { skapaPubliceringsutkast(omrade: "norrmalm", period: "2016") { id } }',
      {},
    );
    const id = {
      ENKAT_ID: enkat.skapaEnkat?.id,
      UTKAST_ID: utkast.skapaPubliceringsutkast?.id,
      ATGARD_ID: omrade.omrade.handlingsplan.atgarder[0]?.id,
      KLOTTER_TK_ID: klotterSida.omrade.klotteranmalningar.anmalningar[0]?.id,
      PUBLICERING_ID: publiceringar.publiceringar[0]?.id,
    };
    for (const [k, v] of Object.entries(id)) if (!v) throw new Error(`inget ${k} i seed-datan`);
    const alla = fyllI(fall, id as Record<string, string>, true);

    const start = Object.fromEntries(
      await Promise.all(
        (Object.keys(SUBGRAFER) as Subgraf[]).map(
          async (s) => [s, await fingeravtryck(s)] as const,
        ),
      ),
    );

    /** Each subgraph's cases one at a time (so a write is the case's), the subgraphs side by side. */
    const perSubgraf = async (subgraf: Subgraf): Promise<Utfall[]> => {
      const utfall: Utfall[] = [];
      const mina = alla.filter((f) => f.subgraf === subgraf);
      for (const f of mina) {
        if (f.kanal === 'graphql')
          utfall.push({ fall: f, ...(await medFingeravtryck(subgraf, () => graphql(f))) });
        else if (f.kanal === 'open311')
          utfall.push({ fall: f, ...(await medFingeravtryck(subgraf, () => open311(f))) });
        else if (f.kanal === 'http-import')
          utfall.push({ fall: f, ...(await medFingeravtryck(subgraf, () => httpImport(f))) });
        else if (f.kanal === 'csv-fil') utfall.push({ fall: f, ...(await csvFilFall(f)) });
      }
      const csv = mina.filter((f): f is Extract<Fall, { kanal: 'csv' }> => f.kanal === 'csv');
      for (const klass of new Set(csv.map((f) => f.klass))) {
        utfall.push(
          ...(await csvKlass(
            subgraf as CsvSubgraf,
            klass,
            csv.filter((f) => f.klass === klass),
          )),
        );
      }
      const json = mina.filter(
        (f): f is Extract<Fall, { kanal: 'polis-json' }> => f.kanal === 'polis-json',
      );
      const jsonFiler = mina.filter(
        (f): f is Extract<Fall, { kanal: 'polis-json-fil' }> => f.kanal === 'polis-json-fil',
      );
      if (json.length + jsonFiler.length > 0) {
        utfall.push(...(await polisJsonKorningar(json, jsonFiler)));
      }
      return utfall;
    };
    const utfall = (
      await parallellt(
        (Object.keys(SUBGRAFER) as Subgraf[]).map((s) => () => perSubgraf(s)),
        5,
      )
    ).flat();

    const slut = Object.fromEntries(
      await Promise.all(
        (Object.keys(SUBGRAFER) as Subgraf[]).map(
          async (s) => [s, await fingeravtryck(s)] as const,
        ),
      ),
    );

    // The fingerprint sees a write, through the gateway and through an import command alike:
    // one good input each, after the run.
    const kontroll = await medFingeravtryck('forvaltning', async () => {
      const { body } = await system.gql(
        'mutation ($input: RegistreraPlatsInput!) { registreraPlats(input: $input) { id } }',
        { input: { omradeId: 'norrmalm', namn: 'Korpusens kontrollplats' } },
        { 'x-lagesbild-roller': 'SAMORDNARE' },
      );
      return { vagrad: false, svar: JSON.stringify(body) };
    });
    expect(kontroll.skrivet, kontroll.svar).toBe(true);
    const kontrollFil = join(system.dataDir, 'korpus-kontroll.csv');
    await writeFile(
      kontrollFil,
      csvFil('klotter', [
        {
          rapportor: 'Trafikkontoret',
          rapportorens_id: 'KORPUS-KONTROLL',
          kategori: 'Rasistiskt',
          innehall: 'Hakkors',
          plats: 'Fridhemsplan',
          anmald_tid: '2016-09-03T08:00:00+02:00',
        },
      ]),
    );
    const kontrollImport = await medFingeravtryck('klotter', async () => {
      const r = await korImportITest(IMPORTKOMMANDON.klotter, [kontrollFil], system.dataDir);
      return { vagrad: false, svar: `${r.kod} ${r.ut} ${r.fel}` };
    });
    expect(kontrollImport.skrivet, kontrollImport.svar).toBe(true);

    const provade = utfall.length;
    const vagrade = utfall.filter((u) => u.vagrad).length;
    const skrivna = utfall.filter((u) => u.skrivet).length;
    // The cases that did not hold, grouped by channel and class, for whoever reads the run.
    const grupper = new Map<string, Utfall[]>();
    for (const u of utfall.filter((x) => !x.vagrad || x.skrivet)) {
      const nyckel = `${u.fall.kanal} ${u.fall.klass} (${u.fall.subgraf})`;
      grupper.set(nyckel, [...(grupper.get(nyckel) ?? []), u]);
    }
    const rapport = [...grupper].map(
      ([nyckel, lista]) =>
        `${nyckel}: ${lista.length} fall ${lista.some((u) => u.skrivet) ? `(${lista.filter((u) => u.skrivet).length} skrivna) ` : ''}— t.ex. ${lista[0]?.fall.id}: ${lista[0]?.svar}`,
    );
    if (process.env.LAGESBILD_KORPUS_RAPPORT) {
      await writeFile(
        process.env.LAGESBILD_KORPUS_RAPPORT,
        JSON.stringify(
          utfall
            .filter((u) => !u.vagrad || u.skrivet)
            .map((u) => ({ id: u.fall.id, skrivet: u.skrivet, svar: u.svar })),
          null,
          1,
        ),
      );
    }
    if (rapport.length > 0) console.log(`Fall som inte höll:\n${rapport.join('\n')}`);
    console.log(`bad inputs: ${provade} tried, ${vagrade} refused, ${skrivna} written`);

    expect(provade).toBe(alla.length);
    expect(slut, 'no subgraph’s data changed over the whole run').toEqual(start);
    expect(skrivna).toBe(0);
    expect(rapport).toEqual([]);
    expect(vagrade).toBe(provade);
  }, 240_000);
});
