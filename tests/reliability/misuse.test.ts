// Every public function, misused: wrong types, null, NaN, huge numbers, outside `run`, from the
// wrong task. Each must be answered by an error that names the function (and says what to do),
// thrown at the call, before any side effect; a generic engine message ("Cannot read
// properties of null") or no error at all counts as an unclear answer.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import * as Node from "miou/node/gen";
import { figure } from "./soak.js";

/** How a case is tried: outside any run; inside a task, called without `yield*` (must throw at the call); or yielded. */
type Where = "outside" | "call" | "op";
interface Case {
  fn: string;
  what: string;
  where: Where;
  act: (w: World) => unknown;
}

/** What a case may misuse: things of another task, made before the case runs. */
interface World {
  grandchild: Miou.Promise<unknown>;
  foreignMutex: Miou.Mutex;
  foreignSyscall: Miou.Syscall;
  foreignResource: Miou.Resource<unknown>;
  foreignOrphans: Miou.Orphans<unknown>;
  condition: Miou.Condition;
}

const GENERIC = /Cannot read prop|Cannot set prop|is not a function|is not iterable|is not a constructor|undefined is not|null is not|of undefined|of null|Cannot convert/;

function clear(e: unknown, fn: string): boolean {
  return e instanceof Error && e.message.includes(fn) && !GENERIC.test(e.message);
}

const cases: Case[] = [];
const add = (fn: string, where: Where, tries: [string, (w: World) => unknown][]) => {
  for (const [what, act] of tries) cases.push({ fn, what, where, act });
};
const revoked = () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};
const bad = [null, undefined, NaN, 42, 1e308, "x", {}, Symbol("s"), revoked()] as const;
const each = (fn: string, where: Where, call: (v: unknown) => unknown, values: readonly unknown[] = bad) =>
  add(fn, where, values.map((v) => [`(${label(v)})`, () => call(v)]));
function label(v: unknown): string {
  try {
    return typeof v === "function" ? "a generator function" : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    return "a revoked Proxy";
  }
}
const any = (v: unknown): never => v as never;

// ---- miou/gen ------------------------------------------------------------------------------------
each("Miou.run", "outside", (v) => Miou.run(any(v)));
for (const [key, values] of [
  ["quanta", [null, NaN, 0, 1.5, -1, "2", Infinity]],
  ["domains", [null, NaN, -1, 1.5, 1e9, "1", Infinity]],
  ["seed", [null, {}, Symbol("s"), [1]]],
  ["events", [null, 42, "x", {}]],
  ["trace", [null, 42, "x", {}]],
] as const)
  each("Miou.run", "outside", (v) => Miou.run(() => 1, { [key]: v }), values);
each("Miou.run", "outside", (v) => Miou.run(() => 1, any(v)), [null, 42, "x"]);
each("Miou.run", "outside", (v) => Miou.run(() => 1, { events: () => any(v) }), [null, 42, {}, { select() {} }, { interrupt() {} }, { select() {}, interrupt() {}, finaliser: 1 }]);

each("Miou.async", "call", (v) => Miou.async(any(v)));
each("Miou.async", "call", (v) => Miou.async(() => 1, any(v)), [null, 42, "x", Symbol("s")]);
each("Miou.async", "call", (v) => Miou.async(() => 1, { give: any(v) }), [null, 42, "x", {}, [null], [42], [{}]]);
each("Miou.async", "call", (v) => Miou.async(() => 1, { orphans: any(v) }), [null, 42, "x", {}]);
each("Miou.call", "call", (v) => Miou.call(any(v)));
each("Miou.call", "call", (v) => Miou.call(() => 1, any(v)), [null, 42, "x"]);
each("Miou.call", "call", (v) => Miou.call(() => 1, { pin: any(v) }), [null, NaN, 1.5, "1", {}]);
each("Miou.call", "call", (v) => Miou.call(() => 1, { give: any(v) }), [null, "x", [42]]);
each("Miou.parallel", "call", (v) => Miou.parallel(any(v), []));
each("Miou.parallel", "call", (v) => Miou.parallel((x: number) => x, any(v)), [null, 42, "x", {}]);
for (const name of ["await_", "await_exn", "cancel"] as const) {
  each(`Miou.${name}`, "call", (v) => Miou[name](any(v)));
  add(`Miou.${name}`, "op", [["(a grandchild)", (w) => Miou[name](w.grandchild)]]);
}
for (const name of ["await_one", "await_first", "await_all"] as const)
  each(`Miou.${name}`, "call", (v) => Miou[name](any(v)), [null, 42, "x", {}, [null], [42], ...(name === "await_all" ? [] : [[]])]);
