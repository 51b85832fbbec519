import * as Miou from "miou";
export class Box {
  get value(): number {
    Miou.yield_();
    return 1;
  }
}
