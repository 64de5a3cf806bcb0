/**
 * `pnpm build`: the services as compiled JavaScript, for production (issue 17). tsc (the
 * compiler API, one program from the gateway's and every subgraph's src/index.ts) type-checks
 * and emits every file those services import; each file goes to its own workspace package's
 * dist/ (packages/config/src/x.ts → packages/config/dist/x.js, with a source map).
 *
 * The sources import the way tsx and Vitest resolve — relative paths without an extension,
 * workspace packages by name whose "exports" point at src/*.ts. Node's ESM loader needs a full
 * file name and cannot load .ts, so the emitted import specifiers are rewritten from what tsc
 * itself resolved: a file in the same package becomes its relative .js path, a file in another
 * workspace package becomes `@lagesbild/<package>/dist/<file>.js` (every package exports
 * "./dist/*"). Nothing else changes: tsx, Vitest and `pnpm typecheck` keep reading src/.
 *
 * Files beside the sources that the code reads at run time relative to import.meta.url (the
 * publication subgraph's source document, JSON) are copied into dist/ likewise.
 *
 * Start a service compiled: `node --enable-source-maps dist/index.js` in its folder, or
 * `pnpm start --prod` for all of them.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
// From the registry itself (not schema/), so a Docker image that installs only one
// service's packages can still build it.
import { SUBGRAPHS } from '../packages/domain/src';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The service folders the build produces, relative to the repository root. */
export const SERVICE_DIRS: readonly string[] = ['gateway', ...SUBGRAPHS.map((s) => s.dir)];

interface Package {
  dir: string;
  name: string;
}

const packageCache = new Map<string, Package | null>();

/** The workspace package a file belongs to: the nearest folder with a package.json. */
function packageOf(file: string): Package | null {
  let dir = dirname(file);
  const seen: string[] = [];
  while (dir.startsWith(root) && dir.length >= root.length - 1) {
    const cached = packageCache.get(dir);
    if (cached !== undefined) {
      for (const d of seen) packageCache.set(d, cached);
      return cached;
    }
    seen.push(dir);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const found = { dir, name: JSON.parse(readFileSync(manifest, 'utf8')).name as string };
      for (const d of seen) packageCache.set(d, found);
      return found;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of seen) packageCache.set(d, null);
  return null;
}

/** Where the compiled form of a source file goes: <package>/dist/<path under src/>.js. */
export function outputPath(source: string): string {
  const pkg = packageOf(source);
  if (!pkg) throw new Error(`${source} belongs to no workspace package`);
  const inside = relative(join(pkg.dir, 'src'), source);
  if (inside.startsWith('..')) {
    throw new Error(`${relative(root, source)} is outside its package's src/: not built`);
  }
  return join(pkg.dir, 'dist', inside.replace(/\.tsx?$/, '.js'));
}

function isOurSource(file: string): boolean {
  return (
    file.startsWith(root) &&
    !file.split(sep).includes('node_modules') &&
    /\.tsx?$/.test(file) &&
    !file.endsWith('.d.ts')
  );
}

/** The specifier the compiled `importer` uses to reach the compiled `target`. */
function specifierFor(importerSource: string, targetSource: string): string {
  const from = packageOf(importerSource);
  const to = packageOf(targetSource);
  const targetOut = outputPath(targetSource);
  if (from && to && from.dir === to.dir) {
    const rel = relative(dirname(outputPath(importerSource)), targetOut)
      .split(sep)
      .join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  }
  if (!to) throw new Error(`${targetSource} belongs to no workspace package`);
  return `${to.name}/${relative(to.dir, targetOut).split(sep).join('/')}`;
}

function rewriteSpecifiers(
  options: ts.CompilerOptions,
  cache: ts.ModuleResolutionCache,
): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const rewrite = (literal: ts.Expression): ts.Expression => {
      if (!ts.isStringLiteral(literal)) return literal;
      const resolved = ts.resolveModuleName(
        literal.text,
        sourceFile.fileName,
        options,
        ts.sys,
        cache,
      ).resolvedModule;
      if (!resolved || !isOurSource(resolved.resolvedFileName)) {
        if (literal.text.startsWith('.')) {
          throw new Error(`${sourceFile.fileName}: cannot resolve '${literal.text}'`);
        }
        return literal;
      }
      return context.factory.createStringLiteral(
        specifierFor(sourceFile.fileName, resolve(resolved.resolvedFileName)),
      );
    };
    const visit = (node: ts.Node): ts.Node => {
      const f = context.factory;
      if (ts.isImportDeclaration(node)) {
        return f.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          rewrite(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        return f.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          rewrite(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0]
      ) {
        return f.updateCallExpression(node, node.expression, node.typeArguments, [
          rewrite(node.arguments[0]),
          ...node.arguments.slice(1),
        ]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(sourceFile, visit, context);
  };
}

/** Copies what is not TypeScript (data read at run time) from src/ to dist/. */
function copyAssets(pkgDir: string): number {
  let copied = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.tsx?$/.test(entry.name)) {
        const target = join(pkgDir, 'dist', relative(join(pkgDir, 'src'), path));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(path, target);
        copied++;
      }
    }
  };
  walk(join(pkgDir, 'src'));
  return copied;
}

