/**
 * Self time per function and per package from a V8 .cpuprofile (node --cpu-prof).
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  /** Microseconds, V8's clock; the first sample is timeDeltas[0] after it. */
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  packages: SelfTime[];
}

/** "@apollo/query-planner", "node:internal", "(idle)", "gateway/src" … */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  // Compiled (--prod) with --enable-source-maps, frames still name dist/ files.
  const match = /\/(gateway|packages\/[^/]+|subgraphs\/[^/]+)\/(src|dist)\//.exec(url);
  return match ? `${match[1]}/${match[2]}` : url;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = url.search(/\/(gateway|packages|subgraphs)\//);
  return src >= 0 ? url.slice(src + 1) : url;
}

/**
 * `fromMs`: count only the samples taken that long after the profile began (the process's
 * start, under --cpu-prof), so start-up (module loading, tsx compiling) and warm-up stay out
 * of a summary meant for the load.
 */
export async function summariseProfile(
  path: string,
  top = 15,
  fromMs = 0,
): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  let at = 0;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (at < fromMs * 1000) return;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = url
      ? `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`
      : functionName || '(anonymous)';
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    total += us;
  });
  const rank = (m: Map<string, number>): SelfTime[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, functions: rank(functions), packages: rank(packages) };
}
