from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_created import AccountCreated
from ...models.create_account import CreateAccount
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_country_not_supported_or_idempotency_key_reused_or_no_keys_or_validation_failed import (
    ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed,
)
from ...models.problem_domain_taken_or_idempotency_key_in_flight_or_redemption_completed_or_redemption_not_confirmed_or_redemption_not_open_or_user_exists import (
    ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists,
)
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_redemption_expired import ProblemRedemptionExpired
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: CreateAccount,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/redemptions/{id}/account".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemRedemptionExpired
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | None
):
    if response.status_code == 201:
        response_201 = AccountCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists.from_dict(
            response.json()
        )

        return response_409

    if response.status_code == 410:
        response_410 = ProblemRedemptionExpired.from_dict(response.json())

        return response_410

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed.from_dict(
            response.json()
        )

        return response_422

    if response.status_code == 429:
        response_429 = ProblemRateLimited.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ProblemServiceUnavailable.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemRedemptionExpired
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateAccount,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemRedemptionExpired
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
]:
    """Create the customer's account

     "Create my account." In one transaction: the tenant, one subscription per product
    (seats summed), the admin user (tenant admin, with a licence on each new subscription),
    the keys marked redeemed and the redemption completed.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateAccount):  Example: {'admin': {'email': 'maria@fabrikam.example',
            'first_name': 'Maria', 'last_name': 'Papadopoulou'}, 'company_name': 'Fabrikam Ltd',
            'country': 'GR', 'domain': 'fabrikam'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemRedemptionExpired | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateAccount,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemRedemptionExpired
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | None
):
    """Create the customer's account

     "Create my account." In one transaction: the tenant, one subscription per product
    (seats summed), the admin user (tenant admin, with a licence on each new subscription),
    the keys marked redeemed and the redemption completed.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateAccount):  Example: {'admin': {'email': 'maria@fabrikam.example',
            'first_name': 'Maria', 'last_name': 'Papadopoulou'}, 'company_name': 'Fabrikam Ltd',
            'country': 'GR', 'domain': 'fabrikam'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemRedemptionExpired | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateAccount,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemRedemptionExpired
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
]:
    """Create the customer's account

     "Create my account." In one transaction: the tenant, one subscription per product
    (seats summed), the admin user (tenant admin, with a licence on each new subscription),
    the keys marked redeemed and the redemption completed.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateAccount):  Example: {'admin': {'email': 'maria@fabrikam.example',
            'first_name': 'Maria', 'last_name': 'Papadopoulou'}, 'company_name': 'Fabrikam Ltd',
            'country': 'GR', 'domain': 'fabrikam'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemRedemptionExpired | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateAccount,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemRedemptionExpired
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | None
):
    """Create the customer's account

     "Create my account." In one transaction: the tenant, one subscription per product
    (seats summed), the admin user (tenant admin, with a licence on each new subscription),
    the keys marked redeemed and the redemption completed.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateAccount):  Example: {'admin': {'email': 'maria@fabrikam.example',
            'first_name': 'Maria', 'last_name': 'Papadopoulou'}, 'company_name': 'Fabrikam Ltd',
            'country': 'GR', 'domain': 'fabrikam'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemRedemptionExpired | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
