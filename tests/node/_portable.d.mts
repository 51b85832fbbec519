type Task<T> = () => Generator<unknown, T, unknown>;
export declare const echoFromWorker: (port: number, text: string) => Task<[number, string]>;
export declare const ownedReader: (port: number, probe: Int32Array) => Task<never>;
export declare const longSleep: (probe: Int32Array) => Task<never>;
