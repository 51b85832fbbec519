/**
 * The playground's web server: a static folder, every response cross-origin isolated
 * (`Cross-Origin-Opener-Policy: same-origin`, `Cross-Origin-Embedder-Policy: require-corp`), which
 * SharedArrayBuffer, so worker domains, need. Any static host that can send those two headers
 * serves dist/playground/ as well. Text goes gzipped to browsers that accept it (TypeScript is most
 * of the site: about 3.6 MB, 1 MB gzipped), compressed once per file version.
 */
import { createServer, type Server } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { extname, join, normalize, sep } from "node:path";

export const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
};

/** A server of the files under `root` (`/` is `index.html`). */
export function staticSite(root: string, options: { isolation?: boolean } = {}): Server {
  const headers = options.isolation === false ? {} : ISOLATION;
  return createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    let size = -1;
    try {
      if (file.startsWith(root + sep) && statSync(file).isFile()) size = statSync(file).size;
    } catch {
      size = -1;
    }
    if (size < 0) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${path}`);
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && /^(text|application\/json)/.test(type);
    const body = gzip ? gzipped(file) : readFileSync(file);
    res.writeHead(200, {
      ...headers,
      "Content-Type": type,
      "Content-Length": body.length,
      "Cache-Control": "no-cache",
      Vary: "Accept-Encoding",
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
}

const compressed = new Map<string, { mtime: number; body: Buffer }>();

function gzipped(file: string): Buffer {
  const mtime = statSync(file).mtimeMs;
  const known = compressed.get(file);
  if (known !== undefined && known.mtime === mtime) return known.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  compressed.set(file, { mtime, body });
  return body;
}

/** Listens on `port`, or the next free one after each port in use; resolves with the port bound. */
export async function listenFrom(server: Server, port: number, onTaken: (port: number) => void): Promise<number> {
  for (let p = port; ; p += 1) {
    const result = await new Promise<number | "taken">((resolve, reject) => {
      const fail = (e: NodeJS.ErrnoException) => (e.code === "EADDRINUSE" ? resolve("taken") : reject(e));
      server.once("error", fail);
      server.listen(p, () => {
        server.off("error", fail);
        const address = server.address();
        resolve(typeof address === "object" && address !== null ? address.port : p);
      });
    });
    if (result !== "taken") return result;
    if (p === 0 || p >= 65535) throw new Error(`playground: no free port from ${port} on`);
    onTaken(p);
  }
}
