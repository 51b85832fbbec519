/**
 * Portable functions for the worker-domain tests of miou/node, registered by hand as the
 * transformer registers them (PROTOCOL.md §6). Plain JavaScript: worker threads do not inherit
 * the test runner's TypeScript loader. Types: `_portable.d.mts`.
 */
import * as Miou from "miou/gen";
import * as Node from "miou/node/gen";
import { portable } from "miou/compiled";

const url = import.meta.url;

/** On a worker: sleeps, connects to `port` on loopback, sends `text`, reads the echo back. */
export const echoFromWorker = portable(url, 0, (port, text) =>
  function* () {
    yield* Node.sleep(0.001);
    const s = yield* Node.connect({ host: "127.0.0.1", port });
    yield* Node.write(s, text);
    const back = new Uint8Array(text.length);
    yield* Node.really_read(s, back);
    yield* Node.close(s);
    return [Miou.Domain.self(), new TextDecoder().decode(back)];
  },
);

/** On a worker: owns a connection to `port` and reads until cancelled; the finaliser closes it. */
export const ownedReader = portable(url, 1, (port, probe) =>
  function* () {
    const s = yield* Node.Ownership.connect({ host: "127.0.0.1", port });
    Atomics.store(probe, 0, 1);
    const buf = new Uint8Array(16);
    for (;;) yield* Node.read(s, buf);
  },
);

/** On a worker: a long sleep; reports the worker's active timers when the run ends. */
export const longSleep = portable(url, 2, (probe) =>
  function* () {
    Atomics.store(probe, 0, 1);
    try {
      yield* Node.sleep(60);
    } finally {
      Atomics.store(probe, 1, process.getActiveResourcesInfo().filter((r) => r === "Timeout").length + 1);
    }
  },
);
