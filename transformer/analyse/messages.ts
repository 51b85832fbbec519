/**
 * Every diagnostic of the transformer in one table: its code, the rule it enforces, and the words
 * of each message (what is wrong, then what to do instead). `diagnostics.ts` decides when a
 * diagnostic applies; this file alone decides what it says. The README's table of diagnostics
 * lists the same codes (`tests/transformer/messages.test.ts` keeps them in step).
 *
 * | code | rule |
 * | --- | --- |
 * | 1001 | no suspension where JavaScript runs code with no way to wait (accessors, constructors, field initialisers, static blocks, implicitly called methods) |
 * | 1002 | no suspension inside an `async` function or a hand-written generator |
 * | 1003 | no suspending function handed to code outside the program, which calls it plainly |
 * | 1004 | no suspension at a module's top level |
 * | 1005 | a function given to `call`/`parallel` is one another domain can find, and captures only what can cross |
 * | 1006 | no call through a value a suspending function can reach where nothing can wait |
 */
import type { Capture } from "./captures.js";

/** The codes, each with the rule it enforces (as the README's table says it). */
export const CODES = {
  1001: "a suspending call where JavaScript runs code with no way to wait",
  1002: "a suspending call inside an async function or a generator function written by hand",
  1003: "a suspending function passed to code outside the program, which calls it plainly",
  1004: "a suspending call at a module's top level",
  1005: "a function given to call or parallel that another domain cannot run",
  1006: "a call through a value a suspending function can reach, where nothing can wait for it",
} as const;

export type Code = keyof typeof CODES;

interface Entry {
  code: Code;
  message: (...args: never[]) => string;
}

/** Each situation a diagnostic reports, with its code and its message. */
export const MESSAGES = {
  topLevel: {
    code: 1004,
    message: (callee: string) =>
      `\`${callee}\` suspends, but it is called at the top level of the module, outside any function. Move it into a function that Miou.run runs (or that such a function calls).`,
  },
  initialiser: {
    code: 1001,
    message: (callee: string, place: "a class field initialiser" | "a static block") =>
      `\`${callee}\` suspends, but it is called in ${place}, which JavaScript runs with no way to wait. Compute the value in a method and assign it there.`,
  },
  constructor: {
    code: 1001,
    message: (callee: string, fn: string) =>
      `\`${callee}\` suspends, but it is called in a constructor (${fn}), which JavaScript calls with no way to wait. Move the suspending work into a static factory method that constructs, then does the suspending work.`,
  },
  accessor: {
    code: 1001,
    message: (callee: string, kind: "a getter" | "a setter", fn: string) =>
      `\`${callee}\` suspends, but it is called in ${kind} (${fn}), which JavaScript calls with no way to wait. Move the suspending work into a method, and call it explicitly.`,
  },
  implicitMethod: {
    code: 1001,
    message: (callee: string, fn: string) =>
      `\`${callee}\` suspends, but it is called in ${fn}, a method JavaScript calls implicitly (for-of, spread, string conversion, JSON, await, using) with no way to wait. Give the suspending work a method of its own and call that explicitly.`,
  },
  asyncFunction: {
    code: 1002,
    message: (callee: string, fn: string) =>
      `\`${callee}\` suspends, but it is called inside the async function ${fn}: a JavaScript promise cannot carry a Miou suspension. Drop \`async\` and wait for promises with Miou.await_promise(p).`,
  },
  generatorFunction: {
    code: 1002,
    message: (callee: string, fn: string) =>
      `\`${callee}\` suspends, but it is called inside the generator function ${fn}: in direct style write a plain function (the transformer makes the generator); in generator style import from 'miou/gen' and write \`yield* ${callee}(...)\`.`,
  },
  outsideCaller: {
    code: 1003,
    message: (value: string, callee: string) =>
      `${value} suspends, but it is passed to \`${callee}\`, which comes from outside the program and calls it as a plain function. Run the work in a Miou task instead (Miou.async), or wait for the outside code with Miou.await_promise.`,
  },
  portableLost: {
    code: 1005,
    message: (callee: string, what: string) =>
      `\`${callee}\` runs its function on another domain, which must find it there: a function expression, or the name of a module-level function, a module-level const or an import, but this is ${what}. Write the function expression here, or name a module-level function.`,
  },
  portableCapture: {
    code: 1005,
    message: (who: string, capture: Capture) => `${who} runs on another domain, but ${refusal(capture)}`,
  },
  valueCallMisplaced: {
    code: 1006,
    message: (callee: string, name: string, place: string) =>
      `\`${callee}\` may hold a suspending function (one of the program's suspending functions fits its type), but it is called ${place}, where nothing can wait for it. ` +
      `Call ${name} from a plain function that Miou.run runs (or that such a function calls), or give it a type no suspending function fits.`,
  },
} as const satisfies Record<string, Entry>;

/** Why a capture cannot cross to another domain, and what to do instead. */
function refusal(c: Capture): string {
  const name = `\`${c.name}\``;
  if (c.kind === "this") return `it uses ${name} of the code around it, which cannot cross. Copy what it needs into a local const before the call and use that.`;
  if (c.kind === "arguments") return "it uses `arguments` of the function around it, which cannot cross. Copy what it needs into a local const before the call (`const args = [...arguments]`) and use that.";
  if (c.kind === "module let") return `it uses ${name}, a module-level variable: each domain has its own module, so it would see another variable. Make it a module-level const, or copy its value into a local const before the call.`;
  if (c.assigned) return `it assigns ${name}, a variable around it: it would only change a copy. Compute the value inside the function and return it.`;
  const holds = c.crossing.by === "none" ? c.crossing.holds : undefined;
  if (holds?.startsWith("a Miou handle")) return `it captures ${name}, which holds ${holds}: a handle belongs to the domain that made it. Use it outside the function, or make what the function needs inside it.`;
  return `it captures ${name}, which holds ${holds ?? "a value that cannot cross"}; only values structured clone copies can cross (primitives, arrays, plain objects, Map, Set, Date, RegExp, buffers, Error). Pass it as a value, compute it inside the function, or make it a module-level const or function.`;
}
