import { type Client } from "openapi-fetch";
import { patterns } from "./formats.js";
import { API_VERSION } from "./version.js";
import type { paths } from "./schema.js";
export type { paths, components, operations } from "./schema.js";
export { API_VERSION };
export interface KeyportOptions {
    /** e.g. http://127.0.0.1:8080 */
    baseUrl: string;
    /** A bearer access token, or a function returning the current one. */
    token?: string | (() => string | undefined);
    /** Retries after 429, 503 and network errors (default 3). */
    retries?: number;
    /** The fetch to send requests with (default: the global fetch). */
    fetch?: (input: Request) => Promise<Response>;
    /** Waits between attempts; replaceable in tests. */
    sleep?: (ms: number) => Promise<void>;
    /**
     * The API version every request speaks (`Keyport-Version`): by default the one this SDK
     * was generated from, whose shapes its types describe.
     */
    apiVersion?: string;
}
/** An RFC 9457 problem answered by keyport. */
export declare class KeyportProblem extends Error {
    readonly status: number;
    readonly code: string;
    readonly detail: string;
    readonly requestId: string | undefined;
    readonly body: unknown;
    constructor(status: number, code: string, detail: string, requestId: string | undefined, body: unknown);
}
/** Turns an openapi-fetch result into its data, or throws the problem it answered. */
export declare function unwrap<T>(result: {
    data?: T;
    error?: unknown;
    response: Response;
}): T;
/**
 * A fetch that retries: 429 and 503 after `Retry-After` (or a short backoff), network
 * errors for idempotent methods and for POSTs, which get an `Idempotency-Key` once per
 * logical call so that a retried POST is never carried out twice.
 */
export declare function retryingFetch(base: (input: Request) => Promise<Response>, retries?: number, sleep?: (ms: number) => Promise<void>): (input: Request) => Promise<Response>;
/** A typed client for every keyport operation. */
export declare function createKeyportClient(options: KeyportOptions): Client<paths>;
/** A value a field's documented pattern refuses, found before sending. */
export declare class KeyportValidationError extends Error {
    readonly field: keyof typeof patterns;
    readonly value: string;
    constructor(field: keyof typeof patterns, value: string);
}
/** Checks a value against its field's pattern (e.g. `"KeyInput.key"`) before it is sent. */
export declare function checkFormat(field: keyof typeof patterns, value: string): string;
export { patterns } from "./formats.js";
export { DEFAULT_TOLERANCE_SECONDS, type VerifyOptions, verifySignature } from "./webhooks.js";
