export declare const fibElement: (n: number) => number;
