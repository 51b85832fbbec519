import * as Miou from "miou";
export class Box {
  constructor() {
    Miou.yield_();
  }
}
