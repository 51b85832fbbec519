export declare const report: () => () => { loads: number; pastRun: boolean };
export declare const ran: number;
