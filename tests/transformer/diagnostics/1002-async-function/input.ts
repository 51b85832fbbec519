import * as Miou from "miou";
export async function fetchBoth(p: Miou.Promise<number>): Promise<number> {
  return Miou.await_exn(p);
}
