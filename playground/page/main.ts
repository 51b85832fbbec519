/**
 * The playground's page: the editor, the controls and the panels the README's "Playground"
 * describes, wired to the compiler's worker and to one fresh worker per run.
 */
import { startCompiler } from "./compiler-client.js";
import { consolePanel } from "./console-panel.js";
import { javascriptView, programEditor } from "./editor.js";
import { EXAMPLES, examplesSelect } from "./examples.js";
import { startRun, type Running } from "./runner.js";
import { freshSeed } from "./seeds.js";
import { decode, remember } from "./share.js";
import { languageFeatures } from "./language.js";
import { readTrace } from "./trace-model.js";
import { MAX_TRACE_EVENTS } from "../worker/protocol.js";
import { timelinePanel } from "./timeline-panel.js";
import { tasksTree } from "./tasks-panel.js";
import { explore, exploredPanel, seedRuns } from "./explore.js";
import { tabs } from "./tabs.js";
import type { Compiled, Problem, TraceEventData } from "../worker/protocol.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const out = consolePanel($("console"));
const js = javascriptView($("panel-javascript"));
const panels = tabs(document.querySelector<HTMLElement>("[role=tablist]")!);
const seedInput = $<HTMLInputElement>("seed");
const domainsInput = $<HTMLInputElement>("domains");
const runButton = $<HTMLButtonElement>("run");
const stopButton = $<HTMLButtonElement>("stop");
const status = $("status");
const compiler = startCompiler((error) => {
  if (status.textContent === "loading TypeScript…") status.textContent = error === undefined ? "" : `the compiler did not load: ${error}`;
});
status.textContent = "loading TypeScript…";
const timeline = timelinePanel($("panel-timeline"));
timeline.show(null, "");

const isolated = globalThis.crossOriginIsolated === true;
if (!isolated) {
  const notice = $("notice");
  notice.hidden = false;
  notice.textContent =
    "Worker domains are unavailable: this page is not cross-origin isolated (its host does not send the Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers), so call and parallel have no Web Workers to run on. Everything else works.";
  domainsInput.value = "0";
  domainsInput.disabled = true;
}

const opened = decode(location.hash);
if (opened !== null) seedInput.value = opened.seed;
let edited: ReturnType<typeof setTimeout> | undefined;
/** The address follows the program and the seed, a moment after the last keystroke. */
const follow = () => {
  clearTimeout(edited);
  edited = setTimeout(() => remember({ code: editor.text(), seed: seedInput.value.trim() }), 300);
};
const editor = programEditor($("editor"), { text: opened?.code ?? EXAMPLES[0]?.source ?? "", onRun: () => void run(), onChange: follow, extensions: languageFeatures(compiler, (p) => showProblems(p)) });
seedInput.addEventListener("input", follow);
// Marks for `npm run bench` (bench/playground/): the editor is editable from here on.
performance.mark("miou:editor-ready");
const examples = examplesSelect($<HTMLSelectElement>("examples"), (e) => {
  editor.setText(e.source);
  if (isolated) domainsInput.value = String(e.domains ?? 0);
  editor.view.focus();
});
// A program from a link is no example: the select says so instead of naming the first one.
if (opened !== null) examples.mark(null);

let running: Running | null = null;
let runs = 0;
/** The seed of the last run: what `Share` puts in the link when `Seed` is empty. */
let lastSeed = "";

function showProblems(problems: Problem[]): void {
  const list = $("problems");
  list.replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement("li");
      li.className = p.severity;
      li.innerHTML = `<span class="code"></span><span class="where"></span> <span class="message"></span>`;
      li.querySelector(".code")!.textContent = p.code;
      li.querySelector(".where")!.textContent = `main.ts:${p.line}:${p.column}`;
      li.querySelector(".message")!.textContent = p.message;
      li.addEventListener("click", () => editor.moveTo(p.line, p.column));
      return li;
    }),
  );
  $("problem-count").textContent = problems.length === 0 ? "" : String(problems.length);
}

let finished = 0;

function ended(): void {
  running = null;
  // Tests and scripts wait on this count: one more each time a run (or a failed compile) ends.
  document.body.dataset.runs = String(++finished);
  stopButton.disabled = true;
  runButton.disabled = false;
}

