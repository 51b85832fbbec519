/**
 * The one list of miou's public API by name: which functions are ⏸ and which types are handles.
 * It imports nothing, so the transformer reads it as well as the runtime.
 *
 * Who reads it, and what keeps it true:
 * - `gen.ts` registers every `SUSPENDING` function as a primitive (a ⏸ function given as a task
 *   body is driven as the call it stands for), and the compiler checks there that the list is
 *   exactly the functions of `miou/gen` that return an `Operation`: a ⏸ function missing from it,
 *   or a name in it that is not one, is a type error naming it.
 * - `index.ts` derives each direct-style type from `miou/gen`'s (see `direct.ts`); the compiler
 *   checks that it exports every name `miou/gen` does, and every function listed here in
 *   direct style (branded ⏸, returning what `yield*` returns).
 * - `transformer/analyse/cloneable.ts` refuses to send a `HANDLES` type to another domain.
 * - The tests read `SUSPENDING`: `tests/direct/entry.test.ts` checks that exactly these carry the
 *   brand, `tests/hosts/editor-docs.test.ts` that their hovers are marked ⏸.
 * Miou's error classes are listed by `ERRORS` in `core/errors.ts`, where the codec that rebuilds
 * them across domains can read it.
 */

/** The ⏸ functions of `miou` and `miou/gen`, by their path from the namespace. */
export const SUSPENDING = [
  "async",
  "call",
  "parallel",
  "await_",
  "await_exn",
  "await_one",
  "await_first",
  "await_all",
  "cancel",
  "yield_",
  "care",
  "take",
  "get",
  "protect",
  "syscall",
  "suspend",
  "await_promise",
  "Ownership.own",
  "Ownership.disown",
  "Ownership.release",
  "Ownership.transfer",
  "Ownership.check",
  "Hook.add",
  "Hook.remove",
  "Mutex.lock",
  "Mutex.unlock",
  "Mutex.try_lock",
  "Mutex.protect",
  "Condition.wait",
  "Lazy.force",
] as const;

/** The path of a ⏸ function, `"await_exn"` or `"Mutex.lock"`. */
export type SuspendingPath = (typeof SUSPENDING)[number];

/** Miou's types whose values are handles of one domain's state: they never cross to another. */
export const HANDLES = ["Promise", "Orphans", "Syscall", "Signal", "Mutex", "Condition", "Lazy", "Hook", "Events"] as const;
