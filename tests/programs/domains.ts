// Domains in direct style: captures cross by value, module-level functions and imports are
// found by each worker, a cancel crosses domains, errors keep their class, and a portable
// events is made on each worker's own thread.
import * as Miou from "miou";
import { threadId } from "node:worker_threads";
import { events, made } from "./_domains-events.js";

const SCALE = 10; // a module-level const: each worker evaluates its own

function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

class Shape {
  constructor(readonly sides: number) {}
}

function spin(probe: Int32Array): void {
  try {
    Atomics.store(probe, 0, 1);
    for (;;) Miou.yield_();
  } finally {
    Atomics.store(probe, 0, 2);
  }
}

async function main(): Promise<void> {
  const result = await Miou.run(
    () => {
      const base = 3;
      const table = { label: "squares", values: [1, 2, 3] };
      const p = Miou.call(() => {
        Miou.yield_();
        return `${table.label}: ${table.values.map((v) => v * v * base).join(" ")} (x${SCALE}: ${new Shape(base).sides * SCALE})`;
      });
      console.log(Miou.await_exn(p));

      const fibs = Miou.parallel(fib, [10, 15, 20]);
      console.log("fib:", fibs.map((r) => (r.ok ? r.value : "error")).join(" "));

      const probe = new Int32Array(new SharedArrayBuffer(4));
      const t = Miou.call(() => spin(probe), { pin: 2 });
      while (Atomics.load(probe, 0) === 0) Miou.yield_();
      Miou.cancel(t);
      console.log("cancel returned after the worker's finally:", Atomics.load(probe, 0) === 2);

      const bad = Miou.call(() => {
        throw Object.assign(new RangeError("out of range"), { code: "E_RANGE" });
      });
      const r = Miou.await_(bad);
      if (!r.ok) console.log("error:", r.error instanceof RangeError, (r.error as RangeError & { code: string }).code);

      // Each worker made its own event source, on its own thread.
      const where = Miou.parallel(() => `${Miou.Domain.self()}${made[Miou.Domain.self()] === threadId && threadId !== 0 ? " (own events)" : ""}`, [0, 1]);
      return where.map((w) => (w.ok ? w.value : "error"));
    },
    { domains: 2, events },
  );
  console.log("ran on domains", result.join(", "), "- dom0's events made on the main thread:", made[0] === 0);
}

void main();
