/**
 * How values cross between domains (README, "Domains: parallel tasks"). Structured clone does most of it; the runtime
 * encodes what it would lose or refuse: errors keep their class (Miou's and the built-in ones
 * are rebuilt; others come back as `Error` with their original `name`), message, stack, `cause`
 * and own properties such as `code`; resources cross as references to the domain that made them.
 */
import * as errors from "../core/errors.js";
import { Resource } from "../core/resource.js";

/** Tags an encoded error or resource; an own key no user value has. */
const TAG = "\u0000miou";

const BUILT_IN: Record<string, new (message?: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** Miou's error classes by printed name (`Miou.Cancelled`), from the one list in core/errors.ts. */
const MIOU: Record<string, new (message?: string) => Error> = Object.fromEntries(errors.ERRORS.map((cls) => [cls.prototype.name, cls]));

/** Extra classes rebuilt by name (`End_of_file` from `miou/node`). */
export function registerError(name: string, cls: new (message?: string) => Error): void {
  MIOU[name] = cls;
}

export interface Resources {
  /** A resource of this domain or a stand-in for another's: its reference. */
  out(r: Resource<unknown>): { uid: number; origin: number };
  /** The resource a reference names, as this domain knows it. */
  in(ref: { uid: number; origin: number }): Resource<unknown>;
}

/** A copy of `v` that structured clone carries without loss. */
export function encode(v: unknown, res: Resources, seen = new Map<object, unknown>()): unknown {
  if (v === null || typeof v !== "object") return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (v instanceof Error) return encodeError(v, res, seen);
  if (v instanceof Resource) return { [TAG]: "resource", ...res.out(v) };
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as unknown;
      if (x === null || typeof x !== "object") continue;
      const e = encode(x, res, seen);
      if (e !== x) (out ??= v.slice())[i] = e;
    }
    return out ?? v;
  }
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto !== Object.prototype && proto !== null) return v; // Map, Set, Date, buffers: as they are
  let out: Record<string, unknown> | null = null;
  for (const [k, x] of Object.entries(v)) {
    if (x === null || typeof x !== "object") continue;
    const e = encode(x, res, seen);
    if (e !== x) (out ??= { ...v })[k] = e;
  }
  return out ?? v;
}

function encodeError(e: Error, res: Resources, seen: Map<object, unknown>): unknown {
  const out: Record<string, unknown> = { [TAG]: "error", name: e.name, message: e.message, stack: e.stack };
  seen.set(e, out);
  if ("cause" in e) out.cause = encode(e.cause, res, seen);
  const props: Record<string, unknown> = {};
  for (const k of Object.keys(e)) {
    if (k === "cause" || k === "message" || k === "stack" || k === "name") continue;
    const x = (e as unknown as Record<string, unknown>)[k];
    if (typeof x === "function" || typeof x === "symbol") continue;
    props[k] = encode(x, res, seen);
  }
  out.props = props;
  if (e instanceof AggregateError) out.errors = encode(e.errors, res, seen);
  return out;
}

/** The value `encode` made, rebuilt on this domain. */
export function decode(v: unknown, res: Resources): unknown {
  if (v === null || typeof v !== "object") return v;
  const tag = (v as Record<string, unknown>)[TAG];
  if (tag === "error") return decodeError(v as Record<string, unknown>, res);
  if (tag === "resource") return res.in(v as { uid: number; origin: number });
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as unknown;
      if (x !== null && typeof x === "object") v[i] = decode(x, res);
    }
    return v;
  }
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto !== Object.prototype && proto !== null) return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x !== null && typeof x === "object") o[k] = decode(x, res);
  }
  return v;
}

function decodeError(o: Record<string, unknown>, res: Resources): Error {
  const name = String(o.name);
  const message = String(o.message);
  let e: Error;
  if (name === "AggregateError") e = new AggregateError(decode(o.errors, res) as unknown[], message);
  else {
    const cls = MIOU[name] ?? BUILT_IN[name];
    e = cls !== undefined ? new cls(message) : new Error(message);
    if (cls === undefined) Object.defineProperty(e, "name", { value: name, writable: true, configurable: true });
  }
  Object.defineProperty(e, "message", { value: message, writable: true, configurable: true });
  if (typeof o.stack === "string") Object.defineProperty(e, "stack", { value: o.stack, writable: true, configurable: true });
  if ("cause" in o) Object.defineProperty(e, "cause", { value: decode(o.cause, res), writable: true, configurable: true });
  Object.assign(e, decode(o.props, res) as object);
  return e;
}
