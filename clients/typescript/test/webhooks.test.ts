import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { API_VERSION, createKeyportClient, unwrap, verifySignature } from "../src/index.js";
import { OPERATOR_SECRET, type Running, startKeyport } from "./server.js";

let keyport: Running;
before(async () => {
  keyport = await startKeyport();
});
after(async () => {
  await keyport.stop();
});

test("verifySignature on real deliveries", async () => {
  const received: { signature: string; body: Buffer }[] = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ signature: String(request.headers["keyport-signature"]), body: Buffer.concat(chunks) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;

  const baseUrl = keyport.baseUrl;
  const anonymous = createKeyportClient({ baseUrl });
  const token = unwrap(
    await anonymous.POST("/v1/auth/token", {
      body: { grant_type: "client_credentials", client_id: "operator", client_secret: OPERATOR_SECRET },
    }),
  ).access_token;
  const operator = createKeyportClient({ baseUrl, token });
  const registered = await operator.POST("/v1/webhook-endpoints", {
    body: { url: `http://127.0.0.1:${port}/hook`, events: ["subscription.expired"] },
  });
  // The SDK speaks the version it was generated from, and the answer has its shape.
  assert.equal(registered.response.headers.get("keyport-version"), API_VERSION);
  const created = unwrap(registered);
  assert.equal(created.api_version, API_VERSION);
  const id = created.id;
  const delivered = async (count: number) => {
    for (let i = 0; i < 100 && received.length < count; i++) {
      unwrap(await operator.POST("/v1/jobs/deliver-webhooks", {}));
      if (received.length < count) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(received.length >= count, "a delivery arrived");
    return received[count - 1];
  };

  unwrap(await operator.POST("/v1/webhook-endpoints/{id}/test", { params: { path: { id } } }));
  const { signature, body } = await delivered(1);
  assert.ok(verifySignature(body, signature, created.secret));
  assert.ok(verifySignature(body.toString("utf8"), signature, created.secret), "string payloads too");
  assert.ok(!verifySignature(Buffer.concat([body, Buffer.from(" ")]), signature, created.secret), "a changed body");
  assert.ok(!verifySignature(body, signature, "whsec_wrong"), "another secret");
  const stamp = Number(signature.split(",")[0].slice(2));
  assert.ok(!verifySignature(body, signature, created.secret, { now: stamp + 301 }), "too old");
  assert.ok(verifySignature(body, signature, created.secret, { now: stamp + 299 }));
  assert.ok(!verifySignature(body, "garbage", created.secret));
  assert.equal(JSON.parse(body.toString("utf8")).type, "ping");

  const rotated = unwrap(await operator.POST("/v1/webhook-endpoints/{id}/rotate-secret", { params: { path: { id } } }));
  unwrap(await operator.POST("/v1/webhook-endpoints/{id}/test", { params: { path: { id } } }));
  const second = await delivered(2);
  assert.ok(verifySignature(second.body, second.signature, created.secret));
  assert.ok(verifySignature(second.body, second.signature, rotated.secret));
  receiver.close();
});
