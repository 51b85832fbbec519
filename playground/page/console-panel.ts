/** The `Console` panel: the program's lines as they come, then its outcome and its seed. */

export interface ConsolePanel {
  clear(): void;
  line(text: string, kind?: "log" | "error" | "result" | "failed" | "seed" | "stack"): void;
  text(): string;
}

export function consolePanel(element: HTMLElement): ConsolePanel {
  return {
    clear: () => element.replaceChildren(),
    line(text, kind = "log") {
      const div = document.createElement("div");
      div.className = kind;
      div.textContent = text;
      if (kind === "seed") div.title = "Click to put this seed in Seed and replay the run";
      const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
      element.append(div);
      if (atEnd) element.scrollTop = element.scrollHeight;
    },
    text: () => [...element.children].map((c) => c.textContent).join("\n"),
  };
}
