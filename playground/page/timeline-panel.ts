/**
 * The `Timeline` panel's frame around the SVG: `Zoom`, the export of the run's trace as Chrome
 * trace JSON (`Trace.toChrome`, which Perfetto and chrome://tracing open), and a line that shows
 * the details of whatever the pointer is over.
 */
import { toChrome } from "../../runtime/core/trace.js";
import type { TraceEvent } from "../../runtime/core/run.js";
import type { RunModel } from "./trace-model.js";
import { timelineSvg } from "./timeline.js";

export function timelinePanel(panel: HTMLElement): { show(model: RunModel | null, seed: string): void } {
  panel.innerHTML = `<div class="timeline-bar">
    <label>Zoom <input type="range" min="1" max="40" value="8" aria-label="Zoom"></label>
    <button type="button" disabled>Export Chrome trace</button>
    <span class="legend"><span><i style="background:#3b82f6"></i>running</span><span><i style="background:#ddd6fe"></i>suspended</span><span><i style="background:#fcd34d"></i>unwinding</span></span>
    <span class="detail" aria-live="off"></span>
  </div><div class="timeline-canvas"></div>`;
  const zoom = panel.querySelector<HTMLInputElement>("input")!;
  const exportButton = panel.querySelector<HTMLButtonElement>("button")!;
  const detail = panel.querySelector<HTMLElement>(".detail")!;
  const canvas = panel.querySelector<HTMLElement>(".timeline-canvas")!;
  let current: RunModel | null = null;
  let seed = "";
  const draw = () => {
    if (current === null || current.events.length === 0) canvas.innerHTML = `<p class="empty">Run a program to see its tasks here.</p>`;
    else {
      const cut = current.cut ? `<p class="empty">The run made more than ${current.events.length.toLocaleString("en-US")} events: here are the first ones.</p>` : "";
      canvas.innerHTML = cut + timelineSvg(current, Number(zoom.value));
    }
  };
  zoom.addEventListener("input", draw);
  canvas.addEventListener("mouseover", (e) => {
    const title = (e.target as Element).closest("circle, g")?.querySelector(":scope > title");
    detail.textContent = title?.textContent ?? "";
  });
  exportButton.addEventListener("click", () => {
    if (current === null) return;
    const json = JSON.stringify(toChrome(current.events as TraceEvent[]));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    link.download = `miou-trace-${seed}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  return {
    show(model, runSeed) {
      current = model;
      seed = runSeed;
      exportButton.disabled = model === null || model.events.length === 0;
      // A big run starts zoomed out enough to fit the panel's width.
      if (model !== null && model.events.length > 0) {
        const fit = Math.floor((canvas.clientWidth || 600) - 140) / model.events.length;
        zoom.value = String(Math.max(1, Math.min(16, Math.floor(fit))));
      }
      draw();
    },
  };
}
