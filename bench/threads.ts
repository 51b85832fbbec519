/**
 * Raw `worker_threads`: the native peer of the domain workloads. A `RawWorker` applies one
 * self-contained function to each message it gets and posts back the result; the caller awaits
 * replies in the order of its requests. No scheduler, no codec, no task records: what a worker
 * round trip costs Node itself.
 */
import { Worker } from "node:worker_threads";

export class RawWorker {
  private readonly worker: Worker;
  private readonly waiting: Array<(reply: unknown) => void> = [];

  /**
   * `source`: the text of a self-contained function, applied to each message. It is evaluated
   * in strict mode, as Miou evaluates a function's source on a worker domain: the texts come
   * from modules, which are strict, and sloppy mode would slow calls down (every call of a
   * sloppy function with no receiver converts it to the global object).
   */
  constructor(source: string) {
    const code = `"use strict";
const { parentPort } = require("node:worker_threads");
const f = (${source});
parentPort.on("message", (m) => parentPort.postMessage(f(m)));`;
    this.worker = new Worker(code, { eval: true });
    this.worker.on("message", (reply: unknown) => this.waiting.shift()!(reply));
    this.worker.on("error", (e) => {
      for (const w of this.waiting.splice(0)) w(e);
    });
  }

  /** Posts `message` and resolves with the reply to it. */
  request(message: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.worker.postMessage(message);
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
