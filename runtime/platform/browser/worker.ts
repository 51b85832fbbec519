/** The entry of a worker domain's thread in browsers (`dist/browser/worker.js`), a module Web Worker. */
import "./index.js";
import "../../gen.js"; // `miou/gen`, for functions rebuilt from their source
import { serve } from "../../domains/worker.js";

declare const self: {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
};

// The first message says which domain this is; every later one is for the domain.
self.onmessage = (first) => {
  const data = first.data as { uid: number; taken: Int32Array };
  self.onmessage = null;
  serve(
    {
      post: (m) => self.postMessage(m),
      listen: (fn) => void (self.onmessage = (event) => fn(event.data)),
      ref: () => undefined,
      unref: () => undefined,
      terminate: () => self.close(),
      onExit: () => undefined,
    },
    data.uid,
    data.taken,
  );
};
