/**
 * What a benchmark is. A workload file under `bench/workloads/` default-exports one workload or
 * a list of them; the runner measures each peer of each workload in a fresh Node process, so
 * that one peer's heap and JIT state never colour another's numbers.
 *
 * A workload that needs more than a function call adds it here rather than in the runner:
 * `prepare` (in the runner's process, once: a build step, a server to start) and
 * `setup`/`teardown` (in the measuring process: workers, a client connection).
 */

/** The implementations compared, in the order of the table's columns. */
export const PEERS = ["miou-gen", "miou-compiled", "native", "effect", "effection"] as const;
export type PeerName = (typeof PEERS)[number];

/** Every ratio in the report is taken against this peer. */
export const BASELINE: PeerName = "native";

export interface Case {
  /**
   * One sample. With `measure: "time"` it returns how many operations it performed and the
   * runner divides the wall time by that; with `measure: "bytes"` it returns bytes per
   * operation itself. It throws when the work went wrong, so a broken peer shows as an error
   * instead of a fast number.
   */
  run(): Promise<number>;
  /** Timed samples to take (default 7); slow peers take fewer. */
  iterations?: number;
  /** Untimed samples first, to let the JIT and the heap settle (default 3). */
  warmup?: number;
}

export interface Workload {
  /** The row's name in the table, unique across files. */
  name: string;
  /** What one operation is, printed under the table. */
  operation: string;
  /** What a reader of the row should know (how the peers differ in what they do), if anything. */
  note?: string;
  measure: "time" | "bytes";
  /** Extra Node flags for the measuring process (`--stack-size=...`). `--expose-gc` is always on. */
  node?: readonly string[];
  prepare?(): Promise<void>;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  peers: Partial<Record<PeerName, Case>>;
}

/** A cell of the table: a peer's median on a workload. */
export interface Ref {
  workload: string;
  peer: PeerName;
}

/** A goal the report checks: a ceiling or a speed-up. */
export type Target = Ceiling | SpeedUp;

/** `of`'s median divided by `vs`'s (or taken as it is, without `vs`) must be at most `max`. */
export interface Ceiling {
  label: string;
  of: Ref;
  vs?: Ref;
  max: number;
}

/**
 * `slow`'s median divided by `fast`'s must be at least `min`: the same work done two ways (on
 * one worker domain and on two), the second expected to be `min` times faster.
 */
export interface SpeedUp {
  label: string;
  slow: Ref;
  fast: Ref;
  min: number;
}

/** Starts the line on which the measuring process prints its outcome, as JSON. */
export const MARK = "@@bench-outcome ";

/** What the measuring process reports for one (workload, peer). */
export type Outcome = { samples: number[] } | { error: string };

/** Fails a sample whose work did not produce what it should have. */
export function expect(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}
