import * as Miou from "miou";
export class Box {
  readonly seed = Miou.syscall();
  static { Miou.yield_(); }
}
