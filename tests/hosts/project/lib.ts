import * as Miou from "miou";

export function slowDouble(x: number): number {
  Miou.yield_();
  return x * 2;
}
