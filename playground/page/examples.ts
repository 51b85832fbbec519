/** The bundled examples (playground/examples/, put in the page by the build). */
import type { Example } from "../build/examples.js";

export type { Example };

declare const PLAYGROUND_EXAMPLES: Example[];

export const EXAMPLES: readonly Example[] = PLAYGROUND_EXAMPLES;

/** Fills the `Examples` select; picking one calls `open`. */
export function examplesSelect(select: HTMLSelectElement, open: (e: Example) => void): { mark(id: string | null): void } {
  const none = new Option("Pick an example…", "");
  none.disabled = true;
  select.append(none, ...EXAMPLES.map((e) => new Option(e.title, e.id)));
  select.addEventListener("change", () => {
    const e = EXAMPLES.find((x) => x.id === select.value);
    if (e !== undefined) open(e);
  });
  return { mark: (id) => void (select.value = id ?? "") };
}
