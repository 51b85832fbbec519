/** ⏸ `sleep`: a timer seen from a task, on the default event source. */
import { suspend, syscall, wake } from "../../gen.js";

/** The longest delay `setTimeout` takes: beyond it, Node fires after 1 ms instead. */
const MAX_DELAY = 0x7fffffff;

export function* sleep(seconds: number): Generator<unknown, void, unknown> {
  if (typeof seconds !== "number" || !(seconds >= 0))
    throw new RangeError(`Miou.sleep: expected a number of seconds of at least 0, not ${String(seconds)}`);
  const s = yield* syscall("sleep");
  let timer: ReturnType<typeof setTimeout> | undefined;
  let until = 0;
  // A longer sleep (about 24.8 days and more, or Infinity) waits in steps of MAX_DELAY.
  const arm = (): void => {
    const left = until - performance.now();
    // (`left` can fall below 0 by the time a step ends: Node 24 warns about a negative delay.)
    timer = left > MAX_DELAY ? setTimeout(arm, MAX_DELAY) : setTimeout(() => wake(s), Math.max(0, left));
  };
  try {
    yield* suspend(s, () => {
      until = performance.now() + seconds * 1000;
      arm();
    });
  } finally {
    clearTimeout(timer); // a cancelled sleep leaves no timer behind
  }
}
