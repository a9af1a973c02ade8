// Verifying keyport's webhook deliveries: `Keyport-Signature: t=<unix seconds>,v1=<hex>`,
// each `v1` the HMAC-SHA256 of "<t>.<raw body>" under one of the endpoint's live secrets
// (two while a rotated secret overlaps its successor). Verify the raw body, before parsing.
import { createHmac, timingSafeEqual } from "node:crypto";
/** Seconds a signature's timestamp may differ from now (replayed deliveries are refused). */
export const DEFAULT_TOLERANCE_SECONDS = 300;
/** Whether `header` signs `payload` with `secret` within the tolerance; constant-time. */
export function verifySignature(payload, header, secret, options = {}) {
    let timestamp;
    const candidates = [];
    for (const part of header.split(",")) {
        const [name, value = ""] = part.trim().split("=", 2);
        if (name === "t") {
            if (!/^\d+$/.test(value))
                return false;
            timestamp = Number(value);
        }
        else if (name === "v1") {
            candidates.push(value);
        }
    }
    if (timestamp === undefined || candidates.length === 0)
        return false;
    const now = options.now ?? Date.now() / 1000;
    if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
        return false;
    const body = typeof payload === "string" ? Buffer.from(payload, "utf8") : Buffer.from(payload);
    const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
    // Every candidate is compared, so the time taken does not say which one matched.
    let matched = false;
    for (const candidate of candidates) {
        const given = Buffer.from(candidate, "hex");
        if (given.length === expected.length && timingSafeEqual(given, expected))
            matched = true;
    }
    return matched;
}
