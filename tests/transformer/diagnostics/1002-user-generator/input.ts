import * as Miou from "miou";
export function* steps(): Generator<number> {
  Miou.yield_();
  yield 1;
}
