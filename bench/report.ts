/**
 * Turns outcomes into the markdown of `bench/RESULTS.md`: the machine, one table of medians
 * with their ratio to the baseline, the targets with pass or miss, and the spread of the
 * samples. Everything printed is computed from the outcomes; nothing here measures.
 */
import { cpus, platform, release, totalmem } from "node:os";
import { BASELINE, PEERS, type Outcome, type PeerName, type Ref, type Target, type Workload } from "./workload.js";

export interface Row {
  workload: Pick<Workload, "name" | "operation" | "measure" | "note">;
  outcomes: Partial<Record<PeerName, Outcome>>;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function medianOf(rows: readonly Row[], ref: Ref): number | undefined {
  const o = rows.find((r) => r.workload.name === ref.workload)?.outcomes[ref.peer];
  return o !== undefined && "samples" in o ? median(o.samples) : undefined;
}

const unit = (w: Row["workload"]) => (w.measure === "time" ? "ns" : "B");

function amount(x: number, u: string): string {
  const digits = x < 10 ? 2 : x < 100 ? 1 : 0;
  return `${x.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${u}`;
}

const times = (r: number) => `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}x`;

function cell(row: Row, peer: PeerName): string {
  const o = row.outcomes[peer];
  if (o === undefined) return "—";
  if ("error" in o) return `fails: ${o.error.split("\n")[0]!.slice(0, 60)}`;
  const m = median(o.samples);
  const base = medianOf([row], { workload: row.workload.name, peer: BASELINE });
  return base === undefined ? amount(m, unit(row.workload)) : `${amount(m, unit(row.workload))} (${times(m / base)})`;
}

export function resultsTable(rows: readonly Row[]): string {
  const head = `| workload | ${PEERS.join(" | ")} |\n|---|${PEERS.map(() => "---:").join("|")}|`;
  const body = rows.map((r) => `| ${r.workload.name} | ${PEERS.map((p) => cell(r, p)).join(" | ")} |`);
  return [head, ...body].join("\n");
}

export function spreadTable(rows: readonly Row[]): string {
  const head = `| workload | ${PEERS.join(" | ")} |\n|---|${PEERS.map(() => "---:").join("|")}|`;
  const body = rows.map((r) => {
    const cells = PEERS.map((p) => {
      const o = r.outcomes[p];
      if (o === undefined || !("samples" in o)) return "—";
      const u = unit(r.workload);
      return `${amount(Math.min(...o.samples), u)} – ${amount(Math.max(...o.samples), u)} (n=${o.samples.length})`;
    });
    return `| ${r.workload.name} | ${cells.join(" | ")} |`;
  });
  return [head, ...body].join("\n");
}

export interface Verdict {
  target: Target;
  measured: number | undefined;
  pass: boolean;
}

/** A ratio of two medians, or undefined if either cell was not measured. */
function quotient(rows: readonly Row[], num: Ref, den: Ref | undefined): number | undefined {
  const n = medianOf(rows, num);
  const d = den === undefined ? 1 : medianOf(rows, den);
  return n === undefined || d === undefined ? undefined : n / d;
}

export function verdicts(rows: readonly Row[], targets: readonly Target[]): Verdict[] {
  return targets.map((target) => {
    if ("min" in target) {
      const measured = quotient(rows, target.slow, target.fast);
      return { target, measured, pass: measured !== undefined && measured >= target.min };
    }
    const measured = quotient(rows, target.of, target.vs);
    return { target, measured, pass: measured !== undefined && measured <= target.max };
  });
}

export function targetsTable(rows: readonly Row[], targets: readonly Target[]): string {
  const head = "| target | measured | limit | |\n|---|---:|---:|---|";
  const body = verdicts(rows, targets).map(({ target, measured, pass }) => {
    const fmt = (x: number) => ("min" in target || target.vs !== undefined ? times(x) : amount(x, "B"));
    const m = measured === undefined ? "not measured" : fmt(measured);
    const limit = "min" in target ? `≥ ${fmt(target.min)}` : `≤ ${fmt(target.max)}`;
    return `| ${target.label} | ${m} | ${limit} | ${pass ? "pass" : "**miss**"} |`;
  });
  return [head, ...body].join("\n");
}

export function machine(): string {
  const cs = cpus();
  const model = cs[0]?.model.trim() ?? "unknown CPU";
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return (
    `${model}, ${cs.length} cores, ${gib} GiB; ${platform()} ${release()}; Node ${process.version}; ` +
    `${new Date().toISOString().slice(0, 10)}`
  );
}

export function document(rows: readonly Row[], targets: readonly Target[], notes: readonly string[]): string {
  return [
    "# Benchmarks",
    "",
    "Produced by `npm run bench` (`bench/run.ts`); do not edit by hand. Before-and-after records of past changes are in [HISTORY.md](HISTORY.md).",
    "",
    `**Machine:** ${machine()}.`,
    "",
    ...notes.map((n) => `- ${n}`),
    "",
    "## Medians per operation (ratio to native async/await)",
    "",
    resultsTable(rows),
    "",
    "One operation is:",
    "",
    ...rows.map((r) => `- **${r.workload.name}**: ${r.workload.operation}.${r.workload.note === undefined ? "" : ` ${r.workload.note}`}`),
    "",
    "## Targets",
    "",
    targetsTable(rows, targets),
    "",
    "## Spread of the samples (min – max)",
    "",
    spreadTable(rows),
    "",
  ].join("\n");
}
