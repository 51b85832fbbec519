import * as Miou from "miou";
export class Money {
  toString(): string {
    Miou.yield_();
    return "1 EUR";
  }
  [Symbol.toPrimitive](): number {
    Miou.yield_();
    return 1;
  }
}
export const range = {
  [Symbol.iterator]() {
    return this;
  },
  next(): IteratorResult<number> {
    Miou.yield_();
    return { done: true, value: undefined };
  },
};
