from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.key_input import KeyInput
from ...models.problem_delegated_admin_required_or_delegated_role_required_or_forbidden import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden,
)
from ...models.problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_subscription_inactive_or_tenant_data_deleted import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted,
)
from ...models.problem_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_product_mismatch_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed,
)
from ...models.problem_key_not_found_or_not_found import ProblemKeyNotFoundOrNotFound
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.subscription_view import SubscriptionView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: KeyInput,
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
        "url": "/v1/subscriptions/{id}/keys".format(
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
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
    | None
):
    if response.status_code == 200:
        response_200 = SubscriptionView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemKeyNotFoundOrNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted.from_dict(
            response.json()
        )

        return response_409

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed.from_dict(
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
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
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
    body: KeyInput,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
]:
    """Add seats with another key

     Redeems another key of the same product on the subscription: its seats are added until
    the current end date (the key's term does not extend it). Tenant administrators use
    retail keys; a delegated admin (with `license_administrator`) its own keys.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (KeyInput):  Example: {'key': 'BCDFG-HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView]
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
    body: KeyInput,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
    | None
):
    """Add seats with another key

     Redeems another key of the same product on the subscription: its seats are added until
    the current end date (the key's term does not extend it). Tenant administrators use
    retail keys; a delegated admin (with `license_administrator`) its own keys.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (KeyInput):  Example: {'key': 'BCDFG-HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView
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
    body: KeyInput,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
]:
    """Add seats with another key

     Redeems another key of the same product on the subscription: its seats are added until
    the current end date (the key's term does not extend it). Tenant administrators use
    retail keys; a delegated admin (with `license_administrator`) its own keys.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (KeyInput):  Example: {'key': 'BCDFG-HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView]
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
    body: KeyInput,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
    | None
):
    """Add seats with another key

     Redeems another key of the same product on the subscription: its seats are added until
    the current end date (the key's term does not extend it). Tenant administrators use
    retail keys; a delegated admin (with `license_administrator`) its own keys.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (KeyInput):  Example: {'key': 'BCDFG-HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView
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
