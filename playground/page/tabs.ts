/** The tabs over the panels beside the console: one shown at a time, chosen by click or arrow keys. */
export function tabs(list: HTMLElement): { select(id: string): void } {
  const all = [...list.querySelectorAll<HTMLButtonElement>("[role=tab]")];
  const select = (id: string) => {
    for (const tab of all) {
      const on = tab.getAttribute("aria-controls") === id;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")!)!.hidden = !on;
    }
  };
  for (const tab of all) tab.addEventListener("click", () => select(tab.getAttribute("aria-controls")!));
  list.addEventListener("keydown", (e) => {
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0 || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) return;
    const next = all[(i + (e.key === "ArrowRight" ? 1 : all.length - 1)) % all.length]!;
    select(next.getAttribute("aria-controls")!);
    next.focus();
  });
  return { select };
}
