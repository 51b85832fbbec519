// Title: Suspension API: sleepers on setTimeout
// Expect: result: ["fast","middle","slow"]
// Miou's sleepers: an event source of our own (events) and a sleep built on the suspension API.
// A sleeping task makes a syscall and suspends on it; the scheduler asks select() which
// syscalls may go on, and ours answers with those whose deadline has passed.
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
      sleepers = sleepers.filter((s) => !cancelled.includes(Miou.uid(s.syscall)));
      const signals = due();
      if (signals.length > 0 || !block || sleepers.length === 0) return signals;
      // Nothing can run: wait for the earliest deadline (or interrupt()).
      return new Promise((resolve) => {
        const earliest = Math.min(...sleepers.map((s) => s.until));
        const timer = setTimeout(() => (wake = null, resolve(due())), Math.max(0, earliest - performance.now()));
        wake = () => (clearTimeout(timer), wake = null, resolve(due()));
      });
    },
    interrupt: () => wake?.(),
  };
}

function sleep(ms: number): void {
  const syscall = Miou.syscall("sleep");
  Miou.suspend(syscall, () => void sleepers.push({ until: performance.now() + ms, syscall }));
}

await Miou.run(() => {
  const order: string[] = [];
  const sleeper = (name: string, ms: number) => Miou.async(() => {
    sleep(ms);
    console.log(`${name} woke after ${ms} ms`);
    order.push(name);
  });
  const all = [sleeper("slow", 120), sleeper("fast", 20), sleeper("middle", 60)];
  Miou.await_all(all);
  return order;
}, { events });
