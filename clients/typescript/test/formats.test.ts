import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { checkFormat, createKeyportClient, KeyportValidationError, unwrap } from "../src/index.js";
import { OPERATOR_SECRET, type Running, startKeyport } from "./server.js";

let keyport: Running;
before(async () => {
  keyport = await startKeyport();
});
after(async () => {
  await keyport.stop();
});

test("a value its field's pattern refuses is caught before it is sent", () => {
  assert.throws(() => checkFormat("KeyInput.key", "not a key"), KeyportValidationError);
  assert.throws(() => checkFormat("SignUp.country", "gr"), KeyportValidationError);
  assert.throws(() => checkFormat("CreateProduct.sku", "lower-case"), KeyportValidationError);
  const typed = "bcdfg hjkmp-qrtvw xy234 6789b";
  assert.equal(checkFormat("KeyInput.key", typed), typed);
});

test("a problem's code is one of the codes its operation documents", async () => {
  const baseUrl = keyport.baseUrl;
  const anonymous = createKeyportClient({ baseUrl });
  const token = unwrap(
    await anonymous.POST("/v1/auth/token", {
      body: { grant_type: "client_credentials", client_id: "operator", client_secret: OPERATOR_SECRET },
    }),
  );
  const operator = createKeyportClient({ baseUrl, token: token.access_token });
  const result = await operator.POST("/v1/products", { body: { sku: "M365-BUSINESS-STANDARD", name: "Again" } });
  assert.ok(result.error);
  const code = result.error.code;
  let handled: string;
  switch (code) {
    case "sku-taken":
      handled = "pick another SKU";
      break;
    case "validation-failed":
      handled = "fix the fields";
      break;
    default:
      handled = `other: ${code}`;
  }
  assert.equal(handled, "pick another SKU");
  // The type holds only this operation's codes: another operation's does not compile.
  // @ts-expect-error `key-reserved` is not a code POST /v1/products answers
  const impossible: typeof code = "key-reserved";
  assert.ok(impossible);
});
