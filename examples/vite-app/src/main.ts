// The page: buttons start runs of the tasks in tasks.ts.
import * as Miou from "miou";
import { fibs, loadOrCancel } from "./tasks.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Resolves at the next click of `button`. */
function clicked(button: HTMLButtonElement): Promise<void> {
  return new Promise((resolve) => button.addEventListener("click", () => resolve(), { once: true }));
}

function mount(): void {
  const load = $<HTMLButtonElement>("load");
  const cancel = $<HTMLButtonElement>("cancel");
  const status = $("status");
  const items = $("items");
  load.addEventListener("click", () => {
    load.disabled = true;
    cancel.disabled = false;
    status.textContent = "loading";
    items.replaceChildren(...[1, 2, 3].map((id) => Object.assign(document.createElement("li"), { id: `item-${id}` })));
    const show = (id: number, text: string) => void ($(`item-${id}`).textContent = `${id}: ${text}`);
    Miou.run(() => loadOrCancel([1, 2, 3], clicked(cancel), show)).then(
      (outcome) => void (status.textContent = outcome),
      (error: unknown) => void (status.textContent = `failed: ${String(error)}`),
    ).finally(() => {
      load.disabled = false;
      cancel.disabled = true;
    });
  });

  const fib = $<HTMLButtonElement>("fib");
  fib.addEventListener("click", () => {
    fib.disabled = true;
    Miou.run(() => fibs([27, 28, 29, 30]), { domains: 2 }).then((results) => {
      $("fibs").replaceChildren(...results.map((r) => Object.assign(document.createElement("li"), { textContent: `fib(${r.n}) = ${r.value} on domain ${r.domain}` })));
      $("workers").textContent = `${new Set(results.map((r) => r.domain)).size} Web Workers`;
      fib.disabled = false;
    });
  });
}

// Worker domains load the app's code too, to find the functions given to `parallel`: only the
// page has a document to mount.
if (typeof document !== "undefined") mount();
