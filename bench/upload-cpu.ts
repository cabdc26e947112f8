// CPU time per process role for `npm run bench:upload`, from /proc: where an upload's cycles go
// (the sandbox, Chromium's network service, its renderer, curl), so a throughput gap can be
// attributed instead of guessed. Linux only; elsewhere every figure is 0.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

type Stat = { pid: number; ppid: number; cpu: number; childrenCpu: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based.
    const fields = text
      .slice(text.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
    const at = (field: number) => fields[field - 3] ?? 0;
    return {
      pid,
      ppid: at(4),
      cpu: (at(14) + at(15)) / TICKS_PER_SECOND,
      childrenCpu: (at(16) + at(17)) / TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}

function chromiumRole(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const type = /--type=([\w-]+)/.exec(cmd)?.[1];
    if (!type) return "chromium browser";
    if (type === "utility" && cmd.includes("NetworkService")) return "chromium network";
    return type === "renderer" ? "chromium renderer" : "chromium other";
  } catch {
    return "chromium other";
  }
}

/** CPU seconds so far of the sandbox, of each Chromium role below this process, and of reaped children (curl). */
export function cpuSnapshot(sandboxPid: number): Record<string, number> {
  const stats = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
  const children = new Map<number, Stat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const snapshot: Record<string, number> = {
    sandbox: stats.find((stat) => stat.pid === sandboxPid)?.cpu ?? 0,
    "reaped children": readStat(process.pid)?.childrenCpu ?? 0,
  };
  const visit = (stat: Stat) => {
    const role = chromiumRole(stat.pid);
    snapshot[role] = (snapshot[role] ?? 0) + stat.cpu;
    for (const child of children.get(stat.pid) ?? []) visit(child);
  };
  for (const child of children.get(process.pid) ?? []) {
    if (chromiumRole(child.pid) === "chromium browser" && /chrom/i.test(commandOf(child.pid)))
      visit(child);
  }
  return snapshot;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

export function cpuDelta(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([role, seconds]) => [role, seconds - (before[role] ?? 0)]),
  );
}
