import * as Miou from "miou";
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
export class Handle {
  [Symbol.dispose](): void {
    Miou.yield_();
  }
}
