import * as Miou from "miou";
function onClick(): void {
  Miou.yield_();
}
export function wire(button: EventTarget): void {
  button.addEventListener("click", onClick);
}
