// Title: Orphans and care
// Expect: result: 210
// Background tasks go through an orphans collector (rule 5). The loop
// starts a handler per "request"; each round, Miou.care hands back the
// handlers that finished so they are awaited and none is forgotten. At the
// end, the remaining ones are awaited too.
import * as Miou from "miou";

function handle(request: number): number {
  // Some requests take longer than others.
  for (let i = 0; i < request % 3; i++) Miou.yield_();
  return request * 10;
}

await Miou.run(() => {
  const handlers = Miou.orphans<number>();
  let total = 0;
  const collect = () => {
    for (;;) {
      const p = Miou.care(handlers);
      if (p === undefined || p === "pending") return;
      total += Miou.await_exn(p);
    }
  };
  for (let request = 1; request <= 6; request++) {
    collect();
    Miou.async(() => handle(request), { orphans: handlers });
    Miou.yield_();
  }
  // Drain: wait for the ones still running.
  for (;;) {
    const p = Miou.care(handlers);
    if (p === undefined) break;
    if (p === "pending") Miou.yield_();
    else total += Miou.await_exn(p);
  }
  return total;
});
