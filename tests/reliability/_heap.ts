// One heap measurement, run in its own process with --expose-gc (see heap.test.ts and soak):
//   node --expose-gc --import tsx tests/reliability/_heap.ts <scenario> <count>
// Runs `count` iterations of the scenario inside one run, collects garbage after a warm-up
// tenth and again at the end, still inside the run (a leak kept by the run's own structures
// shows only while it lives), and prints one JSON line: { scenario, count, before, after, growth }.
import * as Miou from "miou/gen";
import * as Node from "miou/node/gen";

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("_heap.ts: run node with --expose-gc");

function heap(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().heapUsed;
}

const forever = new Promise<never>(() => {});

/** Children that reached the operation they are cancelled in (a scenario that fails early measures nothing). */
let reached = 0;

/** Turns enough for a new child to reach its suspension (its syscall, then its suspend). */
function* settleIn(): Generator<unknown, void, unknown> {
  for (let i = 0; i < 6; i++) yield* Miou.yield_();
}

/** One iteration of each scenario: what it leaves behind must be garbage. */
const scenarios: Record<string, () => Generator<unknown, void, unknown>> = {
  *"spawn-await"() {
    const p = yield* Miou.async(() => 1);
    yield* Miou.await_exn(p);
  },
  *"spawn-cancel"() {
    const p = yield* Miou.async(function* () {
      for (;;) yield* Miou.yield_();
    });
    yield* Miou.yield_();
    yield* Miou.cancel(p);
  },
  *"cancelled-suspend"() {
    const p = yield* Miou.async(function* () {
      const s = yield* Miou.syscall("never");
      reached += 1;
      yield* Miou.suspend(s);
    });
    yield* settleIn();
    yield* Miou.cancel(p);
  },
  *"cancelled-sleep"() {
    const p = yield* Miou.async(function* () {
      reached += 1;
      yield* Node.sleep(3600);
    });
    yield* settleIn();
    yield* Miou.cancel(p);
  },
  *"cancelled-await-promise"() {
    const p = yield* Miou.async(function* () {
      reached += 1;
      yield* Miou.await_promise(forever);
    });
    yield* settleIn();
    yield* Miou.cancel(p);
  },
};

/** A listener, and a connected pair of sockets on it, for the I/O scenarios (made once per run). */
let io: { l: Node.Listener; client: Node.Socket; server: Node.Socket } | null = null;
function* sockets(): Generator<unknown, NonNullable<typeof io>, unknown> {
  if (io !== null) return io;
  const l = yield* Node.listen({ port: 0, host: "127.0.0.1" });
  const c = yield* Miou.async(function* () {
    return yield* Node.connect({ host: "127.0.0.1", port: Node.address(l).port });
  });
  const [server] = yield* Node.accept(l);
  const client = yield* Miou.await_exn(c);
  return (io = { l, client, server });
}

scenarios["cancelled-accept"] = function* () {
  const { l } = yield* sockets();
  const p = yield* Miou.async(function* () {
    reached += 1;
    yield* Node.accept(l);
  });
  yield* settleIn();
  yield* Miou.cancel(p);
};

scenarios["cancelled-read"] = function* () {
  const { server } = yield* sockets();
  const buf = new Uint8Array(16);
  const p = yield* Miou.async(function* () {
    reached += 1;
    yield* Node.read(server, buf);
  });
  yield* settleIn();
  yield* Miou.cancel(p);
};

const [name = "", countText = "0"] = process.argv.slice(2);
const scenario = scenarios[name];
const count = Number(countText);
if (scenario === undefined || !(count > 0)) throw new Error(`_heap.ts: usage: <${Object.keys(scenarios).join("|")}> <count>`);

const result = await Miou.run(function* () {
  const warm = Math.ceil(count / 10);
  for (let i = 0; i < warm; i++) yield* scenario();
  const before = heap();
  for (let i = warm; i < count; i++) yield* scenario();
  const after = heap();
  if (name.startsWith("cancelled-") && reached !== count) throw new Error(`_heap.ts: ${count - reached} children of ${name} failed early`);
  if (io !== null) {
    yield* Node.close(io.client);
    yield* Node.close(io.server);
    yield* Node.close(io.l);
  }
  return { scenario: name, count, before, after, growth: after - before };
});
console.log(JSON.stringify(result));
