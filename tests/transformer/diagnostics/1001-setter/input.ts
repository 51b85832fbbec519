import * as Miou from "miou";
export class Box {
  set value(_v: number) {
    Miou.yield_();
  }
}
