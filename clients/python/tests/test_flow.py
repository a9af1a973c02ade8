"""The partner flow to a tenant, then the customer's side, through the generated SDK."""

import httpx
import pytest
import datetime

from conftest import OPERATOR_SECRET
from keyport import Problem, RetryingTransport, connect, unwrap
from keyport_client.api.auth import auth_activate, auth_token
from keyport_client.api.catalogue import catalogue_list_products
from keyport_client.api.keys import keys_create_batch
from keyport_client.api.partners import partners_create, partners_create_client
from keyport_client.api.redemptions import (
    redemptions_add_key,
    redemptions_confirm,
    redemptions_create,
    redemptions_create_account,
    redemptions_get_one,
)
from keyport_client.api.subscriptions import subscriptions_get_one
from keyport_client.models import (
    ActivateRequest,
    AdminInput,
    CreateAccount,
    CreateApiClient,
    CreateKeyBatch,
    CreatePartner,
    CreateRedemption,
    KeyInput,
    Reseller,
    TokenRequest,
)


def sign_in(url: str, **form: str) -> str:
    token = unwrap(auth_token.sync_detailed(client=connect(url), body=TokenRequest(**form)))
    return token.access_token


def test_partner_flow_then_the_customer_signs_in(keyport_url):
    operator = connect(keyport_url, sign_in(keyport_url, grant_type="client_credentials", client_id="operator", client_secret=OPERATOR_SECRET))
    partner = unwrap(
        partners_create.sync_detailed(
            client=operator,
            body=CreatePartner(name="Contoso IT", reseller=Reseller(distributor="Northwind", since=datetime.date(2025, 1, 15)), cloud_essentials=True),
        )
    )
    credentials = unwrap(partners_create_client.sync_detailed(partner.id, client=operator, body=CreateApiClient()))
    products = unwrap(catalogue_list_products.sync_detailed(client=operator))
    standard = next(p for p in products.data if p.sku == "M365-BUSINESS-STANDARD")
    batch = unwrap(
        keys_create_batch.sync_detailed(
            client=operator,
            body=CreateKeyBatch(product_id=standard.id, partner_id=partner.id, seats_per_key=10, term_months=12, quantity=1),
        )
    )
    key = batch.keys[0]

    client = connect(
        keyport_url,
        sign_in(keyport_url, grant_type="client_credentials", client_id=credentials.client_id, client_secret=credentials.client_secret),
    )
    redemption = unwrap(redemptions_create.sync_detailed(client=client, body=CreateRedemption(acknowledged=True)))
    unwrap(redemptions_add_key.sync_detailed(redemption.id, client=client, body=KeyInput(key=key)))
    review = unwrap(redemptions_get_one.sync_detailed(redemption.id, client=client))
    assert review.totals[0].seats == 10
    unwrap(redemptions_confirm.sync_detailed(redemption.id, client=client))
    account = unwrap(
        redemptions_create_account.sync_detailed(
            redemption.id,
            client=client,
            body=CreateAccount(
                country="GR",
                company_name="Fabrikam Ltd",
                domain="fabrikam",
                admin=AdminInput(first_name="Maria", last_name="Papadopoulou", email="maria@fabrikam.example"),
            ),
        )
    )
    assert account.tenant.domain == "fabrikam"

    # The problem of a second add surfaces its code.
    with pytest.raises(Problem) as refused:
        unwrap(redemptions_add_key.sync_detailed(redemption.id, client=client, body=KeyInput(key=key)))
    assert refused.value.status == 409
    assert refused.value.code == "redemption-completed"

    # The customer's side: activate, sign in, read the subscription.
    password = "correct horse battery staple"
    activated = unwrap(
        auth_activate.sync_detailed(client=connect(keyport_url), body=ActivateRequest(activation_token=account.activation_token, password=password))
    )
    assert activated.email == "maria@fabrikam.example"
    admin = connect(keyport_url, sign_in(keyport_url, grant_type="password", username="maria@fabrikam.example", password=password))
    subscription = unwrap(subscriptions_get_one.sync_detailed(account.subscriptions[0].id, client=admin))
    assert subscription.seats == 10
    assert subscription.assigned_seats == 1
    assert str(subscription.status) == "active"


def test_retries_after_retry_after_with_one_idempotency_key():
    seen = []
    answers = [
        httpx.Response(503, headers={"retry-after": "0"}, json={"code": "service-unavailable"}),
        httpx.Response(429, headers={"retry-after": "0"}, json={"code": "rate-limited"}),
        httpx.Response(200, json={"status": "ok"}),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("idempotency-key"))
        return answers[len(seen) - 1]

    waits = []
    transport = RetryingTransport(sleep=waits.append, inner=httpx.MockTransport(handler))
    with httpx.Client(transport=transport) as http:
        response = http.post("http://keyport.test/v1/redemptions", json={"acknowledged": True})
    assert response.status_code == 200
    assert waits == [0.0, 0.0]
    assert seen[0] and seen.count(seen[0]) == 3


def test_network_errors_are_retried_except_for_patch():
    calls = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request.headers.get("idempotency-key"))
        if len(calls) < 3:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(201, json={})

    transport = RetryingTransport(sleep=lambda _: None, inner=httpx.MockTransport(flaky))
    with httpx.Client(transport=transport) as http:
        assert http.post("http://keyport.test/v1/partners", json={"name": "x"}).status_code == 201
    assert len(calls) == 3 and calls[0] and calls.count(calls[0]) == 3
    calls.clear()
    with httpx.Client(transport=transport) as http, pytest.raises(httpx.ConnectError):
        http.patch("http://keyport.test/v1/tenants/t", json={})
    assert len(calls) == 1
