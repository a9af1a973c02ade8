// The keyport client: the generated types (src/schema.d.ts) over openapi-fetch, plus what
// the generator cannot know: authentication, retries and idempotency keys.
import createClient from "openapi-fetch";
import { patterns } from "./formats.js";
import { API_VERSION } from "./version.js";
export { API_VERSION };
/** An RFC 9457 problem answered by keyport. */
export class KeyportProblem extends Error {
    status;
    code;
    detail;
    requestId;
    body;
    constructor(status, code, detail, requestId, body) {
        super(`${status} ${code}: ${detail}`);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.requestId = requestId;
        this.body = body;
        this.name = "KeyportProblem";
    }
}
/** Turns an openapi-fetch result into its data, or throws the problem it answered. */
export function unwrap(result) {
    if (result.error !== undefined || !result.response.ok) {
        const problem = (result.error ?? {});
        throw new KeyportProblem(result.response.status, problem.code ?? problem.error ?? "unknown", problem.detail ?? result.response.statusText, problem.request_id, result.error);
    }
    return result.data;
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Seconds of `Retry-After` as milliseconds, if the server sent it. */
function retryAfter(response) {
    const value = response.headers.get("retry-after");
    if (value === null)
        return undefined;
    const seconds = Number(value);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
/**
 * A fetch that retries: 429 and 503 after `Retry-After` (or a short backoff), network
 * errors for idempotent methods and for POSTs, which get an `Idempotency-Key` once per
 * logical call so that a retried POST is never carried out twice.
 */
export function retryingFetch(base, retries = 3, sleep = defaultSleep) {
    return async (request) => {
        const method = request.method.toUpperCase();
        if (method === "POST" && !request.headers.has("idempotency-key")) {
            request.headers.set("Idempotency-Key", crypto.randomUUID());
        }
        const retriesNetworkErrors = method !== "PATCH";
        for (let attempt = 0;; attempt++) {
            const backoff = 200 * 2 ** attempt;
            let response;
            try {
                response = await base(request.clone());
            }
            catch (error) {
                if (!retriesNetworkErrors || attempt >= retries)
                    throw error;
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
export function createKeyportClient(options) {
    const base = options.fetch ?? ((input) => globalThis.fetch(input));
    const client = createClient({
        baseUrl: options.baseUrl,
        fetch: retryingFetch(base, options.retries ?? 3, options.sleep),
    });
    client.use({
        onRequest({ request }) {
            const token = typeof options.token === "function" ? options.token() : options.token;
            if (token)
                request.headers.set("Authorization", `Bearer ${token}`);
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
    field;
    value;
    constructor(field, value) {
        super(`${field}: ${JSON.stringify(value)} does not match ${patterns[field]}`);
        this.field = field;
        this.value = value;
        this.name = "KeyportValidationError";
    }
}
/** Checks a value against its field's pattern (e.g. `"KeyInput.key"`) before it is sent. */
export function checkFormat(field, value) {
    if (!new RegExp(patterns[field], "u").test(value))
        throw new KeyportValidationError(field, value);
    return value;
}
export { patterns } from "./formats.js";
export { DEFAULT_TOLERANCE_SECONDS, verifySignature } from "./webhooks.js";
