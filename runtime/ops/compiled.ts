/**
 * Runtime helpers the transformer's output calls (PROTOCOL.md §2, §7): values that may or may
 * not be frames, and the array methods given suspending callbacks.
 */
import { Now, SITE, isFrame, opCopy } from "../core/protocol.js";

/** A frame to run or an operation to service: what a suspending call returns. */
function runnable(x: unknown): boolean {
  return isFrame(x) || opCopy(x) !== undefined;
}

/**
 * The result of a call that may or may not suspend (through a parameter, a property, an optional
 * chain): a frame or an operation is yielded as such, any other value comes straight back.
 */
export function maybe(x: unknown, site: number): unknown {
  SITE.id = site;
  return runnable(x) ? x : new Now(x);
}

/**
 * The result of a call through a parameter in the plain version of a higher-order function: a
 * suspending function reaching it there is a mistake the type checker could not see.
 */
export function plain(x: unknown, callee: string): unknown {
  if (runnable(x))
    throw new TypeError(
      `${callee} is a suspending function, but it was called from the plain version of a higher-order function, ` +
        "which cannot wait for it. Pass it where the transformer can see it is suspending (a direct argument), or call it from a suspending function.",
    );
  return x;
}

type Callback = (value: unknown, index: number, array: readonly unknown[]) => unknown;

/** Calls `fn` as a callback: a frame it returns is run to its value. */
function* call(fn: Callback, thisArg: unknown, x: unknown, i: number, xs: readonly unknown[]): Generator<unknown, unknown, unknown> {
  const r = fn.call(thisArg, x, i, xs);
  return runnable(r) ? yield r : r;
}

export function* map(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown[], unknown> {
  const out: unknown[] = [];
  for (let i = 0; i < xs.length; i++) out.push(yield* call(fn, thisArg, xs[i], i, xs));
  return out;
}

export function* forEach(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, void, unknown> {
  for (let i = 0; i < xs.length; i++) yield* call(fn, thisArg, xs[i], i, xs);
}

export function* filter(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown[], unknown> {
  const out: unknown[] = [];
  for (let i = 0; i < xs.length; i++) if (yield* call(fn, thisArg, xs[i], i, xs)) out.push(xs[i]);
  return out;
}

export function* flatMap(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown[], unknown> {
  return (yield* map(xs, fn, thisArg)).flat();
}

export function* some(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, boolean, unknown> {
  for (let i = 0; i < xs.length; i++) if (yield* call(fn, thisArg, xs[i], i, xs)) return true;
  return false;
}

export function* every(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, boolean, unknown> {
  for (let i = 0; i < xs.length; i++) if (!(yield* call(fn, thisArg, xs[i], i, xs))) return false;
  return true;
}

export function* findIndex(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, number, unknown> {
  for (let i = 0; i < xs.length; i++) if (yield* call(fn, thisArg, xs[i], i, xs)) return i;
  return -1;
}

export function* find(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown, unknown> {
  const i = yield* findIndex(xs, fn, thisArg);
  return i < 0 ? undefined : xs[i];
}

export function* reduce(xs: readonly unknown[], fn: (acc: unknown, x: unknown, i: number, xs: readonly unknown[]) => unknown, ...init: unknown[]): Generator<unknown, unknown, unknown> {
  let i = 0;
  if (init.length === 0 && xs.length === 0) throw new TypeError("Reduce of empty array with no initial value");
  let acc = init.length > 0 ? init[0] : xs[i++];
  for (; i < xs.length; i++) {
    const r = fn(acc, xs[i], i, xs);
    acc = runnable(r) ? yield r : r;
  }
  return acc;
}
