/**
 * A partner's schema check before deploying — what `rover subgraph check` does, offline.
 *
 *   pnpm check:partner <subgraph>                 the subgraph's schema as its code builds it now
 *   pnpm check:partner <subgraph> --sdl file.graphql   a schema written by hand or exported elsewhere
 *
 * Composes the changed subgraph with the others' committed SDL, then compares the result
 * with the committed supergraph (GraphQL Inspector) and validates every operation the
 * council depends on — the dashboard's and the saved GraphiQL examples — against it.
 *
 * Exit codes for a CI pipeline: 0 safe to deploy (no change, or only safe ones);
 * 1 breaking: a breaking schema change or an operation that no longer validates;
 * 2 does not compose; 3 wrong usage.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { type GraphQLSchema, parse, Source, validate } from 'graphql';
import { subgraphSdl } from './compose';
import { defaultUrl, SUBGRAPHS } from './subgraphs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where the operations the council depends on live, and what a break there means: folders
 * of .graphql files, and TypeScript modules whose exported strings are operations.
 */
export const OPERATION_SOURCES: (
  | { dir: string; what: string }
  | { module: string; what: string }
)[] = [
  { module: 'packages/rapport/src/queries.ts', what: "the council's dashboard and report" },
  { module: 'dashboard/src/queries.ts', what: "the council's dashboard" },
  {
    module: 'packages/publicering/src/underlag.ts',
    what: "the council's publication (its capture)",
  },
  { dir: 'gateway/examples', what: 'a saved GraphiQL example' },
];

export interface Operation {
  file: string;
  what: string;
  name: string;
  source: string;
}

export interface CheckReport {
  composed: boolean;
  compositionErrors: string[];
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
  brokenOperations: { operation: Operation; errors: string[] }[];
  exitCode: 0 | 1 | 2;
}

async function listGraphql(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listGraphql(path)));
    else if (e.name.endsWith('.graphql')) files.push(path);
  }
  return files.sort();
}

export async function loadOperations(): Promise<Operation[]> {
  const operations: Operation[] = [];
  const add = (file: string, what: string, source: string) => {
    const names = parse(source)
      .definitions.filter((d) => d.kind === 'OperationDefinition')
      .map((d) => d.name?.value ?? '(namnlös)');
    operations.push({ file, what, name: names.join(', '), source });
  };
  for (const entry of OPERATION_SOURCES) {
    if ('module' in entry) {
      // A module that fails to load would hide its operations from the check: fail loudly.
      const exported = (await import(join(ROOT, entry.module))) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
        if (typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value)) {
          add(entry.module, entry.what, value);
        }
      }
      continue;
    }
    for (const file of await listGraphql(entry.dir)) {
      add(file, entry.what, await readFile(join(ROOT, file), 'utf8'));
    }
  }
  return operations;
}

function apiSchema(supergraphSdl: string): GraphQLSchema {
  // Only the API schema's shape matters here. The supergraph declares @requiresScopes for
  // SECURITY, which federation's default feature check refuses; the gateway enforces it.
  return Supergraph.build(supergraphSdl, { supportedFeatures: null })
    .apiSchema()
    .toGraphQLJSSchema();
}

/** The check itself, for a subgraph name and its candidate SDL. */
export async function checkPartner(name: string, candidateSdl: string): Promise<CheckReport> {
  const services = [];
  for (const entry of SUBGRAPHS) {
    const sdl =
      entry.name === name
        ? candidateSdl
        : await readFile(join(ROOT, 'schema', `${entry.name}.graphql`), 'utf8');
    services.push({
      name: entry.name,
      url: defaultUrl(entry),
      typeDefs: parse(new Source(sdl, entry.name)),
    });
  }
  const composed = composeServices(services);
  if (composed.errors) {
    return {
      composed: false,
      compositionErrors: composed.errors.map(
        (e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`,
      ),
      breaking: [],
      dangerous: [],
      safe: [],
      brokenOperations: [],
      exitCode: 2,
    };
  }
  const before = apiSchema(await readFile(join(ROOT, 'schema/supergraph.graphql'), 'utf8'));
  const after = apiSchema(composed.supergraphSdl);
  const changes = await diff(before, after);
  const by = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);
  const brokenOperations = [];
  for (const operation of await loadOperations()) {
    const errors = validate(after, parse(operation.source)).map((e) => e.message);
    if (errors.length > 0) brokenOperations.push({ operation, errors });
  }
  const breaking = by(CriticalityLevel.Breaking);
  return {
    composed: true,
    compositionErrors: [],
    breaking,
    dangerous: by(CriticalityLevel.Dangerous),
    safe: by(CriticalityLevel.NonBreaking),
    brokenOperations,
    exitCode: breaking.length > 0 || brokenOperations.length > 0 ? 1 : 0,
  };
}

export function formatReport(name: string, report: CheckReport): string {
  const lines: string[] = [];
  if (!report.composed) {
    lines.push(`✗ ${name}: the supergraph does not compose with this schema:`);
    for (const e of report.compositionErrors) lines.push(`    ${e}`);
    return lines.join('\n');
  }
  const list = (title: string, changes: Change[]) => {
    if (changes.length === 0) return;
    lines.push(`${title} (${changes.length}):`);
    for (const c of changes)
      lines.push(`    ${c.message}${c.criticality.reason ? ` — ${c.criticality.reason}` : ''}`);
  };
  list('✗ Breaking changes', report.breaking);
  for (const { operation, errors } of report.brokenOperations) {
    lines.push(`✗ Breaks ${operation.what}: ${operation.name} (${operation.file})`);
    for (const e of errors) lines.push(`    ${e}`);
  }
  list('! Dangerous changes', report.dangerous);
  list('✓ Safe changes', report.safe);
  if (lines.length === 0) lines.push(`✓ ${name}: no change against the committed supergraph.`);
  else if (report.exitCode === 0)
    lines.push(`✓ ${name}: composes, and nothing the council uses breaks.`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--'));
  const sdlIndex = args.indexOf('--sdl');
  const sdlFile = sdlIndex >= 0 ? args[sdlIndex + 1] : undefined;
  if (!name || !SUBGRAPHS.some((s) => s.name === name) || (sdlIndex >= 0 && !sdlFile)) {
    console.error(
      `usage: pnpm check:partner <${SUBGRAPHS.map((s) => s.name).join('|')}> [--sdl file.graphql]`,
    );
    return 3;
  }
  let sdl: string;
  if (sdlFile) {
    // pnpm runs scripts from the package folder; the user's path is relative to theirs.
    sdl = await readFile(resolve(process.env.INIT_CWD ?? process.cwd(), sdlFile), 'utf8');
  } else {
    sdl = await subgraphSdl(name);
  }
  const report = await checkPartner(name, sdl);
  console.log(formatReport(name, report));
  return report.exitCode;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
