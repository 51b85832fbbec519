/**
 * The worker's side: a thread miou started as domain `uid`. It takes messages in order, one at
 * a time (a `spawn` may first have to load its module), and keeps a `WorkerRun` per run it
 * takes part in.
 */
import { Domain } from "../core/domain.js";
import { deadlock } from "../core/mistakes.js";
import type { Port } from "../core/platform.js";
import { platform } from "../core/platform.js";
import { Run, type TraceEvent, type TraceKind } from "../core/run.js";
import type { Task } from "../core/task.js";
import { encode } from "./codec.js";
import { crossing } from "./crossing.js";
import { dispatch, within } from "./dispatch.js";
import { Distribution, distribution, post } from "./distribution.js";
import type { Message, Settings } from "./messages.js";
import { resolve } from "./resolve.js";
import { eventsOf, type Events } from "../core/syscall.js";

/** A run as a worker sees it: its tasks here answer to other domains, and dom0 ends it. */
class WorkerRun extends Run {
  readonly home: Domain;
  private batch: TraceEvent[] | null = null;
  private seq = 0;
  private failed = false;

  constructor(id: number, uid: number, settings: Settings, port: Port) {
    super(id, settings);
    const link = {
      post: (m: Message) => {
        this.flush(); // a domain's trace events reach dom0 before anything it says next
        port.post(m);
      },
    };
    // No shared memory (a browser page that is not cross-origin isolated): unique, not ordered.
    this.elsewhere = new Distribution(link, settings.uids, () => 0x40000000 + this.seq++ * 64 + uid);
    this.home = new Domain(uid, this, null);
  }

  emit(kind: TraceKind, task: Task): void {
    if (!this.tracing) return;
    if (this.batch === null) {
      this.batch = [];
      void Promise.resolve().then(() => this.flush());
    }
    this.batch.push(this.event(kind, task));
  }

  private flush(): void {
    const events = this.batch;
    if (events === null) return;
    this.batch = null;
    post(this, { t: "trace", run: this.id, to: 0, events });
  }

  fatal(error: unknown): void {
    this.over = true;
    if (this.failed) return;
    this.failed = true;
    post(this, { t: "fatal", run: this.id, to: 0, error: encode(error, crossing(this).resources) });
  }

  /** dom0 tears the run down; this domain only stops running its tasks. */
  conclude(): void {}

  stalled(): boolean {
    if (distribution(this).live === 0) return false;
    this.fatal(deadlock(null, this.home.uid));
    return true;
  }
}

/** Serves domain `uid` on this thread: `port` leads to the thread that called `run`. */
export function serve(port: Port, uid: number, taken: Int32Array | null): void {
  const runs = new Map<number, WorkerRun>();
  const queue: Message[] = [];
  let busy = false;

  const take = (m: Message): void | Promise<void> => {
    if (m.t === "hello") {
      const run = new WorkerRun(m.run, uid, m.settings, port);
      runs.set(m.run, run);
      const events = m.settings.events;
      if (events === null) return;
      return Promise.resolve(resolve(events)).then(
        (make) =>
          within(run, () => {
            try {
              run.home.useEvents(eventsOf(make as (d: number) => Events, uid));
            } catch (e) {
              run.fatal(e);
            }
          }),
        (e: unknown) => run.fatal(e),
      );
    }
    const run = runs.get(m.run);
    if (run === undefined) return;
    if (m.t === "end") {
      runs.delete(m.run);
      try {
        run.home.events?.finaliser?.();
      } catch (e) {
        platform.report(`miou: the events finaliser of domain ${uid} raised an error`, e);
      }
      return;
    }
    return dispatch(run, m, resolve);
  };

  const pump = (): void => {
    while (queue.length > 0) {
      const m = queue.shift()!;
      let p: void | Promise<void>;
      try {
        p = take(m);
      } catch (e) {
        platform.report(`miou: worker domain ${uid} failed to take a message`, e);
        continue;
      }
      if (p !== undefined) {
        busy = true;
        p.catch((e: unknown) => platform.report(`miou: worker domain ${uid} failed to take a message`, e)).finally(() => {
          busy = false;
          pump();
        });
        return;
      }
    }
  };

  port.listen((m) => {
    if (taken !== null) Atomics.add(taken, 0, 1); // the thread is responsive: see the pool's watch for stuck workers
    queue.push(m as Message);
    if (!busy) pump();
  });
}
