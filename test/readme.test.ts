import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The README and the documents under docs/ name files, folders and commands; when the code
 * moves and they do not, a new maintainer follows them into nothing. Every repository path
 * they quote in backticks (or link to) must exist, and every `pnpm <script>` they tell a
 * reader to run must be a script of the package it runs in.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENTS = [
  'README.md',
  'bench/README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Build output and local data: named in the documents, never in the repository. */
const IGNORED = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim().replace(/\/$/, ''))
  .filter((line) => line !== '' && !line.startsWith('#') && !line.includes('*'));

const TOP_LEVEL = new Set(
  readdirSync(ROOT).filter(
    (name) => name !== 'node_modules' && name !== '.git' && !IGNORED.includes(name),
  ),
);

const FENCE = /^```[^\n]*\n([\s\S]*?)^```/gm;

function inlineCode(text: string): string[] {
  const prose = text.replace(FENCE, '');
  return [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string);
}

function linkTargets(text: string): string[] {
  return [...text.replace(FENCE, '').matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z]+:/i.test(target));
}

/** `a/{b,c}.ts` → `a/b.ts`, `a/c.ts`. */
function expandBraces(path: string): string[] {
  const m = /\{([^{}]*)\}/.exec(path);
  if (!m) return [path];
  return (m[1] as string).split(',').flatMap((part) => expandBraces(path.replace(m[0], part)));
}

/** Whether a path with `*` or a `<placeholder>` in some segments matches something. */
function matches(base: string, segments: string[]): boolean {
  if (segments.length === 0) return true;
  const [first, ...rest] = segments as [string, ...string[]];
  if (first === '') return rest.length === 0 || matches(base, rest);
  if (!/[*<]/.test(first)) {
    const next = join(base, first);
    return existsSync(next) && matches(next, rest);
  }
  if (!existsSync(base) || !statSync(base).isDirectory()) return false;
  const pattern = new RegExp(
    `^${first
      .split(/(\*|<[^>]+>)/)
      .map((part) =>
        part === '*' || part.startsWith('<') ? '.+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  );
  return readdirSync(base)
    .filter((name) => pattern.test(name))
    .some((name) => matches(join(base, name), rest));
}

/** A layout block's rows: a path, two or more spaces, what it is (`packages/domain   …`). */
function layoutRows(text: string): string[] {
  return [...text.matchAll(FENCE)]
    .flatMap((m) => (m[1] as string).split('\n'))
    .map((line) => /^([\w.-]+\/[\w./-]*) {2,}\S/.exec(line)?.[1])
    .filter((path): path is string => path !== undefined);
}

function repositoryPaths(text: string, document: string): string[] {
  const here = dirname(document);
  const quoted = [...inlineCode(text), ...layoutRows(text)].filter((t) => {
    if (/\s|…/.test(t)) return false;
    const first = t.split('/')[0] as string;
    return t.includes('/') && TOP_LEVEL.has(first);
  });
  const linked = linkTargets(text).map((t) => (here === '.' ? t : join(here, t)));
  return [...new Set([...quoted, ...linked])].filter(
    (p) => !IGNORED.some((ignored) => p === ignored || p.startsWith(`${ignored}/`)),
  );
}

interface PackageJson {
  name?: string;
  scripts?: Record<string, string>;
}

const readPackage = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as PackageJson;

const PACKAGE_DIRS = ['.', 'gateway', 'dashboard', 'schema', 'test', 'bench'].concat(
  ['packages', 'subgraphs'].flatMap((parent) =>
    readdirSync(join(ROOT, parent)).map((name) => `${parent}/${name}`),
  ),
);
const BY_NAME = new Map(PACKAGE_DIRS.map((dir) => [readPackage(dir).name, dir]));

/** pnpm's own commands (not scripts) that the documents mention. */
const PNPM_BUILTINS = new Set(['install', 'import', 'exec', 'add', 'dlx', 'run']);

interface Command {
  line: string;
  dir: string;
  script: string;
}

/** `pnpm <script>`, `pnpm run <script>` and `pnpm --filter <package> <script>` invocations. */
function pnpmCommands(text: string): Command[] {
  const fenced = [...text.matchAll(FENCE)].flatMap((m) => (m[1] as string).split('\n'));
  const lines = [...fenced, ...inlineCode(text)];
  const commands: Command[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const cd = /^cd (\S+) && /.exec(line);
    const rest = line
      .slice(cd ? cd[0].length : 0)
      .replace(/^(?:[A-Z_]+=\S+ )*/, '')
      .replace(/\$\([^)]*\)/g, '');
    const m = /^pnpm (?:--filter (\S+) )?(?:run )?([a-z][\w:-]*)/.exec(rest);
    if (!m) continue;
    const [, filter, script] = m as unknown as [string, string | undefined, string];
    if (filter?.includes('<') || filter?.includes('…')) continue;
    if (!filter && !/^pnpm run /.test(rest) && PNPM_BUILTINS.has(script)) continue;
    const dir = filter ? (BY_NAME.get(filter) ?? `(no package ${filter})`) : (cd?.[1] ?? '.');
    commands.push({ line, dir, script });
  }
  return commands;
}

describe.each(DOCUMENTS)('%s', (document) => {
  const text = readFileSync(join(ROOT, document), 'utf8');

  it('names only paths that exist in the repository', () => {
    const paths = repositoryPaths(text, document);
    expect(paths.length).toBeGreaterThan(0);
    const missing = paths.filter((p) =>
      expandBraces(p).some((one) => !matches(ROOT, one.split('/'))),
    );
    expect(missing).toEqual([]);
  });

  it('tells the reader to run only scripts that exist', () => {
    const wrong = pnpmCommands(text)
      .filter(({ dir, script }) => {
        if (!existsSync(join(ROOT, dir, 'package.json'))) return true;
        return !(script in (readPackage(dir).scripts ?? {}));
      })
      .map(({ line, dir }) => `${line} (in ${dir})`);
    expect(wrong).toEqual([]);
  });
});

describe('the readme check itself', () => {
  it('finds a missing path and a missing script', () => {
    const text = [
      'See `packages/domain/src/finns-inte.ts` and `subgraphs/*/src/server.ts`.',
      '```',
      'packages/finns-inte    a package that is not there',
      '```',
      '```sh',
      'pnpm finns-inte',
      'pnpm --filter @lagesbild/polis import:handelser x.json',
      '```',
    ].join('\n');
    const paths = repositoryPaths(text, 'README.md');
    expect(paths.filter((p) => !matches(ROOT, p.split('/')))).toEqual([
      'packages/domain/src/finns-inte.ts',
      'packages/finns-inte',
    ]);
    expect(pnpmCommands(text).map((c) => [c.dir, c.script])).toEqual([
      ['.', 'finns-inte'],
      ['subgraphs/polis', 'import:handelser'],
    ]);
  });
});
