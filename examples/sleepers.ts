/**
 * Miou's sleepers tutorial: an event source of our own, and a `sleep` built on it with the
 * suspension API (`syscall`, `suspend`, `signal`).
 *
 *     npx miou run examples/sleepers.ts         # the tutorial's durations: about 5 s in all
 *     npx miou run examples/sleepers.ts 0.1     # time runs 10 times faster
 *
 * A task that sleeps makes a syscall (a one-shot token) and suspends on it; while it is
 * suspended, the scheduler asks the event source, `select(block, cancelled)`, which syscalls may
 * go on. Ours keeps the sleepers in a table sorted by deadline and answers with the signals of
 * those whose deadline has passed. Miou's `Miou.signal`, `Miou.uid` and `Miou.Domain.self` do the
 * rest.
 *
 * `events` is a module-level function, so it is portable: each worker domain loads this module
 * and makes its own table on its own thread (an event source belongs to one domain). Top-level
 * code runs again in each worker up to `await Miou.run(...)`, so this file keeps it to
 * declarations.
 */
import * as Miou from "miou";

/** A task waiting for a deadline (`performance.now()` milliseconds), and the syscall to signal then. */
interface Sleeper {
  until: number;
  syscall: Miou.Syscall;
}

/** Each domain's sleepers, earliest deadline first. Every thread has its own copy of this map. */
const tables = new Map<Miou.DomainUid, Sleeper[]>();

/** The event source `run` makes for each domain, on that domain's thread. */
function events(domain: Miou.DomainUid): Miou.Events {
  const sleepers: Sleeper[] = [];
  tables.set(domain, sleepers);
  // While a blocking `select` waits, this settles it: from its timer, or from `interrupt()`.
  let settle: (() => void) | null = null;

  /** Takes the sleepers whose deadline has passed off the table: their signals. */
  function due(): Miou.Signal[] {
    const now = performance.now();
    let n = 0;
    while (n < sleepers.length && sleepers[n]!.until <= now) n += 1;
    return sleepers.splice(0, n).map((x) => Miou.signal(x.syscall));
  }

  return {
    select(block, cancelled) {
      // 1. Forget the sleepers whose task was cancelled: nobody waits for them any more.
      if (cancelled.length > 0) {
        const gone = new Set(cancelled);
        for (let i = sleepers.length - 1; i >= 0; i -= 1) if (gone.has(Miou.uid(sleepers[i]!.syscall))) sleepers.splice(i, 1);
      }
      // 2. Wake those whose time has come.
      const signals = due();
      // 3. Other tasks can run (`block` is false), or there is nothing to wait for: answer now.
      if (signals.length > 0 || !block || sleepers.length === 0) return signals;
      // 4. Nothing can run: wait for the earliest deadline, unless `interrupt()` comes first
      //    (another task of this domain was woken, or a message came from another domain).
      return new Promise<Miou.Signal[]>((resolve) => {
        // (setTimeout takes at most 2^31 - 1 ms; a later deadline is simply waited for again.)
        const timer = setTimeout(() => settle?.(), Math.min(Math.max(0, sleepers[0]!.until - performance.now()), 0x7fffffff));
        settle = () => {
          clearTimeout(timer);
          settle = null;
          resolve(due());
        };
      });
    },
    interrupt() {
      settle?.();
    },
    finaliser() {
      // The domain stops: no timer and no sleeper may outlive it.
      settle?.();
      sleepers.length = 0;
      tables.delete(domain);
    },
  };
}

/** Parks the task for `seconds`, on the current domain's table. */
function sleep(seconds: number): void {
  const sleepers = tables.get(Miou.Domain.self());
  if (sleepers === undefined) throw new Error(`sleep: domain ${Miou.Domain.self()} has no sleepers table (run it with { events })`);
  const s = Miou.syscall("sleep");
  // The function given to `suspend` runs only once the suspension is certain: the place to
  // register the syscall. Keep the table sorted; equal deadlines keep their order.
  Miou.suspend(s, () => {
    const until = performance.now() + seconds * 1000;
    let i = sleepers.length;
    while (i > 0 && sleepers[i - 1]!.until > until) i -= 1;
    sleepers.splice(i, 0, { until, syscall: s });
  });
}

/** The optional argument: how long one second of the tutorial lasts, in seconds. */
function timeScale(): number {
  const scale = process.argv.length > 2 ? Number(process.argv[2]) : 1;
  if (!(scale > 0)) throw new RangeError(`expected a time scale above 0, not ${process.argv[2]}`);
  return scale;
}

await Miou.run(
  () => {
    const scale = timeScale();
    if (scale !== 1) console.log(`(time scale ${scale}: the durations below are the tutorial's seconds)`);
    const since = (t: number) => (performance.now() - t) / 1000 / scale;

    console.log("1. sleeps of 1 s and 2 s at the same time, on this domain");
    let t = performance.now();
    const one = Miou.async(() => {
      sleep(1 * scale);
      console.log("   the 1 s sleep is over");
    });
    const two = Miou.async(() => {
      sleep(2 * scale);
      console.log("   the 2 s sleep is over");
    });
    Miou.await_exn(one);
    Miou.await_exn(two);
    let total = since(t);
    console.log(`   both over after ${total.toFixed(2)} s: ${total < 3 ? "they overlapped (less than 3 s)" : "they did not overlap!"}`);

    console.log("2. Miou.parallel(sleep, [1, 2]): on the worker domains, each with its own table");
    t = performance.now();
    const outcomes = Miou.parallel(sleep, [1 * scale, 2 * scale]);
    total = since(t);
    console.log(`   outcomes: ${outcomes.map((r) => (r.ok ? "ok" : String(r.error))).join(", ")}`);
    console.log(`   both over after ${total.toFixed(2)} s: ${total < 3 ? "they overlapped (less than 3 s)" : "they did not overlap!"}`);

    console.log("3. a sleep of 10 s on a worker domain, cancelled after 1 s");
    t = performance.now();
    const long = Miou.call(() => sleep(10 * scale));
    sleep(1 * scale);
    // The worker waits in `select`: the cancellation interrupts it, and the task unwinds at once.
    Miou.cancel(long);
    total = since(t);
    const r = Miou.await_(long);
    console.log(`   the sleep ended with ${r.ok ? "ok" : (r.error as Error).name}`);
    console.log(`   cancel returned after ${total.toFixed(2)} s: ${total < 10 ? "well before the 10 s" : "not before the 10 s!"}`);
  },
  { events },
);
