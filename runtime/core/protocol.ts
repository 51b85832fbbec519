/**
 * The compiled protocol, as `runtime/PROTOCOL.md` specifies it: what a task's generator may
 * yield, and how the runtime tells the kinds apart without `GeneratorFunction` or
 * `Symbol.toStringTag` (TypeScript's ES5 lowering provides neither).
 */
import type { Task } from "./task.js";
import type { Domain } from "./domain.js";

/** Marks operation records. Versioned: a protocol change is a new symbol. */
export const OP: unique symbol = Symbol.for("miou.op.v1") as never;

/**
 * This copy of the runtime. An operation made by another installed copy of miou carries that
 * copy's identity instead, and the runtime refuses it with an error naming both.
 */
export const COPY: { readonly name: string } = { name: "miou" };

/** What `Op.perform` returns when the task must wait; whoever wakes it later resumes it. */
export const PARK: unique symbol = Symbol("miou.park") as never;

/**
 * The call-site register. Compiled code stores the id of the call site it is about to
 * yield from (`at(x, id)`); the runtime reads it once per yield and clears it. A plain global
 * store, so that call-site tracking costs no allocation.
 */
export const SITE = { id: 0 };

/**
 * An operation record: one ⏸ call, serviced by the runtime at the task's next turn.
 *
 * In generator style (`yield* op`) the op is its own iterator and its own iterator result:
 * `next()` returns the op itself, first as `{ value: op, done: false }`, then, resumed, as
 * `{ value: v, done: true }`. V8 hands the inner result of a `yield*` straight to the caller of
 * the outer `next()`, so a ⏸ call in generator style allocates the op and nothing else. This
 * holds because every reader (the runtime, `yield*`) reads `done` and `value` before the next
 * call to `next()`.
 */
export abstract class Op<T = unknown> implements Iterator<unknown, T, unknown> {
  declare [OP]: { readonly name: string };
  /** Completes without a scheduling point while a cancelled task unwinds (unlock, release, ...). */
  declare cleanup: boolean;
  /** Ends the step whatever quanta remain (`yield_`). */
  declare ends: boolean;
  /** The iterator result's fields: `value` is the op itself once yielded; `done` once resumed. */
  done = false;
  value: unknown = undefined;

  /** The name users know the operation by, for errors and traces. */
  abstract get label(): string;

  /**
   * Services the operation for `task` on `domain`: returns the value the task resumes with, or
   * `PARK` after arranging for the task to be woken. A throw is raised in the task.
   */
  abstract perform(task: Task, domain: Domain): unknown;

  [Symbol.iterator](): this {
    return this;
  }

  next(value?: unknown): IteratorResult<unknown, T> {
    if (this.value === this) {
      this.done = true;
      this.value = value;
    } else if (this.done) {
      // A second `yield*` of the same op would complete at once, silently, with no operation.
      throw new TypeError(
        `Miou.${this.label}: this operation was already performed; each call makes one operation, for one \`yield*\`: ` +
          "call the function again instead of keeping its result",
      );
    } else {
      this.value = this;
    }
    return this as IteratorResult<unknown, T>;
  }

  throw(error?: unknown): IteratorResult<unknown, T> {
    throw error;
  }

  return(value?: unknown): IteratorResult<unknown, T> {
    this.done = true;
    this.value = value;
    return this as IteratorResult<unknown, T>;
  }
}
Op.prototype[OP] = COPY;
Op.prototype.cleanup = false;
Op.prototype.ends = false;

/**
 * An immediate value (PROTOCOL.md §2): the frame is resumed with it at once, with no scheduling
 * point. `maybe` hands one back for a call that turned out not to suspend. Not an `Op`, so the
 * check for it stays off the path every operation takes.
 */
export class Now {
  constructor(readonly value: unknown) {}
}

/** A generator object (native, or lowered by TypeScript to ES5): a frame of a task. */
export type Frame = Iterator<unknown, unknown, unknown> & { throw(e: unknown): IteratorResult<unknown, unknown> };

export function isFrame(value: unknown): value is Frame {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as Frame).next === "function" &&
    typeof (value as Frame).throw === "function"
  );
}

/**
 * The generator objects of native generator functions are `instanceof NativeGenerator`: their
 * prototype chain holds %GeneratorPrototype%. An instanceof check walks hidden classes (a few
 * nanoseconds), where `isFrame` and `opCopy` look up properties that vary with every generator
 * function (several times more); a frame lowered to ES5 still takes that slower path.
 */
function NativeGenerator(): void {}
NativeGenerator.prototype = Object.getPrototypeOf(function* () {}.prototype) as object;

export function isNativeGenerator(value: unknown): value is Frame {
  return value instanceof NativeGenerator;
}

/** Is `value` an operation record of some copy of miou, and is it ours? */
export function opCopy(value: unknown): { readonly name: string } | undefined {
  if (value === null || typeof value !== "object") return undefined;
  return (value as { [OP]?: { readonly name: string } })[OP];
}

// ---- call sites -------------------------------------------------------------------------------

/** Flat table: [function name, file, line, column] per id; id 0 is "unknown". */
const sites: (string | number)[] = ["", "", 0, 0];

/**
 * Registers a module's call sites: `table` holds `name, line, column` triples. Returns the id of
 * the first; the k-th triple has id `base + k`.
 */
export function registerSites(file: string, table: readonly (string | number)[]): number {
  const base = sites.length / 4;
  for (let i = 0; i + 2 < table.length; i += 3) sites.push(table[i]!, file, table[i + 1]!, table[i + 2]!);
  return base;
}

/** A call site as V8 names a frame: `name (file:line:column)`, or `file:line:column` at a module's top. */
export function siteText(id: number): string | undefined {
  const k = id * 4;
  if (id <= 0 || k >= sites.length) return undefined;
  const name = sites[k] as string;
  const where = `${sites[k + 1]}:${sites[k + 2]}:${sites[k + 3]}`;
  return name === "" ? where : `${name} (${where})`;
}

/** The stack line for a call site, as V8 prints a frame. */
export function siteLine(id: number): string | undefined {
  const text = siteText(id);
  return text === undefined ? undefined : `    at ${text}`;
}

/** Stores `id` in the call-site register and hands `x` through: `yield at(f(a), 12)`. */
export function at<X>(x: X, id: number): X {
  SITE.id = id;
  return x;
}
