import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { createKeyportClient, KeyportProblem, unwrap } from "../src/index.js";
import { OPERATOR_SECRET, type Running, startKeyport } from "./server.js";

const BASIC = "01900000-0000-7000-8000-000000000001";

let keyport: Running;
before(async () => {
  keyport = await startKeyport();
});
after(async () => {
  await keyport.stop();
});

async function signedIn(baseUrl: string, clientId: string, clientSecret: string) {
  const anonymous = createKeyportClient({ baseUrl });
  const token = unwrap(
    await anonymous.POST("/v1/auth/token", {
      body: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
    }),
  );
  return createKeyportClient({ baseUrl, token: token.access_token });
}

test("a distributor allocates its stock against a partner's order", async () => {
  const baseUrl = keyport.baseUrl;
  const operator = await signedIn(baseUrl, "operator", OPERATOR_SECRET);
  const distributor = unwrap(await operator.POST("/v1/distributors", { body: { name: "Aegean Distribution" } }));
  const distCredentials = unwrap(
    await operator.POST("/v1/distributors/{id}/api-clients", { params: { path: { id: distributor.id } }, body: {} }),
  );
  const dist = await signedIn(baseUrl, distCredentials.client_id, distCredentials.client_secret);
  const partner = unwrap(await operator.POST("/v1/partners", { body: { name: "Piraeus IT" } }));
  const credentials = unwrap(
    await operator.POST("/v1/partners/{id}/api-clients", { params: { path: { id: partner.id } }, body: {} }),
  );
  const reseller = await signedIn(baseUrl, credentials.client_id, credentials.client_secret);

  const invited = unwrap(await dist.POST("/v1/reseller-relationships", { body: { partner_number: partner.partner_number } }));
  assert.equal(invited.status, "invited");
  const accepted = unwrap(
    await reseller.POST("/v1/reseller-relationships/{id}/accept", { params: { path: { id: invited.id } } }),
  );
  assert.equal(accepted.status, "active");
  const order = unwrap(
    await reseller.POST("/v1/key-orders", { body: { distributor_id: distributor.id, product_id: BASIC, quantity: 2 } }),
  );
  const stock = unwrap(
    await operator.POST("/v1/key-batches", {
      body: { product_id: BASIC, distributor_id: distributor.id, seats_per_key: 1, term_months: 12, quantity: 4 },
    }),
  );
  assert.ok(typeof stock !== "string");
  assert.equal(Number(stock.last_serial) - Number(stock.first_serial), 3);

  // In stock, a card is an unknown key to the partner.
  const inert = await reseller.POST("/v1/keys/validate", { body: { key: stock.keys[0] } });
  assert.throws(() => unwrap(inert), (e: unknown) => e instanceof KeyportProblem && e.code === "key-not-found");

  const allocation = unwrap(
    await dist.POST("/v1/allocations", {
      body: { partner_id: partner.id, product_id: BASIC, quantity: 2, order_id: order.id },
    }),
  );
  assert.equal(allocation.first_serial, stock.first_serial, "oldest stock first");
  const fulfilled = unwrap(await reseller.GET("/v1/key-orders/{id}", { params: { path: { id: order.id } } }));
  assert.equal(fulfilled.status, "fulfilled");
  const report = unwrap(await dist.GET("/v1/distributors/{id}/stock", { params: { path: { id: distributor.id } } }));
  assert.deepEqual([report[0].in_stock, report[0].allocated], [2, 2]);
  const card = unwrap(await reseller.GET("/v1/keys", { params: { query: { serial: stock.first_serial } } })).data[0];
  const ledger = unwrap(await dist.GET("/v1/keys/{id}/movements", { params: { path: { id: card.id } } }));
  assert.deepEqual(
    ledger.data.map((m) => m.kind),
    ["minted", "allocated"],
  );
  const exceeded = await dist.POST("/v1/allocations", {
    body: { partner_id: partner.id, product_id: BASIC, quantity: 1, order_id: order.id },
  });
  assert.throws(() => unwrap(exceeded), (e: unknown) => e instanceof KeyportProblem && e.code === "order-not-open");
});
