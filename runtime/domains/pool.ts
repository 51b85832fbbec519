/**
 * The worker domains of the thread that calls `run` (README, "Domains: parallel tasks"). Worker d starts at the first
 * message for it and is kept for later runs; it keeps the process alive only while a run uses
 * it. Messages between workers go through this thread, which also learns when a worker stops.
 *
 * A worker that does not take a cancellation within `STUCK_MS` (a task that never reaches a
 * scheduling point) is terminated: its tasks are lost, and the next message for its domain
 * starts a fresh thread.
 */
import { platform, type Port } from "../core/platform.js";
import { MainRun } from "../core/main-run.js";
import type { Run } from "../core/run.js";
import { dispatch } from "./dispatch.js";
import { Distribution, sharedUids, type Link } from "./distribution.js";
import type { Message, Settings } from "./messages.js";
import { registered } from "./portable.js";
import { resolve } from "./resolve.js";

const STUCK_MS = 1000;

interface Slot {
  readonly uid: number;
  readonly port: Port;
  /** Messages the worker has taken, counted by the worker itself (null without shared memory). */
  readonly taken: Int32Array | null;
  posted: number;
  /** Runs this worker knows (and that keep it referenced). */
  readonly runs: Set<number>;
  watching: boolean;
  stopped: boolean;
}

class Pool implements Link {
  private readonly slots = new Map<number, Slot>();
  private readonly runs = new Map<number, { run: MainRun; settings: Settings }>();

  join(run: MainRun): void {
    const events = run.events === undefined ? null : registered(run.events);
    const d = new Distribution(this, sharedUids(run), () => run.ownUid());
    d.onEnd = () => this.leave(run);
    run.elsewhere = d;
    const settings: Settings = { seed: run.seed, quanta: run.quanta, domains: run.domains, tracing: run.tracing, uids: d.uids, events };
    this.runs.set(run.id, { run, settings });
  }

  /** Delivers `m` to its domain: dom0's run here, or a worker (started if need be). */
  post(m: Message): void {
    if (m.to === 0) {
      const entry = this.runs.get(m.run);
      if (entry === undefined) return; // the run is over
      void dispatch(entry.run, m, resolve);
      return;
    }
    const slot = this.slot(m.to);
    if (!slot.runs.has(m.run)) {
      const entry = this.runs.get(m.run);
      if (entry === undefined) return;
      if (slot.runs.size === 0) slot.port.ref();
      slot.runs.add(m.run);
      this.send(slot, { t: "hello", run: m.run, to: slot.uid, settings: entry.settings });
    }
    this.send(slot, m);
    if (m.t === "cancel") this.watch(slot);
  }

  private send(slot: Slot, m: Message): void {
    slot.port.post(m);
    slot.posted += 1;
  }

  private slot(uid: number): Slot {
    const known = this.slots.get(uid);
    if (known !== undefined) return known;
    if (platform.startWorker === undefined) throw new Error("miou: this host cannot start worker threads, so `call` and `parallel` have no domain to run on");
    const taken = typeof SharedArrayBuffer === "function" ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const port = platform.startWorker(uid, { uid, taken });
    const slot: Slot = { uid, port, taken, posted: 0, runs: new Set(), watching: false, stopped: false };
    this.slots.set(uid, slot);
    port.listen((m) => this.post(m as Message));
    port.onExit((error) => this.lost(slot, error));
    port.unref();
    return slot;
  }

  /** Terminates the worker if it takes no message for STUCK_MS while one waits for it. */
  private watch(slot: Slot): void {
    const taken = slot.taken;
    if (slot.watching || taken === null) return;
    slot.watching = true;
    const expected = slot.posted;
    platform.timer(STUCK_MS, () => {
      slot.watching = false;
      if (slot.stopped) return;
      if (Atomics.load(taken, 0) < expected) {
        platform.report(`miou: worker domain ${slot.uid} ran one step for more than ${STUCK_MS} ms and did not take a cancellation; it was terminated`, undefined);
        slot.port.terminate();
        this.lost(slot, undefined);
      } else if (Atomics.load(taken, 0) < slot.posted) this.watch(slot);
    });
  }

  /** The worker stopped: every run it took part in learns that its tasks there are gone. */
  private lost(slot: Slot, error: unknown): void {
    if (slot.stopped) return;
    slot.stopped = true;
    if (this.slots.get(slot.uid) === slot) this.slots.delete(slot.uid);
    if (error !== undefined && error !== null && typeof error === "object") platform.report(`miou: worker domain ${slot.uid} stopped`, error);
    for (const id of slot.runs) {
      this.post({ t: "lost", run: id, to: 0, domain: slot.uid });
      for (const other of this.slots.values()) if (other.runs.has(id)) this.post({ t: "lost", run: id, to: other.uid, domain: slot.uid });
    }
  }

  /** The run is over: its workers forget it, and stop keeping the process alive if idle. */
  private leave(run: MainRun): void {
    this.runs.delete(run.id);
    for (const slot of this.slots.values()) {
      if (!slot.runs.delete(run.id)) continue;
      this.send(slot, { t: "end", run: run.id, to: slot.uid });
      if (slot.runs.size === 0) slot.port.unref();
    }
  }
}

let pool: Pool | null = null;

/**
 * Connects a run of the thread that called `run` to its worker domains, once: from then on it
 * shares promise uids with them. Its first `call` or `parallel` does it, before drawing the uid
 * of its first stand-in.
 */
export function connect(run: Run): void {
  if (run.elsewhere !== null || !(run instanceof MainRun)) return; // a worker's run is connected from the start
  pool ??= new Pool();
  pool.join(run);
}
