/** Running a user's function as a frame of the calling task: what `protect`, `Mutex.protect` and `Lazy.force` share. */
import { isFrame } from "../core/frame.js";
import type { Body } from "../types.js";

/** Runs `fn` (a plain or generator function) as a frame of the calling task. */
export function* frame<T>(fn: Body<T>): Generator<unknown, T, unknown> {
  const r = (fn as () => unknown)();
  return (isFrame(r) ? yield r : r) as T;
}
