/** Small pieces the workloads share. */
import { action, type Operation } from "effection";

/**
 * Effection's cheapest way for a task to let the others run: an action that settles at once
 * goes to the back of Effection's run queue, so two tasks doing it alternate. (`sleep(0)` would
 * be a timer of about half a millisecond per call, which measures the timer, not the library.)
 */
export function effectionYield(): Operation<void> {
  return action<void>((resolve) => {
    resolve();
    return noop;
  });
}

function noop(): void {}

/**
 * Live heap bytes after full collections: what the objects reachable now cost. Needs
 * `--expose-gc`, which the measuring process always has.
 */
export function liveHeap(): number {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error("liveHeap needs node --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
