/** The machine a run was measured on, and how busy it was: every figure needs both. */
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

/** The 1-minute load average: other work on the machine skews every figure. */
export async function loadAverage(): Promise<number> {
  return Number((await readFile('/proc/loadavg', 'utf8')).split(' ')[0]);
}

export interface Machine {
  loadAverage: { before: number; after: number };
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  date: string;
}

export async function describeMachine(load: { before: number; after: number }): Promise<Machine> {
  const info = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  // loadAverage first: the order bench/results/*.json have always had.
  return {
    loadAverage: load,
    cpu: /^model name\s*:\s*(.+)$/m.exec(info)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
  };
}
