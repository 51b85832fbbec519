/**
 * What domains say to each other. Every message names its run and the domain it is for; the
 * thread that called `run` relays those between workers. Values inside are encoded by
 * `codec.ts`, functions by `portable.ts`.
 */
import type { Ref } from "./portable.js";

/** What a worker needs to know about a run before its first task there. */
export interface Settings {
  seed: string;
  quanta: number;
  domains: number;
  tracing: boolean;
  /** The run's promise-uid counter, shared by every domain (null where no SharedArrayBuffer). */
  uids: Int32Array | null;
  /** A portable `events`, called on each worker's own thread. */
  events: Ref | null;
}

type To = {
  run: number;
  /** The domain the message is for. */
  to: number;
};

export type Message =
  /** Introduces a run to a worker, before anything else about it. */
  | (To & { t: "hello"; settings: Settings })
  /** Creates task `id` (a child of task `parent` on domain `from`) on the target domain. */
  | (To & { t: "spawn"; from: number; id: number; parent: number; fn: Ref; arg?: unknown; args: boolean; give: unknown[] })
  /** Tears task `id` and its subtree down; it answers with `settled`. */
  | (To & { t: "cancel"; id: number })
  /** Task `id` is done, with its whole subtree: its outcome, or `torn` if it was torn down. */
  | (To & { t: "settled"; id: number; ok: boolean; value: unknown; torn: boolean })
  /** Resource `uid` of the target domain: run its finaliser there. */
  | (To & { t: "finalise"; uid: number })
  /** Task `task` on the target domain now owns the (encoded) resource. */
  | (To & { t: "transfer"; task: number; resource: unknown })
  /** Trace events from a worker, for the run's `trace` callback on dom0. */
  | (To & { t: "trace"; events: unknown[] })
  /** An uncatchable error on a worker: the run ends with it. */
  | (To & { t: "fatal"; error: unknown })
  /** The run is over: the worker forgets it. */
  | (To & { t: "end" })
  /** Domain `domain` was lost (its thread stopped): its tasks are gone. */
  | (To & { t: "lost"; domain: number });
