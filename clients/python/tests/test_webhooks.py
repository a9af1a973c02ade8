"""A real delivery to a receiver on loopback, verified with the SDK's verify_signature."""

import http.server
import threading
import time

from conftest import OPERATOR_SECRET
from keyport import API_VERSION, connect, unwrap, verify_signature
from keyport_client.api.auth import auth_token
from keyport_client.api.operations import operations_deliver_webhooks
from keyport_client.api.webhooks import webhooks_register, webhooks_rotate_secret, webhooks_test
from keyport_client.models import CreateEndpoint, EventType, TokenRequest


class Receiver(http.server.BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self) -> None:  # noqa: N802 (the handler's name is http.server's)
        body = self.rfile.read(int(self.headers["content-length"]))
        Receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def delivered(client, count: int) -> tuple[dict[str, str], bytes]:
    for _ in range(100):
        unwrap(operations_deliver_webhooks.sync_detailed(client=client))
        if len(Receiver.received) >= count:
            return Receiver.received[count - 1]
        time.sleep(0.1)
    raise AssertionError("no delivery arrived")


def test_verify_signature_of_real_deliveries(keyport_url):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    token = unwrap(
        auth_token.sync_detailed(
            client=connect(keyport_url),
            body=TokenRequest(grant_type="client_credentials", client_id="operator", client_secret=OPERATOR_SECRET),
        )
    ).access_token
    operator = connect(keyport_url, token)
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    registered = webhooks_register.sync_detailed(client=operator, body=CreateEndpoint(url=url, events=[EventType.SUBSCRIPTION_EXPIRED]))
    # The SDK speaks the version it was generated from, and the answer has its shape.
    assert registered.headers["keyport-version"] == API_VERSION
    created = unwrap(registered)
    assert created.api_version.value == API_VERSION
    secret = created.secret
    assert secret.startswith("whsec_")

    unwrap(webhooks_test.sync_detailed(created.id, client=operator))
    headers, body = delivered(operator, 1)
    assert headers["keyport-version"] == API_VERSION
    signature = headers["keyport-signature"]
    assert verify_signature(body, signature, secret)
    assert verify_signature(body.decode(), signature, secret), "str payloads too"
    assert not verify_signature(body + b" ", signature, secret), "a changed body"
    assert not verify_signature(body, signature, "whsec_wrong"), "another secret"
    stamp = int(signature.split(",")[0][2:])
    assert not verify_signature(body, signature, secret, now=stamp + 301), "too old"
    assert verify_signature(body, signature, secret, now=stamp + 299)
    assert not verify_signature(body, "v1=" + signature.split("v1=")[1], secret), "no timestamp"
    assert not verify_signature(body, "garbage", secret)

    # After a rotation both secrets verify, for a day.
    rotated = unwrap(webhooks_rotate_secret.sync_detailed(created.id, client=operator))
    unwrap(webhooks_test.sync_detailed(created.id, client=operator))
    headers, body = delivered(operator, 2)
    assert verify_signature(body, headers["keyport-signature"], secret)
    assert verify_signature(body, headers["keyport-signature"], rotated.secret)
    server.shutdown()
