/**
 * Logical stack traces (PROTOCOL.md §3). The first time an error escapes a frame, its stack is
 * made to read like a synchronous program's: the frames it was thrown through (the throwing
 * function and what it called), then the suspended callers of that frame at the call sites they
 * are suspended at, innermost first, then where `run` was called. The scheduler's own frames
 * (`drive`, `Domain.step`, ...) and what lies under them (a microtask, a timer) say
 * nothing about the user's program, so they are dropped.
 */
import { siteLine } from "./sites.js";
import type { Fiber } from "./task.js";

/** Errors whose stack already lists the logical frames they crossed. */
export const augmented = new WeakSet<object>();

/**
 * Where this copy of the runtime lives (the package's folder, as stack lines print it): a frame
 * under its `dist/` or `runtime/` folder is the runtime's. Undefined when the runtime is
 * bundled into another file: then only the generator plumbing frames are dropped.
 */
const home: string | undefined = (() => {
  const line = String(new Error().stack).split("\n").find((l) => /^\s+at /.test(l)) ?? "";
  const where = /\((.*)\)$/.exec(line)?.[1] ?? line.replace(/^\s+at /, "");
  return /^(?:file:\/\/)?(.*)\/(?:dist|runtime)\/[^/]*(?:\/[^/]*)?:\d+:\d+$/.exec(where)?.[1];
})();

/** A frame of the runtime (or of the generator machinery it drives frames with). */
function isRuntimeFrame(line: string): boolean {
  if (/\.next \(<anonymous>\)$|at Generator\.(next|throw) |at new Promise \(<anonymous>\)$/.test(line)) return true;
  // TypeScript's ES5 generator helper (`__generator`), which has no source mapping.
  if (/^\s+at (step|Object\.(next|throw)) \(.*\.js:\d+:\d+\)$/.test(line)) return true;
  return home !== undefined && (line.includes(`${home}/dist/`) || line.includes(`${home}/runtime/`));
}

/**
 * The user's frames of a stack: the lines before the first frame, then the frames above the
 * scheduler (those of the throwing code), without the runtime's. `keepAll`: every frame that is
 * not the runtime's, for the stack of `run`'s call site.
 */
export function userFrames(stack: string, keepAll: boolean): { head: string[]; frames: string[] } {
  const lines = stack.split("\n");
  let i = 0;
  while (i < lines.length && !/^\s+at /.test(lines[i]!)) i++;
  const head = lines.slice(0, i);
  const frames: string[] = [];
  let seenUser = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isRuntimeFrame(line)) {
      // Below the scheduler's frames lies only what entered it (a microtask, `run` itself).
      if (seenUser && !keepAll) break;
      continue;
    }
    seenUser = true;
    frames.push(line);
  }
  return { head, frames };
}

/** The frames of `run`'s caller, from an Error made in `run`; empty if they are all the runtime's. */
function callerFrames(site: { stack?: unknown } | null): string[] {
  if (site === null || typeof site.stack !== "string") return [];
  return userFrames(site.stack, true).frames;
}

/**
 * Rewrites the stack of `e`, escaping `fiber` (null: a plain body that threw): the thrower's own
 * frames, the suspended callers, then `run`'s call site (`runSite`, an Error made in `run`).
 * `fromRuntime`: the runtime raised `e` for the operation the frame is suspended at, whose site
 * comes first.
 */
export function augment(e: unknown, fiber: Fiber | null, fromRuntime: boolean, runSite: { stack?: unknown } | null): void {
  if (e === null || typeof e !== "object") return;
  augmented.add(e);
  const lines: string[] = [];
  if (fromRuntime && fiber !== null) {
    const own = siteLine(fiber.site);
    if (own !== undefined) lines.push(own);
  }
  const stack = fiber?.stack ?? null;
  if (stack !== null) {
    for (let i = stack.length - 1; i > 0; i -= 2) {
      const line = siteLine(stack[i] as number);
      if (line !== undefined) lines.push(line);
    }
  }
  try {
    const err = e as { stack?: unknown };
    if (typeof err.stack !== "string") return;
    const { head, frames } = userFrames(err.stack, false);
    const callers = callerFrames(runSite);
    // Raised while `run` itself ran the first steps: the frames found are `run`'s caller's.
    const own = frames.length <= callers.length && frames.every((f, i) => f === callers[i]) ? [] : frames;
    err.stack = [...head, ...own, ...lines, ...callers].join("\n");
  } catch {
    // a frozen error keeps the stack it has
  }
}
