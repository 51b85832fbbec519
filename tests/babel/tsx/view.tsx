// A TSX module with a suspending function: the JSX stays JSX for the JSX transform that follows.
import * as Miou from "miou";

declare global {
  namespace JSX {
    interface IntrinsicElements {
      li: { children?: unknown };
    }
  }
}

function label(n: number): string {
  Miou.yield_();
  return `item ${n}`;
}

export function items(ns: number[]): unknown[] {
  return ns.map((n) => <li>{label(n)}</li>);
}
