// Title: Sleepers: the suspension API
// Expect: result: ["fast","middle","slow"]
// Miou's sleepers: an event source of our own (events) and a sleep built on
// the suspension API. A sleeping task makes a syscall and suspends on it;
// the scheduler asks select() which syscalls may go on, and ours answers
// with those whose deadline has passed.
import * as Miou from "miou";

interface Sleeper { until: number; syscall: Miou.Syscall }
let sleepers: Sleeper[] = [];

function events(): Miou.Events {
  let wake: (() => void) | null = null;
  const due = () => {
    const now = performance.now();
    const ready = sleepers.filter((s) => s.until <= now);
    sleepers = sleepers.filter((s) => s.until > now);
    return ready.map((s) => Miou.signal(s.syscall));
  };
  return {
    select(block, cancelled) {
      const gone = (s: Sleeper) => cancelled.includes(Miou.uid(s.syscall));
      sleepers = sleepers.filter((s) => !gone(s));
      const signals = due();
      const idle = block && signals.length === 0 && sleepers.length > 0;
      if (!idle) return signals;
      // Nothing can run: wait for the earliest deadline (or interrupt()).
      return new Promise((resolve) => {
        const earliest = Math.min(...sleepers.map((s) => s.until));
        const delay = Math.max(0, earliest - performance.now());
        const timer = setTimeout(() => (wake = null, resolve(due())), delay);
        wake = () => (clearTimeout(timer), wake = null, resolve(due()));
      });
    },
    interrupt: () => wake?.(),
  };
}

function sleep(ms: number): void {
  const syscall = Miou.syscall("sleep");
  const until = performance.now() + ms;
  Miou.suspend(syscall, () => void sleepers.push({ until, syscall }));
}

await Miou.run(() => {
  const order: string[] = [];
  const sleeper = (name: string, ms: number) => Miou.async(() => {
    sleep(ms);
    console.log(`${name} woke after ${ms} ms`);
    order.push(name);
  });
  const slow = sleeper("slow", 120);
  const fast = sleeper("fast", 20);
  const middle = sleeper("middle", 60);
  Miou.await_all([slow, fast, middle]);
  return order;
}, { events });
