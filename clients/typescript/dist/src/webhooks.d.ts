/** Seconds a signature's timestamp may differ from now (replayed deliveries are refused). */
export declare const DEFAULT_TOLERANCE_SECONDS = 300;
export interface VerifyOptions {
    /** Default 300 seconds. */
    toleranceSeconds?: number;
    /** "Now" in unix seconds (default: the system clock). */
    now?: number;
}
/** Whether `header` signs `payload` with `secret` within the tolerance; constant-time. */
export declare function verifySignature(payload: string | Uint8Array, header: string, secret: string, options?: VerifyOptions): boolean;
