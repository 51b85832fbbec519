import * as Miou from "miou";
function tick(): void {
  Miou.yield_();
}
export function schedule(): void {
  setTimeout(tick, 10);
  Promise.resolve(1).then(() => Miou.yield_());
}
