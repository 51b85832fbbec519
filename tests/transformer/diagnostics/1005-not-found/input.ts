import * as Miou from "miou";
const handlers = { work: (): number => 1 };
function make(): () => number {
  return () => 2;
}
export function main(work: () => number): number {
  const local = (): number => 3;
  const a = Miou.call(work);
  const b = Miou.call(local);
  const c = Miou.call(handlers.work);
  const d = Miou.call(make());
  return Miou.await_exn(a) + Miou.await_exn(b) + Miou.await_exn(c) + Miou.await_exn(d);
}
