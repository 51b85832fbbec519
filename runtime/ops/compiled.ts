/**
 * Runtime helpers the transformer's output calls (PROTOCOL.md §2, §7): values that may or may
 * not be frames, and the array methods given suspending callbacks.
 */
import { isFrame } from "../core/frame.js";
import { Now, opCopy } from "../core/protocol.js";
import { SITE } from "../core/sites.js";

/** A frame to run or an operation to service: what a suspending call returns. */
function runnable(x: unknown): boolean {
  return isFrame(x) || opCopy(x) !== undefined;
}

/**
 * Is the result of a checked call (one that may or may not suspend) a frame or an operation, to
 * be yielded? The transformer's output: `(suspends(t = f(x)) ? (yield at(t, site)) : t)`, so a
 * plain value costs no yield.
 */
export function suspends(x: unknown): boolean {
  return runnable(x);
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

/*
 * The array methods given suspending callbacks, exactly as the native ones behave: the length is
 * read once (elements appended by the callback are not visited), each element is read once just
 * before its callback, holes are skipped (but by `find` and `findIndex`, which visit them as
 * `undefined`), `map` keeps them in its result, and a callback that is not a function is a
 * TypeError before anything is visited.
 */

/** Calls `fn` as a callback: a frame it returns is run to its value. */
function* call(fn: Callback, thisArg: unknown, x: unknown, i: number, xs: readonly unknown[]): Generator<unknown, unknown, unknown> {
  const r = fn.call(thisArg, x, i, xs);
  return runnable(r) ? yield r : r;
}

function callable(method: string, fn: unknown): void {
  if (typeof fn !== "function") throw new TypeError(`${String(fn)} is not a function (the callback of Array.prototype.${method})`);
}

export function* map(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown[], unknown> {
  callable("map", fn);
  const len = xs.length;
  const out: unknown[] = new Array(len);
  for (let i = 0; i < len; i++) if (i in xs) out[i] = yield* call(fn, thisArg, xs[i], i, xs);
  return out;
}

export function* forEach(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, void, unknown> {
  callable("forEach", fn);
  const len = xs.length;
  for (let i = 0; i < len; i++) if (i in xs) yield* call(fn, thisArg, xs[i], i, xs);
}

export function* filter(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown[], unknown> {
  callable("filter", fn);
  const len = xs.length;
  const out: unknown[] = [];
  for (let i = 0; i < len; i++) {
    if (!(i in xs)) continue;
    const x = xs[i];
    if (yield* call(fn, thisArg, x, i, xs)) out.push(x);
  }
  return out;
}

export function* flatMap(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown[], unknown> {
  callable("flatMap", fn);
  const len = xs.length;
  const out: unknown[] = [];
  for (let i = 0; i < len; i++) {
    if (!(i in xs)) continue;
    const r = yield* call(fn, thisArg, xs[i], i, xs);
    if (Array.isArray(r)) {
      for (let j = 0; j < r.length; j++) if (j in r) out.push(r[j]);
    } else out.push(r);
  }
  return out;
}

export function* some(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, boolean, unknown> {
  callable("some", fn);
  const len = xs.length;
  for (let i = 0; i < len; i++) if (i in xs && (yield* call(fn, thisArg, xs[i], i, xs))) return true;
  return false;
}

export function* every(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, boolean, unknown> {
  callable("every", fn);
  const len = xs.length;
  for (let i = 0; i < len; i++) if (i in xs && !(yield* call(fn, thisArg, xs[i], i, xs))) return false;
  return true;
}

export function* findIndex(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, number, unknown> {
  callable("findIndex", fn);
  const len = xs.length;
  for (let i = 0; i < len; i++) if (yield* call(fn, thisArg, xs[i], i, xs)) return i;
  return -1;
}

export function* find(xs: readonly unknown[], fn: Callback, thisArg?: unknown): Generator<unknown, unknown, unknown> {
  callable("find", fn);
  const len = xs.length;
  for (let i = 0; i < len; i++) {
    const x = xs[i];
    if (yield* call(fn, thisArg, x, i, xs)) return x;
  }
  return undefined;
}

export function* reduce(xs: readonly unknown[], fn: (acc: unknown, x: unknown, i: number, xs: readonly unknown[]) => unknown, ...init: unknown[]): Generator<unknown, unknown, unknown> {
  callable("reduce", fn);
  const len = xs.length;
  let i = 0;
  let acc: unknown;
  if (init.length > 0) acc = init[0];
  else {
    while (i < len && !(i in xs)) i++;
    if (i >= len) throw new TypeError("Reduce of empty array with no initial value");
    acc = xs[i++];
  }
  for (; i < len; i++) {
    if (!(i in xs)) continue;
    const r = fn(acc, xs[i], i, xs);
    acc = runnable(r) ? yield r : r;
  }
  return acc;
}
