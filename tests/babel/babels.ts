/**
 * The two Babel majors the tests build with: Babel 8 (the project's `@babel/core`) and Babel 7
 * (installed in tests/babel/babel-7/, where its TypeScript preset finds its own core). Each is
 * checked to be the major it claims, so a test never runs twice on one Babel.
 */
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const require = createRequire(join(root, "package.json"));
const require7 = createRequire(join(root, "tests", "babel", "babel-7", "package.json"));

export interface Babel {
  major: 7 | 8;
  version: string;
  transformSync(code: string, options: object): { code?: string | null; map?: object | null; ast?: { program: { end: number } } | null } | null;
  transformFromAstSync(ast: object, code: string, options: object): { code?: string | null } | null;
  parseSync(code: string, options: object): object | null;
  /** The path of `@babel/preset-typescript` of the same major. */
  preset: string;
}

function load(major: 7 | 8, req: NodeJS.Require): Babel {
  const core = req("@babel/core") as Babel;
  if (!core.version.startsWith(`${major}.`)) throw new Error(`expected Babel ${major}, found ${core.version}: run npm ci`);
  return {
    major,
    version: core.version,
    transformSync: core.transformSync.bind(core),
    transformFromAstSync: core.transformFromAstSync.bind(core),
    parseSync: core.parseSync.bind(core),
    preset: req.resolve("@babel/preset-typescript"),
  };
}

export const babels: Babel[] = [load(8, require), load(7, require7)];

export { root };
/** `dist/babel.js`: the plugin as users get it. */
export const plugin = join(root, "dist", "babel.js");

/**
 * Babel's options for one module of `cwd`'s project, with the plugin and the TypeScript preset.
 * Without the build cache: every test builds the program (the cache has its own tests).
 */
export function optionsFor(babel: Babel, filename: string, cwd = root, pluginOptions: object = {}): object {
  return {
    filename,
    cwd,
    configFile: false,
    babelrc: false,
    sourceMaps: true,
    plugins: [[plugin, { cache: false, ...pluginOptions }]],
    // Babel 7 drops a class field with no initialiser unless told, as TypeScript and Babel 8 do not.
    presets: [[babel.preset, babel.major === 7 ? { allowDeclareFields: true } : {}]],
  };
}
