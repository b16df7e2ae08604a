import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { round } from './percentile';

/** Who spends the CPU during a scenario: the stack's servers, the worker child and the bench. */
export type CpuGroup = 'worker' | 'temporal' | 'postgres' | 'kafka' | 'bench' | 'other';

export interface CpuSnapshot {
  atMs: number;
  ticks: Map<number, { group: CpuGroup; ticks: number }>;
  machine: { busy: number; total: number };
}

export interface CpuUse {
  /** CPU cores each group kept busy on average (1 = one core all the time). */
  cores: Record<CpuGroup, number>;
  machineBusyPercent: number;
}

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between the listing and the read
  }
};

function classify(pid: number, workerPid: number, comm: string, cmdline: string): CpuGroup {
  if (pid === workerPid) return 'worker';
  if (pid === process.pid) return 'bench';
  if (comm === 'postgres') return 'postgres';
  if (cmdline.includes('temporal') && cmdline.includes('start-dev')) return 'temporal';
  if (cmdline.includes('kafka')) return 'kafka';
  return 'other';
}

/** User + system ticks of every process (all its threads), from /proc. */
export function cpuSnapshot(workerPid: number): CpuSnapshot {
  const ticks = new Map<number, { group: CpuGroup; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the command: state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const used = Number(fields[11]) + Number(fields[12]);
    const cmdline = (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
    ticks.set(pid, { group: classify(pid, workerPid, comm, cmdline), ticks: used });
  }
  const cpu = (read('/proc/stat') ?? '').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { atMs: performance.now(), ticks, machine: { busy: total - idle, total } };
}

/** The average cores each group used between two snapshots. */
export function cpuUse(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const seconds = (after.atMs - before.atMs) / 1000;
  const cores: Record<CpuGroup, number> = {
    worker: 0,
    temporal: 0,
    postgres: 0,
    kafka: 0,
    bench: 0,
    other: 0,
  };
  for (const [pid, now] of after.ticks) {
    const delta = now.ticks - (before.ticks.get(pid)?.ticks ?? 0);
    cores[now.group] += delta / clockTicks / seconds;
  }
  for (const group of Object.keys(cores) as CpuGroup[]) cores[group] = round(cores[group]);
  const busy = after.machine.busy - before.machine.busy;
  const total = after.machine.total - before.machine.total;
  return { cores, machineBusyPercent: round((busy / Math.max(1, total)) * 100, 0) };
}
