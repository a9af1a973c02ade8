// The keyport client: the generated types (src/schema.d.ts) over openapi-fetch, plus what
// the generator cannot know: authentication, retries and idempotency keys.
import createClient, { type Client } from "openapi-fetch";
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
export class KeyportProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly requestId: string | undefined,
    readonly body: unknown,
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = "KeyportProblem";
  }
}

/** Turns an openapi-fetch result into its data, or throws the problem it answered. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem = (result.error ?? {}) as { code?: string; detail?: string; request_id?: string; error?: string };
    throw new KeyportProblem(
      result.response.status,
      problem.code ?? problem.error ?? "unknown",
      problem.detail ?? result.response.statusText,
      problem.request_id,
      result.error,
    );
  }
  return result.data as T;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds of `Retry-After` as milliseconds, if the server sent it. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * A fetch that retries: 429 and 503 after `Retry-After` (or a short backoff), network
 * errors for idempotent methods and for POSTs, which get an `Idempotency-Key` once per
 * logical call so that a retried POST is never carried out twice.
 */
export function retryingFetch(
  base: (input: Request) => Promise<Response>,
  retries = 3,
  sleep: (ms: number) => Promise<void> = defaultSleep,
): (input: Request) => Promise<Response> {
  return async (request: Request) => {
    const method = request.method.toUpperCase();
    if (method === "POST" && !request.headers.has("idempotency-key")) {
      request.headers.set("Idempotency-Key", crypto.randomUUID());
    }
    const retriesNetworkErrors = method !== "PATCH";
    for (let attempt = 0; ; attempt++) {
      const backoff = 200 * 2 ** attempt;
      let response: Response;
      try {
        response = await base(request.clone());
      } catch (error) {
        if (!retriesNetworkErrors || attempt >= retries) throw error;
        await sleep(backoff);
        continue;
      }
      if ((response.status === 429 || response.status === 503) && attempt < retries) {
        await sleep(retryAfter(response) ?? backoff);
        continue;
      }
      return response;
    }
  };
}

/** A typed client for every keyport operation. */
export function createKeyportClient(options: KeyportOptions): Client<paths> {
  const base = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: retryingFetch(base, options.retries ?? 3, options.sleep),
  });
  client.use({
    onRequest({ request }) {
      const token = typeof options.token === "function" ? options.token() : options.token;
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      if (!request.headers.has("keyport-version")) {
        request.headers.set("Keyport-Version", options.apiVersion ?? API_VERSION);
      }
      return request;
    },
  });
  return client;
}

/** A value a field's documented pattern refuses, found before sending. */
export class KeyportValidationError extends Error {
  constructor(
    readonly field: keyof typeof patterns,
    readonly value: string,
  ) {
    super(`${field}: ${JSON.stringify(value)} does not match ${patterns[field]}`);
    this.name = "KeyportValidationError";
  }
}

/** Checks a value against its field's pattern (e.g. `"KeyInput.key"`) before it is sent. */
export function checkFormat(field: keyof typeof patterns, value: string): string {
  if (!new RegExp(patterns[field], "u").test(value)) throw new KeyportValidationError(field, value);
  return value;
}

export { patterns } from "./formats.js";
export { DEFAULT_TOLERANCE_SECONDS, type VerifyOptions, verifySignature } from "./webhooks.js";
