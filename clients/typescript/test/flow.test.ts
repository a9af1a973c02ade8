import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createServer, type Server } from "node:http";

import { createKeyportClient, KeyportProblem, retryingFetch, unwrap } from "../src/index.js";
import { OPERATOR_SECRET, type Running, startKeyport } from "./server.js";

let keyport: Running;
before(async () => {
  keyport = await startKeyport();
});
after(async () => {
  await keyport.stop();
});

async function clientToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const anonymous = createKeyportClient({ baseUrl });
  const token = unwrap(
    await anonymous.POST("/v1/auth/token", {
      body: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
    }),
  );
  return token.access_token;
}

test("the redemption flow through the SDK, and a problem's code", async () => {
  const baseUrl = keyport.baseUrl;
  const operator = createKeyportClient({ baseUrl, token: await clientToken(baseUrl, "operator", OPERATOR_SECRET) });
  const partner = unwrap(
    await operator.POST("/v1/partners", {
      body: { name: "Contoso IT", reseller: { distributor: "Northwind", since: "2025-01-15" }, cloud_essentials: true },
    }),
  );
  const credentials = unwrap(await operator.POST("/v1/partners/{id}/api-clients", { params: { path: { id: partner.id } }, body: {} }));
  const products = unwrap(await operator.GET("/v1/products", { params: { query: { limit: 10 } } }));
  const standard = products.data.find((p) => p.sku === "M365-BUSINESS-STANDARD");
  assert.ok(standard);
  const batch = unwrap(
    await operator.POST("/v1/key-batches", {
      body: { product_id: standard.id, partner_id: partner.id, seats_per_key: 10, term_months: 12, quantity: 1 },
    }),
  );
  assert.ok(typeof batch !== "string", "JSON unless CSV is asked for");
  const key = batch.keys[0];

  const client = createKeyportClient({
    baseUrl,
    token: await clientToken(baseUrl, credentials.client_id, credentials.client_secret),
  });
  const redemption = unwrap(await client.POST("/v1/redemptions", { body: { acknowledged: true } }));
  assert.equal(redemption.status, "open");
  const entry = unwrap(await client.POST("/v1/redemptions/{id}/keys", { params: { path: { id: redemption.id } }, body: { key } }));
  assert.equal(entry.seats, 10);
  const review = unwrap(await client.GET("/v1/redemptions/{id}", { params: { path: { id: redemption.id } } }));
  assert.equal(review.totals[0].seats, 10);
  unwrap(await client.POST("/v1/redemptions/{id}/confirm", { params: { path: { id: redemption.id } } }));
  const account = unwrap(
    await client.POST("/v1/redemptions/{id}/account", {
      params: { path: { id: redemption.id } },
      body: {
        country: "GR",
        company_name: "Fabrikam Ltd",
        domain: "fabrikam",
        admin: { first_name: "Maria", last_name: "Papadopoulou", email: "maria@fabrikam.example" },
      },
    }),
  );
  assert.equal(account.tenant.domain, "fabrikam");
  assert.equal(account.subscriptions[0].status, "active");

  // A problem surfaces its code.
  const again = await client.POST("/v1/redemptions/{id}/keys", { params: { path: { id: redemption.id } }, body: { key } });
  assert.throws(() => unwrap(again), (error: unknown) => {
    assert.ok(error instanceof KeyportProblem);
    assert.equal(error.status, 409);
    assert.equal(error.code, "redemption-completed");
    assert.ok(error.requestId);
    return true;
  });
});

test("429 and 503 are retried after Retry-After; a POST keeps one Idempotency-Key", async () => {
  const seen: Array<{ method: string; key: string | undefined }> = [];
  let calls = 0;
  const server: Server = createServer((request, response) => {
    calls++;
    seen.push({ method: request.method ?? "", key: request.headers["idempotency-key"] as string | undefined });
    if (calls === 1) {
      response.writeHead(503, { "retry-after": "0", "content-type": "application/problem+json" });
      response.end(JSON.stringify({ code: "service-unavailable" }));
    } else if (calls === 2) {
      response.writeHead(429, { "retry-after": "0", "content-type": "application/problem+json" });
      response.end(JSON.stringify({ code: "rate-limited" }));
    } else {
      response.writeHead(201, { "content-type": "application/json" });
      response.end(JSON.stringify({ id: "r1", status: "open", keys: [], totals: [], expires_at: "2026-01-01T00:00:00Z", created_at: "2026-01-01T00:00:00Z", tenant_id: null }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  assert.ok(address && typeof address === "object");
  const waits: number[] = [];
  const client = createKeyportClient({
    baseUrl: `http://127.0.0.1:${address.port}`,
    token: "t",
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const created = unwrap(await client.POST("/v1/redemptions", { body: { acknowledged: true } }));
  server.close();
  assert.equal(created.id, "r1");
  assert.equal(calls, 3);
  assert.deepEqual(waits, [0, 0], "Retry-After: 0 is honoured");
  assert.ok(seen[0].key, "the SDK adds an Idempotency-Key");
  assert.ok(seen.every((s) => s.key === seen[0].key), "the same key on every attempt");
});

test("network errors are retried for POSTs with their key, not for PATCH", async () => {
  const keys: Array<string | null> = [];
  let failures = 0;
  const flaky = async (request: Request) => {
    keys.push(request.headers.get("idempotency-key"));
    if (failures++ < 2) throw new TypeError("fetch failed");
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  };
  const noWait = async () => {};
  const post = await retryingFetch(flaky, 3, noWait)(new Request("http://x/v1/redemptions", { method: "POST", body: "{}" }));
  assert.equal(post.status, 200);
  assert.equal(keys.length, 3);
  assert.ok(keys[0] && keys.every((k) => k === keys[0]));
  failures = 0;
  await assert.rejects(retryingFetch(flaky, 3, noWait)(new Request("http://x/v1/tenants/t", { method: "PATCH", body: "{}" })));
});
