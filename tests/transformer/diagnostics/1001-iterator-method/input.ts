import * as Miou from "miou";
export class Bag {
  *items(): Generator<number> {
    yield 1;
  }
  [Symbol.iterator](): Iterator<number> {
    Miou.yield_();
    return this.items();
  }
}
