/**
 * The measuring process: runs one peer of one workload and prints its samples as the last line
 * of stdout, after `MARK`. Started by `run.ts` as
 * `node --import tsx --expose-gc [flags] bench/child.ts <workload file> <workload name> <peer>`.
 *
 * No collection is forced between samples: a forced full collection shrinks V8's young
 * generation, and the next sample then runs with a heap no real program has (measured: two to
 * five times slower for the scheduler-heavy workloads). The warm-up samples let the heap grow
 * to its working size instead.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { loadWorkloads } from "./load.js";
import { MARK, type Outcome, type PeerName } from "./workload.js";

async function measure(file: string, name: string, peer: PeerName): Promise<Outcome> {
  const workload = (await loadWorkloads(pathToFileURL(file).href)).find((w) => w.name === name);
  if (workload === undefined) return { error: `no workload named ${name} in ${file}` };
  const c = workload.peers[peer];
  if (c === undefined) return { error: `${name} has no ${peer} case` };
  await workload.setup?.();
  try {
    const samples: number[] = [];
    const warmup = c.warmup ?? 3;
    const iterations = c.iterations ?? 7;
    for (let i = 0; i < warmup + iterations; i++) {
      const t0 = performance.now();
      const n = await c.run();
      const ms = performance.now() - t0;
      if (i < warmup) continue;
      samples.push(workload.measure === "time" ? (ms * 1e6) / n : n);
    }
    return { samples };
  } finally {
    await workload.teardown?.();
  }
}

async function main(): Promise<void> {
  const [file, name, peer] = process.argv.slice(2);
  let outcome: Outcome;
  try {
    outcome = await measure(file!, name!, peer as PeerName);
  } catch (e) {
    outcome = { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  process.stdout.write(`\n${MARK}${JSON.stringify(outcome)}\n`);
}

await main();
