/**
 * The goals the report checks, next to the measurements. Ratios are medians divided by
 * medians; "N x faster than" is a ratio of at most 1/N. "deep compiled ≤ 3x native,
 * independent of depth" is checked at two depths a factor of ten apart. A speed-up is the
 * other way round: the slow cell's median divided by the fast one's, at least `min`.
 */
import type { PeerName, SpeedUp, Target } from "./workload.js";

function ratio(workload: string, peer: PeerName, max: number, vs: PeerName, label: string): Target {
  return { label: `${workload}: ${peer} ${label}`, of: { workload, peer }, vs: { workload, peer: vs }, max };
}

const atMost = (workload: string, peer: PeerName, max: number) =>
  ratio(workload, peer, max, "native", `≤ ${max.toFixed(1)}x native`);

/** `peer` on `fast` is at least `min` times faster than on `slow`. */
const speedUp = (slow: string, fast: string, peer: PeerName, min: number): SpeedUp => ({
  label: `${fast} vs ${slow}: ${peer} speed-up ≥ ${min.toFixed(1)}x`,
  slow: { workload: slow, peer },
  fast: { workload: fast, peer },
  min,
});

export const TARGETS: readonly Target[] = [
  atMost("spawn-join", "miou-gen", 3),
  atMost("spawn-join", "miou-compiled", 3),
  ratio("spawn-join", "miou-gen", 1 / 5, "effect", "≥ 5x faster than effect"),
  ratio("spawn-join", "miou-compiled", 1 / 5, "effect", "≥ 5x faster than effect"),
  atMost("ping-pong", "miou-compiled", 1),
  atMost("ping-pong", "miou-gen", 1.5),
  atMost("ring", "miou-gen", 1.5),
  atMost("ring", "miou-compiled", 1.5),
  atMost("deep-10k", "miou-compiled", 3),
  atMost("deep-100k", "miou-compiled", 3),
  { label: "memory: miou-gen ≤ 500 B per parked task", of: { workload: "memory", peer: "miou-gen" }, max: 500 },
  { label: "memory: miou-compiled ≤ 500 B per parked task", of: { workload: "memory", peer: "miou-compiled" }, max: 500 },
  speedUp("parallel-fib-1", "parallel-fib-2", "miou-gen", 1.7),
  atMost("call-round-trip", "miou-gen", 2),
  ratio("echo", "miou-compiled", 1.25, "native", "throughput ≥ 0.8x native (time ≤ 1.25x)"),
  ratio("run-unchanged", "miou-compiled", 1.5, "native", "≤ 1.5x tsx"),
  {
    label: "run-one-edit: miou-compiled ≤ 0.5x its cold start",
    of: { workload: "run-one-edit", peer: "miou-compiled" },
    vs: { workload: "run-cold", peer: "miou-compiled" },
    max: 0.5,
  },
];