add("Miou.await_all", "op", [["(a grandchild)", (w) => Miou.await_all([w.grandchild])]]);
add("Miou.await_first", "op", [["(a grandchild)", (w) => Miou.await_first([w.grandchild])]]);
add("Miou.yield_", "outside", [["()", () => Miou.yield_()]]);
add("Miou.yield_", "op", [
  [
    "(one operation yielded twice)",
    function* () {
      const op = Miou.yield_();
      yield* op;
      yield* op;
    },
  ],
]);
for (const name of ["care", "take", "get"] as const) {
  each(`Miou.${name}`, "call", (v) => Miou[name](any(v)), [null, 42, {}]);
  add(`Miou.${name}`, "op", [["(another task's orphans)", (w) => Miou[name](w.foreignOrphans)]]);
}
each("Miou.length", "call", (v) => Miou.length(any(v)), [null, 42, {}]);
each("Miou.protect", "call", (v) => Miou.protect(any(v), { finally() {}, on_cancellation() {} }));
each("Miou.protect", "call", (v) => Miou.protect(() => 1, any(v)), [null, 42, {}, { finally: 1, on_cancellation() {} }]);
each("Miou.syscall", "call", (v) => Miou.syscall(any(v)), [null, 42, {}, Symbol("s")]);
each("Miou.suspend", "call", (v) => Miou.suspend(any(v)), [null, 42, {}]);
add("Miou.suspend", "op", [["(another task's syscall)", (w) => Miou.suspend(w.foreignSyscall)]]);
for (const name of ["signal", "uid", "wake"] as const) each(`Miou.${name}`, "call", (v) => Miou[name](any(v)), [null, 42, {}, revoked()]);
each("Miou.await_promise", "call", (v) => Miou.await_promise(any(v)), [null, 42, "x", {}]);
add("Miou.seed", "outside", [["()", () => Miou.seed()]]);
for (const name of ["uid", "state"] as const) each(`Miou.Promise.${name}`, "call", (v) => Miou.Promise[name](any(v)), [null, 42, {}]);
each("Miou.Ownership.create", "call", (v) => Miou.Ownership.create(1, any(v)), [null, 42, "x", {}]);
for (const name of ["value", "own", "disown", "release", "transfer", "check"] as const)
  each(`Miou.Ownership.${name}`, "call", (v) => Miou.Ownership[name](any(v)), [null, 42, "x", {}]);
for (const name of ["own", "disown", "release", "check"] as const)
  add(`Miou.Ownership.${name}`, "op", [["(another task's resource)", (w) => Miou.Ownership[name](w.foreignResource)]]);
each("Miou.Hook.add", "call", (v) => Miou.Hook.add(any(v)), [null, 42, "x", {}, function* () {}]);
each("Miou.Hook.remove", "call", (v) => Miou.Hook.remove(any(v)), [null, undefined, 42, "x", {}]);
for (const name of ["self", "available", "all"] as const) add(`Miou.Domain.${name}`, "outside", [["()", () => Miou.Domain[name]()]]);
add("Miou.Mutex.create", "outside", [["()", () => Miou.Mutex.create()]]);
for (const name of ["lock", "unlock", "try_lock"] as const) each(`Miou.Mutex.${name}`, "call", (v) => Miou.Mutex[name](any(v)), [null, 42, {}]);
add("Miou.Mutex.unlock", "op", [["(held by another task)", (w) => Miou.Mutex.unlock(w.foreignMutex)]]);
each("Miou.Mutex.protect", "call", (v) => Miou.Mutex.protect(any(v), () => 1), [null, 42, {}]);
add("Miou.Condition.create", "outside", [["()", () => Miou.Condition.create()]]);
each("Miou.Condition.wait", "call", (v) => Miou.Condition.wait(any(v), any(null)), [null, 42, {}]);
add("Miou.Condition.wait", "op", [["(a mutex held by another task)", (w) => Miou.Condition.wait(w.condition, w.foreignMutex)]]);
for (const name of ["signal", "broadcast"] as const) each(`Miou.Condition.${name}`, "call", (v) => Miou.Condition[name](any(v)), [null, 42, {}]);
add("Miou.Lazy.from_val", "outside", [["(1)", () => Miou.Lazy.from_val(1)]]);
each("Miou.Lazy.from_fun", "call", (v) => Miou.Lazy.from_fun(any(v)), [null, 42, {}]);
each("Miou.Lazy.force", "call", (v) => Miou.Lazy.force(any(v)), [null, 42, {}]);
each("Miou.Trace.toChrome", "outside", (v) => Miou.Trace.toChrome(any(v)), [null, undefined, 42, "x", {}, [null], [{}], [{ kind: "resume" }], [{ time: NaN, domain: 0, task: 1, kind: "resume" }], [{ time: 0, domain: 0, task: 1, kind: "nap" }]]);

