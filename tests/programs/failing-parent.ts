import * as Miou from "miou";

// A failing parent cancels its sleeping child: the run ends without waiting for it.
let now = 0;
let sleepers: { until: number; s: Miou.Syscall }[] = [];
const events = (): Miou.Events => ({
  select(block, cancelled) {
    sleepers = sleepers.filter((x) => !cancelled.includes(Miou.uid(x.s)));
    if (block && sleepers.length > 0) now = Math.min(...sleepers.map((x) => x.until));
    const due = sleepers.filter((x) => x.until <= now);
    sleepers = sleepers.filter((x) => x.until > now);
    return due.map((x) => Miou.signal(x.s));
  },
  interrupt() {},
});
function sleep(seconds: number): void {
  const s = Miou.syscall("sleep");
  Miou.suspend(s, () => void sleepers.push({ until: now + seconds, s }));
}

Miou.run(
  () => {
    Miou.async(() => sleep(1));
    Miou.yield_();
    throw new Error("the parent fails");
  },
  { events },
).catch((e: Error) => console.log(`${e.message}; virtual clock at ${now}; ${sleepers.length} sleepers left`));
