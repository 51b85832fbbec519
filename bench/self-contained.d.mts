export declare const fibElement: (n: number) => number;
export declare const nothing: () => undefined;
