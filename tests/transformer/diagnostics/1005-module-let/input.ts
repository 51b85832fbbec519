import * as Miou from "miou";
let counter = 0;
var hits = 0;
function tick(): number {
  counter += 1;
  return counter;
}
export function main(): number {
  const p = Miou.call(() => hits + 1);
  const q = Miou.call(tick);
  return Miou.await_exn(p) + Miou.await_exn(q);
}
