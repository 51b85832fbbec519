import * as Miou from "miou";
export class Counter {
  step = 2;
  run(): number {
    const p = Miou.call(() => this.step * 2);
    return Miou.await_exn(p);
  }
}
export function sum(): number {
  const p = Miou.call(() => arguments.length);
  return Miou.await_exn(p);
}
