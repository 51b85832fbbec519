import * as Miou from "miou";

// The README's snippets, in direct style, built by tspc and run.
function sleep(ms: number): void {
  const s = Miou.syscall("sleep");
  let timer: NodeJS.Timeout | undefined;
  try {
    Miou.suspend(s, () => (timer = setTimeout(() => Miou.wake(s), ms)));
  } finally {
    clearTimeout(timer);
  }
}

function main(): string[] {
  const out: string[] = [];
  // Mutex, Condition, Lazy
  const m = Miou.Mutex.create();
  const c = Miou.Condition.create();
  let ready = false;
  const waiter = Miou.async(() => {
    Miou.Mutex.lock(m);
    while (!ready) Miou.Condition.wait(c, m);
    Miou.Mutex.unlock(m);
    return "waiter woke";
  });
  Miou.Mutex.protect(m, () => {
    ready = true;
    Miou.Condition.signal(c);
  });
  out.push(Miou.await_exn(waiter));
  let loads = 0;
  const config = Miou.Lazy.from_fun(() => {
    sleep(1);
    return `config #${(loads += 1)}`;
  });
  const forcers = [Miou.async(() => Miou.Lazy.force(config)), Miou.async(() => Miou.Lazy.force(config))];
  out.push(Miou.await_all(forcers).map((r) => (r.ok ? r.value : "error")).join(", "));
  // a cancelled sleep leaves no timer behind
  const sleeper = Miou.async(() => sleep(60_000));
  for (let i = 0; i < 3; i++) Miou.yield_();
  Miou.cancel(sleeper);
  out.push(`timers left: ${process.getActiveResourcesInfo().filter((k) => k === "Timeout").length}`);
  // orphans
  const handlers = Miou.orphans<number>();
  for (let i = 0; i < 3; i++) Miou.async(() => i, { orphans: handlers });
  let sum = 0;
  for (let p = Miou.care(handlers); p !== undefined; p = Miou.care(handlers)) {
    if (p === "pending") Miou.yield_();
    else sum += Miou.await_exn(p);
  }
  out.push(`orphans summed to ${sum}`);
  return out;
}

const events: Miou.TraceEvent[] = [];
Miou.run(main, { trace: (e) => void events.push(e) }).then((lines) => {
  for (const line of lines) console.log(line);
  const chrome = Miou.Trace.toChrome(events);
  console.log(`trace: ${chrome.traceEvents.length > 0 ? "has events" : "empty"}`);
});
