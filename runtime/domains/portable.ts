/**
 * Portable functions (README, "Domains: parallel tasks"; PROTOCOL.md §6): what a function given to `call` or `parallel`
 * becomes so that another domain, a worker with its own heap, can run it.
 *
 * The transformer registers each such function at the top of its module body:
 *
 *     const p0_1 = portable(import.meta.url, 0, (a, b) => function* () { ... }, ["a", "b"], [1]);
 *     Miou.call(p0_1(a, b));
 *
 * `p0_1(a, b)` is the function itself (the caller's domain can run it too), remembered with its
 * key and its captures; the captures cross by value. The last argument lists the captures the
 * compiler could not check (typed `any` or `unknown`): they are checked when they are sent.
 */

import { Resource } from "../core/resource.js";

/** How a function crosses to another domain. */
export type Ref =
  | { kind: "registered"; url: string; index: number; captures: unknown[] }
  | { kind: "source"; source: string };

type Factory = (...captures: unknown[]) => unknown;

interface Registered {
  url: string;
  index: number;
  names: readonly string[];
  check: readonly number[];
  captures: unknown[];
}

const factories = new Map<string, Factory>();
const made = new WeakMap<object, Registered>();
const waiting = new Map<string, Array<(f: Factory) => void>>();

const keyOf = (url: string, index: number) => `${index}@${url}`;

/** Registers a module's portable function; returns what makes it with its captures. */
export function portable(
  url: string,
  index: number,
  factory: Factory,
  names: readonly string[] = [],
  check: readonly number[] = [],
): (...captures: unknown[]) => unknown {
  const key = keyOf(url, index);
  factories.set(key, factory);
  const waiters = waiting.get(key);
  if (waiters !== undefined) {
    waiting.delete(key);
    for (const w of waiters) w(factory);
  }
  return (...captures: unknown[]) => {
    const fn = factory(...captures);
    if (typeof fn === "function") made.set(fn, { url, index, names, check, captures });
    return fn;
  };
}

/**
 * How `fn` crosses: its registry key and captures, or, for a function the transformer did not
 * register (`miou/gen`), its source, which only a self-contained function survives.
 */
export function refOf(fn: Function, where: string): Ref {
  const r = made.get(fn);
  if (r !== undefined) {
    for (const i of r.check) checkCapture(r.captures[i], r.names[i] ?? `#${i}`, where);
    return { kind: "registered", url: r.url, index: r.index, captures: r.captures };
  }
  return { kind: "source", source: sourceOf(fn, where) };
}

/** The key of a function the transformer registered (a portable `events`), or null. */
export function registered(fn: unknown): Ref | null {
  const r = typeof fn === "function" ? made.get(fn) : undefined;
  return r === undefined ? null : { kind: "registered", url: r.url, index: r.index, captures: r.captures };
}

/** Sources already read, by function: `call` in a loop sends the same function again and again. */
const sources = new WeakMap<Function, string>();

function sourceOf(fn: Function, where: string): string {
  const known = sources.get(fn);
  if (known !== undefined) return known;
  const text = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(text))
    throw new TypeError(`${where}: a native or bound function cannot run on another domain; pass a function expression`);
  sources.set(fn, text);
  return text;
}

/**
 * The factory registered under `(url, index)`, once the module's body has registered it. The
 * module is imported but not awaited: its evaluation may never finish in a worker (`run` never
 * settles there), and its portable functions are registered before any other statement.
 */
export function lookup(url: string, index: number, load: (url: string) => Promise<unknown>): Factory | Promise<Factory> {
  const key = keyOf(url, index);
  const known = factories.get(key);
  if (known !== undefined) return known; // the common case: no turn of the event loop
  return new Promise<Factory>((resolve, reject) => {
    const list = waiting.get(key) ?? [];
    list.push(resolve);
    waiting.set(key, list);
    load(url).then(
      () => {
        // Fully evaluated and still missing: the module has no such function.
        if (factories.has(key)) return;
        waiting.delete(key);
        reject(new TypeError(`miou: ${url} registers no portable function #${index}; was it built with the same transformer?`));
      },
      (e: unknown) => {
        if (factories.has(key)) return;
        waiting.delete(key);
        reject(e);
      },
    );
  });
}

/** The constructors whose instances structured clone copies (README, "Domains: parallel tasks"). */
const CLONEABLE: Function[] = [Array, Object, Map, Set, Date, RegExp, ArrayBuffer, Error, DataView];

/**
 * Checks at run time a capture the compiler could not: it must be a value structured clone
 * copies faithfully (primitives, arrays and plain objects of those, Map, Set, Date, RegExp,
 * ArrayBuffer and its views, SharedArrayBuffer, Error).
 */
export function checkCapture(value: unknown, name: string, where: string, seen = new Set<unknown>()): void {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) {
    if (typeof value === "symbol") throw notPortable(name, where, "a symbol");
    return;
  }
  if (typeof value === "function") throw notPortable(name, where, "a function");
  if (seen.has(value)) return;
  seen.add(value);
  if (value instanceof Resource) return; // crosses as a reference to the domain that made it
  if (ArrayBuffer.isView(value)) return;
  if (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer) return;
  const proto = Object.getPrototypeOf(value) as object | null;
  const plain = proto === null || CLONEABLE.some((c) => proto === c.prototype) || value instanceof Error;
  if (!plain) throw notPortable(name, where, `an instance of ${proto.constructor?.name ?? "a class"}`);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      checkCapture(k, name, where, seen);
      checkCapture(v, name, where, seen);
    }
  } else if (value instanceof Set) {
    for (const v of value) checkCapture(v, name, where, seen);
  } else if (Array.isArray(value) || proto === Object.prototype || proto === null) {
    for (const v of Object.values(value)) checkCapture(v, name, where, seen);
  }
}

function notPortable(name: string, where: string, what: string): TypeError {
  return new TypeError(
    `${where}: the function captures \`${name}\`, which holds ${what}; only values structured clone copies ` +
      "(primitives, arrays, plain objects, Map, Set, Date, RegExp, buffers, Error) can cross to another domain",
  );
}
