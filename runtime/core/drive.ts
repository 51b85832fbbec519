/**
 * Driving a task's frames: resuming them until one yields an operation or the outermost one
 * ends. Calls of suspending functions push frames, their returns and throws pop them (the
 * compiled protocol, PROTOCOL.md). `Domain.step` drives a task at its turn; `lifecycle.ts`
 * drives a cancelled one to the end of its frames.
 *
 * What must stay true:
 * - every way out clears `ctx.suspendable` (no try/finally on the hottest path: a throw out of
 *   `drive` is a bug of the runtime, and the loop restores the context then);
 * - whatever a task yields, looking at it never throws out of the scheduler: a value that
 *   refuses inspection is the task's bad yield, thrown into it;
 * - while the task is UNWINDING, cleanup operations complete at once and any other raises
 *   `Cancelled`, at most `UNWIND_LIMIT` times.
 */
import { ctx } from "./context.js";
import { Cancelled } from "./errors.js";
import { isFrame, isNativeGenerator, type Frame } from "./frame.js";
import { augment, augmented } from "./logical-stack.js";
import { badYield, foreignCopy } from "./mistakes.js";
import { platform } from "./platform.js";
import { Now, Op, opCopy } from "./protocol.js";
import type { DomainPort } from "./run.js";
import { SITE } from "./sites.js";
import { NEXT, THROW, UNWINDING, type Fiber, type Task } from "./task.js";

/** How many times an unwinding task may swallow `Cancelled` and carry on before it is dropped. */
const UNWIND_LIMIT = 1000;

// What `drive` reports: the task yielded an operation (`fiber.next`), or its outermost frame
// returned or threw (`fiber.next` holds the value or the error).
export const YIELDED = 0;
export const ENDED_NEXT = 1;
export const ENDED_THROW = 2;

/**
 * Resumes the task's frames until one yields an operation (YIELDED: `fiber.next` is set) or the
 * outermost frame ends (ENDED_NEXT or ENDED_THROW: `fiber.next` holds the value or the
 * error). Calls of suspending functions push frames; their returns and throws pop them.
 * `lifecycle.ts` also calls it, to unwind a cancelled task.
 */
export function drive(d: DomainPort, task: Task, fiber: Fiber, mode: number, value: unknown): number {
  let gen = fiber.top as Frame;
  let swallowed = 0;
  // Every way out of the loop clears `suspendable` (`ended` does it for the "false" ones): no
  // try/finally on the hottest path. A throw out of this function is a bug of the runtime,
  // and `loop` restores the context then.
  ctx.suspendable = true;
  for (;;) {
    let r: IteratorResult<unknown, unknown>;
    let done: boolean;
    let y: unknown;
    try {
      r = mode === NEXT ? gen.next(value) : gen.throw(value);
      // Read here: a hand-written frame may return a result that throws when read.
      done = r.done === true;
      y = r.value;
    } catch (e) {
      if (!augmented.has(e as object)) augment(e, fiber, mode === THROW && value === e, d.run.site);
      const stack = fiber.stack;
      if (stack === null || stack.length === 0) return ended(fiber, THROW, e);
      fiber.site = stack.pop() as number;
      gen = fiber.top = stack.pop() as Frame;
      mode = THROW;
      value = e;
      continue;
    }
    if (done) {
      const stack = fiber.stack;
      if (stack === null || stack.length === 0) return ended(fiber, NEXT, y);
      fiber.site = stack.pop() as number;
      gen = fiber.top = stack.pop() as Frame;
      mode = NEXT;
      value = y;
      continue;
    }
    // An op of this copy; one of another copy of miou is refused below. Only a Proxy can make
    // `instanceof` throw: then it is no op, and the checks below turn it into a TypeError.
    let isOp: boolean;
    try {
      isOp = y instanceof Op;
    } catch {
      isOp = false;
    }
    if (isOp) {
      const op = y as Op;
      fiber.site = SITE.id;
      SITE.id = 0;
      if (task.phase !== UNWINDING) {
        fiber.next = op;
        ctx.suspendable = false;
        return YIELDED;
      }
      // A cancelled task unwinds: cleanup operations complete at once, any other raises.
      if (op.cleanup) {
        ctx.suspendable = false;
        try {
          value = op.perform(task, d);
          mode = NEXT;
        } catch (e) {
          value = e;
          mode = THROW;
        }
        ctx.suspendable = true;
      } else if (++swallowed > UNWIND_LIMIT) {
        platform.report(`miou: task ${task.uid} kept catching Miou.Cancelled while unwinding; its frames were dropped`, undefined);
        return ended(fiber, THROW, new Cancelled());
      } else {
        mode = THROW;
        value = new Cancelled();
      }
      continue;
    }
    // Whatever the task yielded, looking at it must not throw out of the scheduler: a value
    // that refuses inspection (a revoked Proxy, a throwing getter) is a bad yield of the task.
    try {
      if (isNativeGenerator(y) || (opCopy(y) === undefined && isFrame(y))) {
        (fiber.stack ??= []).push(gen, SITE.id);
        SITE.id = 0;
        gen = fiber.top = y;
        mode = NEXT;
        value = undefined;
        continue;
      }
      if (y instanceof Now) {
        mode = NEXT;
        value = y.value;
        continue;
      }
      const copy = opCopy(y);
      value = copy !== undefined ? foreignCopy(copy) : badYield(y);
    } catch (e) {
      value = badYield(y, e);
    }
    mode = THROW;
  }
}

function ended(fiber: Fiber, mode: number, value: unknown): number {
  ctx.suspendable = false;
  fiber.top = null;
  fiber.stack = null;
  fiber.next = value;
  return mode === NEXT ? ENDED_NEXT : ENDED_THROW;
}
