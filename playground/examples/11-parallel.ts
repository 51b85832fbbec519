// Title: parallel on Web Workers
// Domains: 2
// Expect: result: ["fib(20) = 6765 on domain 1","fib(21) = 10946 on domain 2","fib(22) = 17711 on domain 1","fib(23) = 28657 on domain 2"]
// Miou.parallel runs a function on every element across the worker domains
// (here Web Workers; set Domains) and returns the outcomes in order.
// Element i goes to the (i mod k)-th worker. Domain.self() says where each
// ran: never 0, the page's run worker.
import * as Miou from "miou";

function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

// Module-level, so a worker domain finds it (a local would be MIOU1005).
const job = (n: number) => `fib(${n}) = ${fib(n)} on domain ${Miou.Domain.self()}`;

await Miou.run(() => {
  const outcomes = Miou.parallel(job, [20, 21, 22, 23]);
  return outcomes.map((o) => (o.ok ? o.value : String(o.error)));
});
