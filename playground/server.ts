/**
 * `npm start`: builds the playground (dist/, then dist/playground/) and serves it on
 * http://localhost:5173/ (`--port N` or `PORT`; a port in use: the next free one), with the
 * headers that make the page cross-origin isolated, so worker domains can run. Prints
 * `playground: http://localhost:PORT/` once the page can load; Ctrl-C stops it.
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { buildPlayground } from "./build/build.js";
import { listenFrom, staticSite } from "./static-server.js";

const { values } = parseArgs({ options: { port: { type: "string" } } });
const wanted = values.port ?? process.env.PORT ?? "5173";
const port = Number(wanted);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`playground: the port must be a number from 0 to 65535, not ${JSON.stringify(wanted)} (use --port N or PORT=N)`);
  process.exit(2);
}
const root = join(import.meta.dirname, "..", "dist", "playground");
await buildPlayground({ outDir: root });
const server = staticSite(root);
const bound = await listenFrom(server, port, (taken) => console.log(`playground: port ${taken} is in use, trying ${taken + 1}`));
console.log(`playground: http://localhost:${bound}/`);
process.once("SIGINT", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
