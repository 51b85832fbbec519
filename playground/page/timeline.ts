/**
 * The `Timeline` panel: an SVG with one row per task (`data-task="<uid>"`), in tree order (a
 * task under its parent), over the run's steps: a line for the task's life, a bar for each turn
 * it ran, a pale bar while it was suspended, an amber one while it unwound after `cancel`, and a
 * mark per trace event (`data-kind="<kind>"`). The row's colour is the task's outcome. The x axis
 * counts scheduler events, not milliseconds, so the same seed draws the same picture (the time
 * of each event is in its details, on hover). Rows shrink for big runs and the panel scrolls;
 * `Zoom` widens the steps.
 */
import type { RunModel, TaskInfo } from "./trace-model.js";

const LABEL = 120;
const COLOURS = { resolved: "#15803d", failed: "#b91c1c", cancelled: "#a16207", running: "#64748b" };
const MARKS: Record<string, string> = {
  spawn: "#0f172a", resume: "#2563eb", yield: "#93c5fd", suspend: "#7c3aed", resolve: "#15803d",
  fail: "#b91c1c", cancel: "#ea580c", cancelled: "#a16207", syscall: "#0891b2", signal: "#db2777",
};

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The rows' height for this many tasks: roomy for a few, compact for a thousand. */
export function rowHeight(tasks: number): number {
  return tasks <= 40 ? 20 : tasks <= 200 ? 14 : 9;
}

/** The SVG of a run, `zoom` pixels per event. */
export function timelineSvg(model: RunModel, zoom: number): string {
  const h = rowHeight(model.tasks.length);
  const steps = Math.max(1, model.events.length);
  const width = LABEL + steps * zoom + 12;
  const height = model.tasks.length * h + 24;
  const x = (i: number) => LABEL + i * zoom + zoom / 2;
  const t0 = model.events[0]?.time ?? 0;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of ${plural(model.tasks.length, "task")} over ${plural(model.events.length, "event")}" width="${width}" height="${height}" font-family="ui-monospace, Menlo, monospace">`,
  ];
  for (let i = 0; i <= steps; i += Math.max(1, Math.ceil(60 / zoom))) {
    parts.push(`<text x="${x(i)}" y="10" font-size="9" fill="#94a3b8" text-anchor="middle">${i}</text>`);
  }
  model.tasks.forEach((t, row) => parts.push(taskRow(model, t, 16 + row * h, h, x, t0)));
  parts.push("</svg>");
  return parts.join("");
}

function taskRow(model: RunModel, t: TaskInfo, y: number, h: number, x: (i: number) => number, t0: number): string {
  const mid = y + h / 2;
  const colour = COLOURS[t.outcome];
  const first = t.events[0]!;
  const last = t.events.at(-1)!;
  const label = `${" ".repeat(Math.min(t.depth, 8))}task ${t.uid}${t.domain === 0 ? "" : ` @${t.domain}`}`;
  const out = [
    `<g data-task="${t.uid}" data-outcome="${t.outcome}"${t.parent === undefined ? "" : ` data-parent="${t.parent}"`}>`,
    `<title>task ${t.uid}${t.parent === undefined ? " (the run's main task)" : `, child of ${t.parent}`}, domain ${t.domain}: ${t.outcome}</title>`,
  ];
  if (h >= 9) out.push(`<text x="4" y="${mid + 3}" font-size="${h >= 14 ? 11 : 8}" fill="${colour}" xml:space="preserve">${esc(label)}</text>`);
  out.push(`<line x1="${x(first)}" x2="${x(last)}" y1="${mid}" y2="${mid}" stroke="${colour}" stroke-width="1"/>`);
  // Spans: from each resume to what closes the turn, from suspend to resume, from cancel to cancelled.
  let open: { kind: string; at: number } | null = null;
  for (const i of t.events) {
    const kind = model.events[i]!.kind;
    if (open !== null && (kind === "yield" || kind === "suspend" || kind === "resolve" || kind === "fail" || kind === "resume" || kind === "cancelled")) {
      const fill = open.kind === "resume" ? "#3b82f6" : open.kind === "suspend" ? "#ddd6fe" : "#fcd34d";
      const bar = open.kind === "resume" ? h * 0.5 : h * 0.34;
      out.push(`<rect x="${x(open.at)}" y="${mid - bar / 2}" width="${Math.max(1, x(i) - x(open.at))}" height="${bar}" fill="${fill}" rx="1"/>`);
      open = null;
    }
    if (kind === "resume" || kind === "suspend" || kind === "cancel") open = { kind, at: i };
  }
  for (const i of t.events) {
    const e = model.events[i]!;
    const r = Math.max(1.5, Math.min(3.5, h / 5));
    out.push(
      `<circle data-kind="${e.kind}" cx="${x(i)}" cy="${mid}" r="${r}" fill="${MARKS[e.kind] ?? "#000"}"><title>${e.kind}: task ${t.uid}${t.parent === undefined ? "" : ` (parent ${t.parent})`}, domain ${e.domain}, event ${i}, ${(e.time - t0).toFixed(2)} ms</title></circle>`,
    );
  }
  out.push("</g>");
  return out.join("");
}