// ---- miou/node/gen ---------------------------------------------------------------------------------
each("Miou.sleep", "op", (v) => Node.sleep(any(v)), [null, NaN, -1, "1", {}]);
each("Miou.listen", "op", (v) => Node.listen(any(v)), [null, undefined, 42, "x"]);
each("Miou.listen", "op", (v) => Node.listen({ port: any(v) }), [null, NaN, -1, 1e9, "80"]);
each("Miou.listen", "op", (v) => Node.listen({ port: 0, host: any(v) }), [null, 42, {}]);
each("Miou.listen", "op", (v) => Node.listen({ port: 0, backlog: any(v) }), [null, NaN, -1, 1.5, "x", 1e12]);
each("Miou.connect", "op", (v) => Node.connect(any(v)), [null, undefined, 42]);
each("Miou.connect", "op", (v) => Node.connect({ host: any(v), port: 1 }), [null, 42, {}]);
each("Miou.connect", "op", (v) => Node.connect({ host: "127.0.0.1", port: any(v) }), [null, NaN, 1e9]);
each("Miou.accept", "op", (v) => Node.accept(any(v)), [null, 42, {}]);
for (const name of ["read", "really_read", "write"] as const) {
  each(`Miou.${name}`, "op", (v) => Node[name](any(v), new Uint8Array(4)), [null, 42, {}]);
}
each("Miou.close", "op", (v) => Node.close(any(v)), [null, 42, {}]);
each("Miou.udp", "op", (v) => Node.udp(any(v)), [null, 5, "4", NaN]);
each("Miou.bind", "op", (v) => Node.bind(any(v), { port: 0 }), [null, 42, {}]);
each("Miou.recvfrom", "op", (v) => Node.recvfrom(any(v), new Uint8Array(4)), [null, {}]);
each("Miou.sendto", "op", (v) => Node.sendto(any(v), "x", { host: "127.0.0.1", port: 1 }), [null, {}]);
each("Miou.address", "call", (v) => Node.address(any(v)), [null, 42, {}]);
each("Miou.Ownership.resource", "call", (v) => Node.Ownership.resource(any(v)), [null, 42, {}]);
each("Miou.Ownership.connect", "op", (v) => Node.Ownership.connect(any(v)), [null, 42]);
each("Miou.Ownership.listen", "op", (v) => Node.Ownership.listen(any(v)), [null, 42]);

/** Runs one case; the answer is the error it raised, or null when it raised none. */
async function attempt(c: Case): Promise<unknown> {
  if (c.where === "outside") {
    try {
      const r = c.act(undefined as never);
      if (r instanceof Promise) await r.catch(() => undefined); // it did not throw at the call
      return null;
    } catch (e) {
      return e;
    }
  }
  return Node.run(
    function* () {
      const m = Miou.Mutex.create();
      const o = Miou.orphans();
      const r = Miou.Ownership.create(0, () => {});
      let syscall: Miou.Syscall | undefined;
      let grandchild: Miou.Promise<unknown> | undefined;
      // Another task holds the mutex, the resource, a syscall and the orphans, and parks for good.
      const holder = yield* Miou.async(function* () {
        yield* Miou.Mutex.lock(m);
        yield* Miou.Ownership.own(r);
        syscall = yield* Miou.syscall("foreign");
        yield* Miou.async(() => 1, { orphans: o });
        grandchild = yield* Miou.async(() => 1);
        yield* Miou.suspend(yield* Miou.syscall("forever"));
      });
      while (grandchild === undefined) yield* Miou.yield_();
      const w: World = {
        grandchild,
        foreignMutex: m,
        foreignSyscall: syscall!,
        foreignResource: r,
        foreignOrphans: o,
        condition: Miou.Condition.create(),
      };
      let answer: unknown = null;
      try {
        if (c.where === "call") c.act(w);
        else yield* c.act(w) as Miou.Operation<unknown>;
      } catch (e) {
        answer = e;
      }
      yield* Miou.cancel(holder);
      return { answer };
    },
    { domains: 0 },
  ).then(
    (r) => r.answer,
    (e: unknown) => new Error(`the run itself failed: ${String(e)}`),
  );
}

test(`every public function misused (${cases.length} cases) is answered by an error naming it`, async () => {
  const unclear: string[] = [];
  for (const c of cases) {
    const e = await attempt(c);
    if (!clear(e, c.fn.replace(/^Miou\./, "")))
      unclear.push(`${c.fn}${c.what} [${c.where}]: ${e === null ? "no error" : e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  figure(`misuse: ${cases.length - unclear.length} of ${cases.length} cases answered clearly`);
  assert.equal(unclear, [], `${unclear.length} of ${cases.length} unclear:\n${unclear.join("\n")}`);
});

test.run();
