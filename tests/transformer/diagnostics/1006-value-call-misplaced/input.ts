import * as Miou from "miou";
type Handler = () => number;
export const handlers: Handler[] = [() => (Miou.yield_(), 1)];
export class Panel {
  readonly first = handlers[0]!();
  get second(): number {
    return handlers[1]!();
  }
}
export async function later(h: Handler): Promise<number> {
  return h();
}
export const n = handlers[0]!();
