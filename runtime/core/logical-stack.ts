/**
 * Logical stack traces (PROTOCOL.md §3): the first time an error escapes a frame, the suspended
 * callers of that frame are appended to its stack, at the call sites they are suspended at.
 */
import { siteLine } from "./protocol.js";
import type { Fiber } from "./task.js";

/** Errors whose stack already lists the logical frames they crossed. */
export const augmented = new WeakSet<object>();

/** Appends the frames an error crossed: the suspended callers of the frame it escaped. */
export function augment(e: unknown, fiber: Fiber, fromRuntime: boolean): void {
  if (e === null || typeof e !== "object") return;
  augmented.add(e);
  const lines: string[] = [];
  if (fromRuntime) {
    const own = siteLine(fiber.site);
    if (own !== undefined) lines.push(own);
  }
  const stack = fiber.stack;
  if (stack !== null) {
    for (let i = stack.length - 1; i > 0; i -= 2) {
      const line = siteLine(stack[i] as number);
      if (line !== undefined) lines.push(line);
    }
  }
  if (lines.length === 0) return;
  try {
    const err = e as { stack?: unknown };
    if (typeof err.stack === "string") err.stack = `${err.stack}\n${lines.join("\n")}`;
  } catch {
    // a frozen error keeps the stack it has
  }
}

