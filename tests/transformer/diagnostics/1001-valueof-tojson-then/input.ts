import * as Miou from "miou";
export const money = {
  valueOf(): number {
    Miou.yield_();
    return 1;
  },
  toJSON(): string {
    Miou.yield_();
    return "1";
  },
};
export class Later {
  then(resolve: (v: number) => void): void {
    Miou.yield_();
    resolve(1);
  }
}
