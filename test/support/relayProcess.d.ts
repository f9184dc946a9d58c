export interface RelayProcess {
    url: string;
    wsUrl: string;
    port: number;
    dataDir: string;
    pid: number;
    /** Everything the process wrote so far, stdout and stderr interleaved. */
    output(): string;
    /** Whether the process is still running. */
    alive(): boolean;
    /** SIGTERM, then wait for the exit. */
    stop(): Promise<void>;
    /** SIGKILL: a crash, nothing flushed on purpose. */
    kill(): Promise<void>;
    /** Starts again on the same data directory and port. */
    restart(): Promise<RelayProcess>;
}
export interface RelayProcessOptions {
    dataDir?: string;
    port?: number;
    env?: Record<string, string>;
    /** Node flags after relay/launch.json's own (before the bundle). */
    nodeFlags?: string[];
}
export declare function startRelayProcess(options?: RelayProcessOptions): Promise<RelayProcess>;