/** The newest modification time of any file under a package's src/ (and its manifest). */
export function newestSource(pkgDir: string): number {
  let newest = statSync(join(pkgDir, 'package.json')).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  if (existsSync(join(pkgDir, 'src'))) walk(join(pkgDir, 'src'));
  return newest;
}

/** Written last: which package folders the build compiled, for `pnpm start --prod`'s freshness check. */
export const BUILD_STAMP = join(root, 'node_modules', '.lagesbild-build.json');

/**
 * True when every service has a dist/index.js and the last build is newer than every
 * source of every package it compiled (and than the build's own configuration).
 */
export function buildIsFresh(): boolean {
  if (!existsSync(BUILD_STAMP)) return false;
  const stamp = JSON.parse(readFileSync(BUILD_STAMP, 'utf8')) as { at: number; packages: string[] };
  if (SERVICE_DIRS.some((d) => !existsSync(join(root, d, 'dist', 'index.js')))) return false;
  const inputs = [join(root, 'tsconfig.build.json'), join(root, 'tsconfig.base.json')];
  if (inputs.some((f) => statSync(f).mtimeMs > stamp.at)) return false;
  return stamp.packages.every(
    (p) => existsSync(join(root, p)) && newestSource(join(root, p)) <= stamp.at,
  );
}

/**
 * Compiles the given service folders (all by default; `pnpm build gateway` for one, as its
 * Dockerfile does) and every workspace package they import.
 */
export function build(services: readonly string[] = SERVICE_DIRS): void {
  const unknown = services.filter((d) => !SERVICE_DIRS.includes(d));
  if (unknown.length > 0) {
    throw new Error(
      `Not a service folder: ${unknown.join(', ')} (one of ${SERVICE_DIRS.join(', ')})`,
    );
  }
  const started = Date.now();
  const configPath = join(root, 'tsconfig.build.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  const rootNames = services.map((d) => join(root, d, 'src', 'index.ts'));
  // tsc emits nothing it reached through node_modules, which is how the services reach the
  // workspace packages: a second program names every source file found as a root.
  const reached = ts.createProgram({ rootNames, options: parsed.options });
  const program = ts.createProgram({
    rootNames: reached
      .getSourceFiles()
      .map((f) => resolve(f.fileName))
      .filter(isOurSource),
    options: parsed.options,
    oldProgram: reached,
  });

  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    };
    throw new Error(
      `tsc found errors; nothing written:\n${ts.formatDiagnostics(diagnostics, host)}`,
    );
  }

  const sources = program
    .getSourceFiles()
    .filter((f) => isOurSource(resolve(f.fileName)))
    .map((f) => resolve(f.fileName));
  const packages = [...new Set(sources.map((f) => packageOf(f)?.dir ?? f))];
  // A build of every service starts from empty dist/ folders (no stale file survives); a
  // build of some (a Docker image's one) leaves what the others compiled into a shared package.
  const everything = services.length === SERVICE_DIRS.length;
  if (everything) {
    for (const dir of packages) rmSync(join(dir, 'dist'), { recursive: true, force: true });
  }

  // Where tsc would have written each output, mapped back to its source.
  const outDir = parsed.options.outDir ?? join(root, '.build');
  const sourceOf = (emitted: string): string =>
    join(root, relative(outDir, emitted)).replace(/\.js(\.map)?$/, '.ts');

  const cache = ts.createModuleResolutionCache(root, (f) => f, parsed.options);
  let written = 0;
  const result = program.emit(
    undefined,
    (fileName, text) => {
      const source = sourceOf(resolve(fileName));
      const target = outputPath(source) + (fileName.endsWith('.map') ? '.map' : '');
      let content = text;
      if (fileName.endsWith('.map')) {
        // The map's sources are relative to where tsc meant to write; make them relative to dist/.
        const map = JSON.parse(text) as { sources: string[]; sourceRoot?: string };
        map.sources = map.sources.map((s) =>
          relative(dirname(target), resolve(dirname(resolve(fileName)), s))
            .split(sep)
            .join('/'),
        );
        content = JSON.stringify(map);
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      written++;
    },
    undefined,
    false,
    { after: [rewriteSpecifiers(parsed.options, cache)] },
  );
  if (result.emitSkipped) throw new Error('tsc skipped the emit');

  let assets = 0;
  for (const dir of packages) assets += copyAssets(dir);

  // Only a build of every service makes `pnpm start --prod` skip its own.
  if (everything)
    writeFileSync(
      BUILD_STAMP,
      JSON.stringify({ at: started, packages: packages.map((d) => relative(root, d)) }),
    );
  console.log(
    `Built ${sources.length} files of ${packages.length} packages into their dist/ (${written} files written, ${assets} copied) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    build(
      process.argv.slice(2).filter((a) => a !== '--').length > 0
        ? process.argv.slice(2).filter((a) => a !== '--')
        : undefined,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
