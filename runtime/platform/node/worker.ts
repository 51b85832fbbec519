/** The entry of a worker domain's thread in Node (`dist/worker.js`). */
import { parentPort, workerData } from "node:worker_threads";
import "../../gen.js"; // the platform, and `miou/gen` for functions rebuilt from their source
import { serve } from "../../domains/worker.js";

const data = workerData as { uid: number; taken: Int32Array };
const port = parentPort!;
serve(
  {
    post: (m) => port.postMessage(m),
    listen: (fn) => void port.on("message", fn),
    ref: () => port.ref(),
    unref: () => port.unref(),
    terminate: () => process.exit(0),
    onExit: () => undefined,
  },
  data.uid,
  data.taken,
);
