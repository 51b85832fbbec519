/**
 * The workload files under this folder, in the order of the table's rows. A new row is a new
 * file here plus its name in this list.
 */
export const WORKLOADS: readonly string[] = ["spawn-join", "ping-pong", "ring", "deep", "memory", "parallel-fib", "call-round-trip", "echo", "checked-call", "first-hour"];
