"""Checks before sending, and problem codes typed per operation."""

import pytest

from conftest import OPERATOR_SECRET
from keyport import FormatError, check_format, connect, unwrap
from keyport_client.api.auth import auth_token
from keyport_client.api.catalogue import catalogue_create_product
from keyport_client.models import CreateProduct, TokenRequest


def test_a_value_its_fields_pattern_refuses_is_caught_before_it_is_sent():
    with pytest.raises(FormatError) as refused:
        check_format("KeyInput.key", "not a key")
    assert refused.value.field == "KeyInput.key"
    with pytest.raises(FormatError):
        check_format("SignUp.country", "gr")
    typed = "bcdfg hjkmp-qrtvw xy234 6789b"
    assert check_format("KeyInput.key", typed) == typed


def test_a_problems_code_is_an_enum_of_its_operations_codes(keyport_url):
    token = unwrap(
        auth_token.sync_detailed(
            client=connect(keyport_url),
            body=TokenRequest(grant_type="client_credentials", client_id="operator", client_secret=OPERATOR_SECRET),
        )
    ).access_token
    operator = connect(keyport_url, token)
    answer = catalogue_create_product.sync_detailed(
        client=operator, body=CreateProduct(sku="M365-BUSINESS-STANDARD", name="Again")
    )
    assert answer.status_code == 409
    code = answer.parsed.code
    # An enum of what this answer can carry, not a free string.
    assert {c.value for c in type(code)} >= {"sku-taken"}
    assert "key-reserved" not in {c.value for c in type(code)}
    match code.value:
        case "sku-taken":
            handled = "pick another SKU"
        case _:
            handled = "other"
    assert handled == "pick another SKU"
