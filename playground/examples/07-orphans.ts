// Title: Orphans and care: a server loop
// Expect: result: 210
// Background tasks go through an orphans collector (rule 5). The loop starts a handler per
// "request"; each round, Miou.care hands back the handlers that finished so they are awaited and
// none is forgotten. At the end, the remaining ones are awaited too.
import * as Miou from "miou";

function handle(request: number): number {
  for (let i = 0; i < request % 3; i++) Miou.yield_(); // some requests take longer
  return request * 10;
}

await Miou.run(() => {
  const handlers = Miou.orphans<number>();
  let total = 0;
  const collect = () => {
    for (let p = Miou.care(handlers); p !== undefined && p !== "pending"; p = Miou.care(handlers)) total += Miou.await_exn(p);
  };
  for (let request = 1; request <= 6; request++) {
    collect();
    Miou.async(() => handle(request), { orphans: handlers });
    Miou.yield_();
  }
  // Drain: wait for the ones still running.
  for (let p = Miou.care(handlers); p !== undefined; p = Miou.care(handlers)) {
    if (p === "pending") Miou.yield_();
    else total += Miou.await_exn(p);
  }
  return total;
});
