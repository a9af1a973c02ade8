"""The distribution chain through the generated SDK: a distributor invites a partner, the
partner orders, the distributor allocates its stock against the order, and a card in stock
is inert until then."""

import pytest

from conftest import OPERATOR_SECRET
from keyport import Problem, connect, unwrap
from keyport_client.api.auth import auth_token
from keyport_client.api.distribution import (
    distribution_allocate,
    distribution_get_order,
    distribution_partner_stock,
    distribution_place_order,
)
from keyport_client.api.distributors import (
    distributors_create,
    distributors_create_client,
    distributors_stock_report,
)
from keyport_client.api.keys import keys_create_batch, keys_movements, keys_list_keys, keys_validate_key
from keyport_client.api.partners import partners_create, partners_create_client
from keyport_client.api.reseller_relationships import reseller_relationships_accept, reseller_relationships_invite
from keyport_client.models import (
    CreateAllocation,
    CreateApiClient,
    CreateDistributor,
    CreateKeyBatch,
    CreateOrder,
    CreatePartner,
    InviteReseller,
    KeyInput,
    SerialRange,
    TokenRequest,
)

BASIC = "01900000-0000-7000-8000-000000000001"


def client_of(url: str, credentials) -> object:
    body = TokenRequest(grant_type="client_credentials", client_id=credentials.client_id, client_secret=credentials.client_secret)
    return connect(url, unwrap(auth_token.sync_detailed(client=connect(url), body=body)).access_token)


def test_a_distributor_allocates_its_stock_against_a_partners_order(keyport_url):
    token = TokenRequest(grant_type="client_credentials", client_id="operator", client_secret=OPERATOR_SECRET)
    operator = connect(keyport_url, unwrap(auth_token.sync_detailed(client=connect(keyport_url), body=token)).access_token)
    distributor = unwrap(distributors_create.sync_detailed(client=operator, body=CreateDistributor(name="Aegean Distribution")))
    dist = client_of(keyport_url, unwrap(distributors_create_client.sync_detailed(distributor.id, client=operator, body=CreateApiClient())))
    partner = unwrap(partners_create.sync_detailed(client=operator, body=CreatePartner(name="Piraeus IT")))
    reseller = client_of(keyport_url, unwrap(partners_create_client.sync_detailed(partner.id, client=operator, body=CreateApiClient())))

    invited = unwrap(reseller_relationships_invite.sync_detailed(client=dist, body=InviteReseller(partner_number=partner.partner_number)))
    assert str(invited.status) == "invited"
    assert str(unwrap(reseller_relationships_accept.sync_detailed(invited.id, client=reseller)).status) == "active"
    order = unwrap(
        distribution_place_order.sync_detailed(
            client=reseller, body=CreateOrder(distributor_id=distributor.id, product_id=BASIC, quantity=3, reference="PO-1")
        )
    )
    stock = unwrap(
        keys_create_batch.sync_detailed(
            client=operator,
            body=CreateKeyBatch(product_id=BASIC, distributor_id=distributor.id, seats_per_key=1, term_months=12, quantity=5),
        )
    )
    assert len(stock.first_serial) == 12 and int(stock.last_serial) == int(stock.first_serial) + 4

    # In stock, a card is an unknown key to the partner.
    with pytest.raises(Problem) as refused:
        unwrap(keys_validate_key.sync_detailed(client=reseller, body=KeyInput(key=stock.keys[0])))
    assert (refused.value.status, refused.value.code) == (404, "key-not-found")

    last = f"{int(stock.first_serial) + 2:012d}"
    allocation = unwrap(
        distribution_allocate.sync_detailed(
            client=dist,
            body=CreateAllocation(partner_id=partner.id, ranges=[SerialRange(from_=stock.first_serial, to=last)], order_id=order.id),
        )
    )
    assert allocation.quantity == 3
    assert str(unwrap(distribution_get_order.sync_detailed(order.id, client=reseller)).status) == "fulfilled"
    assert str(unwrap(keys_validate_key.sync_detailed(client=reseller, body=KeyInput(key=stock.keys[0]))).status) == "available"

    report = unwrap(distributors_stock_report.sync_detailed(distributor.id, client=dist))
    assert (report[0].in_stock, report[0].allocated) == (2, 3)
    assert unwrap(distribution_partner_stock.sync_detailed(partner.id, client=reseller))[0].available == 3
    card = unwrap(keys_list_keys.sync_detailed(client=reseller, serial=stock.first_serial)).data[0]
    ledger = unwrap(keys_movements.sync_detailed(card.id, client=dist)).data
    assert [str(m.kind) for m in ledger] == ["minted", "allocated"]

    # More than the order asked for is refused, with its code.
    with pytest.raises(Problem) as refused:
        unwrap(distribution_allocate.sync_detailed(client=dist, body=CreateAllocation(partner_id=partner.id, product_id=BASIC, quantity=9)))
    assert (refused.value.status, refused.value.code) == (409, "insufficient-stock")
