/**
 * An error's stack as the program's lines: the frames the JavaScript engine wrote for the compiled
 * program (at its blob URL) mapped back through the source map to `main.ts`, and the logical
 * frames the runtime appended across suspensions (already at `main.ts`, see runtime/PROTOCOL.md).
 * The frames of the runtime and of the worker are left out: they are not the user's code.
 */
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";

const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

export function programFrames(stack: string, url: string, map: string): string[] {
  let traced: TraceMap | undefined;
  const out: string[] = [];
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line);
    if (m === null) continue;
    const [, name, file, row, col] = m as unknown as [string, string | undefined, string, string, string];
    if (file === url && map !== "") {
      traced ??= new TraceMap(map);
      const p = originalPositionFor(traced, { line: Number(row), column: Number(col) - 1 });
      // A frame without a name is the module's top level calling `run`: not the error's story.
      if (p.line !== null && name !== undefined) out.push(`at ${name} (main.ts:${p.line}:${p.column + 1})`);
    } else if (/(^|\/)main\.ts$/.test(file)) {
      out.push(`at ${name ?? "<anonymous>"} (main.ts:${row}:${col})`);
    }
  }
  // A generator's frame can show both physically and logically at the same place.
  return out.filter((f, i) => out.indexOf(f) === i);
}
