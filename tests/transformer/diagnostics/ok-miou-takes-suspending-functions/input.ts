import * as Miou from "miou";
function work(): number {
  Miou.yield_();
  return 1;
}
export const main = () =>
  Miou.run(() => {
    const m = Miou.Mutex.create();
    const p = Miou.async(work);
    const l = Miou.Lazy.from_fun(work);
    const handlers: (() => number)[] = [work];
    return Miou.await_exn(p) + Miou.Mutex.protect(m, work) + Miou.Lazy.force(l) + handlers.length;
  });
