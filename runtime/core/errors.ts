/**
 * The errors Miou raises. Each is its own class so `instanceof` works, and each `name`
 * is Miou's printed name (`Miou.Cancelled`, ...), so logs read the same as in OCaml.
 */

function named<C extends abstract new (...args: never[]) => Error>(cls: C, name: string): C {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
  return cls;
}

/**
 * Raised in a task at its scheduling point once the task has been cancelled, and returned by
 * `await_` for a cancelled child. Catchable, but a cancelled task cannot go on: every later
 * scheduling point raises it again.
 */
export class Cancelled extends Error {
  constructor(message = "the task was cancelled", options?: ErrorOptions) {
    super(message, options);
  }
}
named(Cancelled, "Miou.Cancelled");

/** Rule 1: a task returned while some of its children were neither awaited nor cancelled. The run rejects with it. */
export class Still_has_children extends Error {
  constructor(message = "a task returned with children it neither awaited nor cancelled") {
    super(message);
  }
}
named(Still_has_children, "Miou.Still_has_children");

/** Rule 2: only the task that created a promise may await or cancel it. */
export class Not_a_child extends Error {
  constructor(message = "only the task that created a promise may await or cancel it") {
    super(message);
  }
}
named(Not_a_child, "Miou.Not_a_child");

/** `call` or `parallel` found no worker domain to run on. */
export class No_domain_available extends Error {
  constructor(message = "no worker domain is available: start the run with `domains` of at least 1 (2 from a worker)") {
    super(message);
  }
}
named(No_domain_available, "Miou.No_domain_available");

/** A task returned while it still owned resources; their finalisers ran. The run rejects with it. */
export class Resource_leaked extends Error {
  constructor(message = "a task returned while it still owned resources: release, disown or transfer them first") {
    super(message);
  }
}
named(Resource_leaked, "Miou.Resource_leaked");

/** The current task does not own the resource it used. */
export class Not_owner extends Error {
  constructor(message = "the current task does not own this resource: own it first, or pass it with `give`") {
    super(message);
  }
}
named(Not_owner, "Miou.Not_owner");

/**
 * Miou's error classes, in one list: the entry points export each under its own name (checked in
 * gen.ts) and the codec rebuilds each by its printed name when it crosses domains. A new error
 * class is added here.
 */
export const ERRORS = [Cancelled, Still_has_children, Not_a_child, No_domain_available, Resource_leaked, Not_owner] as const;


/** An error thrown by `protect`'s `finally` or `on_cancellation`, or by a finaliser, wrapped with what raised it. */
export function wrapped(where: string, cause: unknown): Error {
  return new Error(`${where} raised: ${describe(cause)}`, { cause });
}

export function describe(e: unknown): string {
  // `e` may be anything a task threw, a revoked Proxy included: looking at it must not throw.
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
    return String(e);
  } catch {
    try {
      return Object.prototype.toString.call(e);
    } catch {
      return "a value that cannot be inspected (a revoked Proxy?)";
    }
  }
}

/** `e instanceof Cancelled`, and false for a value that refuses inspection (a revoked or trapping Proxy). */
export function isCancelled(e: unknown): boolean {
  try {
    return e instanceof Cancelled;
  } catch {
    return false;
  }
}
