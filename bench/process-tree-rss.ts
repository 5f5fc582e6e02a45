import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
/** Processes come and go rarely (esbuild's service, a shard); rescanning /proc at every sample costs ~2 ms. */
const RESCAN_MS = 500;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The parent pid from /proc/<pid>/stat; the command name in parentheses may hold spaces. */
function parentOf(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/** `root` and every process below it (worker threads are in-process and count in their process's RSS). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

function rssBytes(pid: number): number {
  const statm = readText(`/proc/${pid}/statm`);
  return statm ? Number(statm.split(' ')[1]) * PAGE_BYTES : 0;
}

/** The RSS of `root`'s whole process tree, in bytes. Linux only (/proc); elsewhere this process's own RSS. */
export function treeRss(root: number): number {
  if (readText('/proc/self/statm') === undefined) return root === process.pid ? process.memoryUsage.rss() : 0;
  return processTree(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

export const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/** Samples a process tree's RSS every `everyMs` and keeps the peak. */
export class TreeRssSampler {
  readonly #root: number;
  #pids: number[] = [];
  #scannedAt = -Infinity;
  #timer: NodeJS.Timeout;
  peak = 0;

  constructor(root: number, everyMs = 20) {
    this.#root = root;
    this.sample();
    this.#timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): number {
    const now = performance.now();
    if (now - this.#scannedAt > RESCAN_MS) {
      this.#pids = readText('/proc/self/statm') === undefined ? [] : processTree(this.#root);
      this.#scannedAt = now;
    }
    const rss = this.#pids.length === 0 ? treeRss(this.#root) : this.#pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
    this.peak = Math.max(this.peak, rss);
    return rss;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
