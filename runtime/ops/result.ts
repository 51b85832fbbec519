/** How a settled child reads from its parent's side (README, "Awaiting"). */
import { Cancelled } from "../core/errors.js";
import { RETURNED, type Task } from "../core/task.js";
import type { Result } from "../types.js";

/** What `await_` gives: a task cancelled after it ended reads as cancelled, whatever its outcome. */
export function awaited(p: Task): Result<unknown> {
  if (p.cancelledOverride) return { ok: false, error: new Cancelled() };
  return p.state === RETURNED ? { ok: true, value: p.result } : { ok: false, error: p.result };
}

/** What `await_exn` gives: `awaited`'s value, or its error thrown (without making the Result). */
export function awaitedValue(p: Task): unknown {
  if (p.cancelledOverride) throw new Cancelled();
  if (p.state === RETURNED) return p.result;
  throw p.result;
}

/** What `await_one`, `await_first` and `get` see: the computation itself, ignoring `cancel`. */
export function computed(p: Task): Result<unknown> {
  return p.state === RETURNED ? { ok: true, value: p.result } : { ok: false, error: p.result };
}

/** Picks the winner among settled tasks: a random one that returned, else a random failed one. */
export function pick(settled: readonly Task[], random: { int(n: number): number }): Task {
  const ok = settled.filter((p) => p.state === RETURNED);
  const pool = ok.length > 0 ? ok : settled;
  return pool[random.int(pool.length)]!;
}
