/**
 * The bundled examples: every `playground/examples/*.ts`, in file-name order. Each opens with
 * `// Title: ...` (the `Examples` entry) and `// Expect: ...` (the `Console` line it ends with,
 * which the tests check), maybe `// Domains: N`, then comments saying what it shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Example {
  /** The file name without `.ts`: the example's id in a URL. */
  id: string;
  title: string;
  /** The line the run's output contains: `result: ...` or `error: ...`, or `/a regular expression/` it matches. */
  expect: string;
  /** Worker domains the example needs (`// Domains: N`), put in the `Domains` input when it opens. */
  domains?: number;
  source: string;
}

export function readExamples(folder: string): Example[] {
  return readdirSync(folder)
    .filter((n) => n.endsWith(".ts"))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), "utf8");
      const field = (key: string) => {
        const m = new RegExp(`^// ${key}: (.*)$`, "m").exec(text);
        if (m === null) throw new Error(`playground/examples/${name}: its first lines must have \`// ${key}: ...\``);
        return m[1]!.trim();
      };
      const source = text.replace(/^\/\/ (Title|Expect|Domains): .*\n/gm, "");
      const domains = /^\/\/ Domains: (\d+)$/m.exec(text);
      const id = name.replace(/^\d+-/, "").replace(/\.ts$/, "");
      return { id, title: field("Title"), expect: field("Expect"), ...(domains === null ? {} : { domains: Number(domains[1]) }), source };
    });
}
