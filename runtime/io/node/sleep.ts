/** ⏸ `sleep`: a timer seen from a task, on the default event source. */
import { suspend, syscall, wake } from "../../gen.js";

export function* sleep(seconds: number): Generator<unknown, void, unknown> {
  if (typeof seconds !== "number" || !(seconds >= 0))
    throw new RangeError(`Miou.sleep: expected a number of seconds of at least 0, not ${String(seconds)}`);
  const s = yield* syscall("sleep");
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    yield* suspend(s, () => void (timer = setTimeout(() => wake(s), seconds * 1000)));
  } finally {
    clearTimeout(timer); // a cancelled sleep leaves no timer behind
  }
}