/** Compiles the editor's program for a run: null (with its problems shown) if it does not compile. */
async function compileForRun(): Promise<{ js: string; map: string; channel: string } | null> {
  const channel = `miou-run-${++runs}-${freshSeed()}`;
  const base = new URL("./", location.href).href;
  const imports = { miou: `${base}miou.js?run=${channel}`, "miou/compiled": `${base}runtime/compiled.js`, "miou/gen": `${base}miou-gen.js?run=${channel}` };
  status.textContent = "compiling…";
  let compiled: Compiled;
  try {
    compiled = await compiler.ask("compile", { text: editor.text(), imports });
  } catch (e) {
    out.line(`error: the compiler failed: ${e instanceof Error ? e.message : String(e)} (reload the page to start it again)`, "failed");
    status.textContent = "";
    ended();
    return null;
  }
  // Shown as the CLI prints it: the specifiers the program wrote, not the URLs a worker needs.
  js.show(Object.entries(imports).reduce((text, [name, url]) => text.replaceAll(JSON.stringify(url), JSON.stringify(name)), compiled.js));
  $("facts").textContent = compiled.facts || "No function suspends.";
  if (compiled.problems.length === 0) return { js: compiled.js, map: compiled.map, channel };
  showProblems(compiled.problems);
  for (const p of compiled.problems) out.line(`main.ts:${p.line}:${p.column}: ${p.code}: ${p.message}`, "error");
  out.line(`error: the program does not compile (${compiled.problems.length} problem${compiled.problems.length === 1 ? "" : "s"}, see Problems)`, "failed");
  status.textContent = "";
  ended();
  return null;
}

const domainsWanted = () => (isolated ? Math.max(0, Math.min(8, Number(domainsInput.value) || 0)) : 0);

export async function run(): Promise<void> {
  performance.mark("miou:run-start");
  running?.stop("a new run started");
  const seed = seedInput.value.trim() || freshSeed();
  out.clear();
  const program = await compileForRun();
  if (program === null) return;
  const trace: TraceEventData[] = [];
  status.textContent = "running…";
  stopButton.disabled = false;
  runButton.disabled = false;
  const started = performance.now();
  running = startRun(
    { ...program, seed, domains: domainsWanted() },
    {
      console: (level, text) => out.line(text, level),
      trace: (events) => void trace.push(...events),
      end(outcome) {
        if (outcome.ok) out.line(`result: ${outcome.value}`, "result");
        else {
          out.line(`error: ${outcome.error}`, "failed");
          for (const frame of outcome.stack) out.line(`    ${frame}`, "stack");
        }
        out.line(`seed: ${seed}`, "seed");
        lastSeed = seed;
        const model = readTrace(trace, MAX_TRACE_EVENTS);
        timeline.show(model, seed);
        $("panel-tasks").replaceChildren(tasksTree(model));
        status.textContent = `${outcome.ok ? "done" : "failed"} in ${Math.round(performance.now() - started)} ms`;
        performance.mark("miou:run-end");
        ended();
      },
    },
  );
}

async function exploreRuns(): Promise<void> {
  running?.stop("Explore started");
  const count = Math.max(1, Math.min(1000, Math.floor(Number($<HTMLInputElement>("runs").value) || 20)));
  const base = seedInput.value.trim() || freshSeed();
  out.clear();
  const program = await compileForRun();
  if (program === null) return;
  const exploration = explore(seedRuns({ ...program, domains: domainsWanted() }), base, count, (n) => (status.textContent = `exploring: ${n} of ${count}`));
  const mine: Running = { stop: () => exploration.stop() };
  running = mine;
  stopButton.disabled = false;
  runButton.disabled = true;
  const outcomes = await exploration.outcomes;
  const total = outcomes.reduce((n, o) => n + o.count, 0);
  exploredPanel($("panel-runs"), outcomes, total, (seed) => {
    seedInput.value = seed;
    follow();
    void run();
  });
  panels.select("panel-runs");
  out.line(`explored ${total} run${total === 1 ? "" : "s"}, seeds ${base}/0 to ${base}/${Math.max(0, total - 1)}:`, "log");
  for (const o of outcomes) out.line(`${o.count}× ${o.key} (first seed: ${o.seeds[0]})`, "log");
  status.textContent = `explored ${total} runs: ${outcomes.length} outcome${outcomes.length === 1 ? "" : "s"}`;
  if (running === mine) ended();
}

runButton.addEventListener("click", () => void run());
// Ctrl+Enter / Cmd+Enter runs from anywhere on the page (the editor has its own binding).
document.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.defaultPrevented && !editor.view.hasFocus) {
    e.preventDefault();
    void run();
  }
});
$("explore").addEventListener("click", () => void exploreRuns());
$("share").addEventListener("click", async () => {
  clearTimeout(edited);
  const seed = seedInput.value.trim() || lastSeed;
  seedInput.value = seed;
  const url = remember({ code: editor.text(), seed });
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = "link copied";
  } catch {
    status.textContent = "link in the address bar";
  }
});
// A seed line of the console replays its run: click it to put the seed in Seed.
$("console").addEventListener("click", (e) => {
  const line = (e.target as HTMLElement).closest(".seed");
  if (line === null) return;
  seedInput.value = line.textContent!.replace(/^seed: /, "");
  follow();
});
stopButton.addEventListener("click", () => running?.stop("by the Stop button"));
/** For scripts driving the page (and its tests): the program's text, read and replaced as an edit. */
(globalThis as { playground?: unknown }).playground = {
  program: () => editor.text(),
  setProgram: (t: string) => editor.setText(t),
  cursor: () => {
    const head = editor.view.state.selection.main.head;
    const line = editor.view.state.doc.lineAt(head);
    return { line: line.number, column: head - line.from + 1 };
  },
};
document.body.dataset.ready = "true";
