/**
 * Making, on a worker, the function a `spawn` message names (README, "Domains: parallel tasks"): a registered portable
 * function is found in its module's registry and applied to its captures; the source of a
 * function the transformer did not register is evaluated with `Miou` bound to `miou/gen`.
 */
import { lookup, type Ref } from "./portable.js";

let namespace: object | null = null;

/** `miou/gen`'s namespace, given by that entry point: what `Miou` means in a function's source. */
export function provideNamespace(ns: object): void {
  namespace ??= ns;
}

// Vite and other bundlers leave this import as it is: the URL is only known at run time.
const load = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** Functions rebuilt from their source, once per source text on this thread. */
const rebuilt = new Map<string, Function>();

export function resolve(ref: Ref): Function | Promise<Function> {
  if (ref.kind === "registered") {
    const factory = lookup(ref.url, ref.index, load);
    if (factory instanceof Promise) return factory.then((f) => f(...ref.captures) as Function);
    return factory(...ref.captures) as Function;
  }
  let fn = rebuilt.get(ref.source);
  if (fn === undefined) rebuilt.set(ref.source, (fn = fromSource(ref.source)));
  return fn;
}

const NOT_SELF_CONTAINED =
  "Without the transformer (miou/gen), a function given to Miou.call or Miou.parallel runs on a worker from its " +
  "source alone: it must be self-contained, a function expression that uses only its parameters, globals and " +
  "`Miou` (bound to miou/gen there). Build with the transformer to capture imports and module-level declarations.";

const keepName = <T>(target: T, value: string): T => {
  try {
    Object.defineProperty(target, "name", { value, configurable: true });
  } catch {
    // a frozen target keeps its name
  }
  return target;
};

function fromSource(source: string): Function {
  let fn: unknown;
  try {
    // `__name` is the helper esbuild (so tsx, tsup, vite) inserts to keep functions' names: a
    // source compiled that way calls it, and it only sets a name.
    fn = new Function("Miou", "__name", `"use strict"; return (${source});`)(namespace, keepName);
  } catch (e) {
    return explainLater(e);
  }
  if (typeof fn !== "function") return explainLater(new TypeError("the source is not a function expression"));
  const f = fn as (...args: unknown[]) => unknown;
  // A name the worker cannot see shows up when the body runs, maybe after suspensions.
  return function (this: unknown, ...args: unknown[]) {
    let r: unknown;
    try {
      r = f.apply(this, args);
    } catch (e) {
      throw explain(e);
    }
    if (r === null || typeof r !== "object" || typeof (r as Generator).next !== "function") return r;
    return (function* () {
      try {
        return yield* r as Generator;
      } catch (e) {
        throw explain(e);
      }
    })();
  };
}

function explain(e: unknown): unknown {
  if (!(e instanceof ReferenceError)) return e;
  return new TypeError(`${e.message} on the worker domain. ${NOT_SELF_CONTAINED}`, { cause: e });
}

function explainLater(e: unknown): Function {
  return () => {
    throw new TypeError(`Miou.call: the function cannot be rebuilt on the worker domain (${e instanceof Error ? e.message : String(e)}). ${NOT_SELF_CONTAINED}`, { cause: e });
  };
}
