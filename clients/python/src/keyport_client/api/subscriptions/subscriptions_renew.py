from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_delegated_admin_required_or_delegated_role_required_or_forbidden import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden,
)
from ...models.problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_seats_below_assigned_or_subscription_deleted_or_subscription_superseded_or_tenant_data_deleted import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted,
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
from ...models.renewal_request_type_0 import RenewalRequestType0
from ...models.renewal_request_type_1 import RenewalRequestType1
from ...models.renewal_view import RenewalView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: RenewalRequestType0 | RenewalRequestType1,
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
        "url": "/v1/subscriptions/{id}/renewals".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, RenewalRequestType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RenewalView
    | None
):
    if response.status_code == 201:
        response_201 = RenewalView.from_dict(response.json())

        return response_201

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
        response_409 = ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted.from_dict(
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
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RenewalView
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
    body: RenewalRequestType0 | RenewalRequestType1,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RenewalView
]:
    """Renew a subscription

     `{"method": "product_key", "key": …}`: the partner of record or a delegated admin with
    `billing_administrator` redeems another key of the same product. While the subscription is `active`
    or
    `expired` the new term starts at its end date (no day lost); when `disabled` it starts
    now (reactivation). The seats become the key's.

    `{"method": "direct_billing"}`: a tenant administrator, the partner of record or a
    delegated admin with `billing_administrator` moves the customer to the platform's billing. A new
    subscription
    (billing `direct`, same product and seats, starting now) replaces this one, which
    becomes `superseded`; licences and the partner of record move across. `forfeited_days`
    reports the whole days of the old term given up — renew shortly before the end date.

    A renewal starts a fresh schedule of renewal notices.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RenewalRequestType0 | RenewalRequestType1): How a subscription is renewed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RenewalView]
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
    body: RenewalRequestType0 | RenewalRequestType1,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RenewalView
    | None
):
    """Renew a subscription

     `{"method": "product_key", "key": …}`: the partner of record or a delegated admin with
    `billing_administrator` redeems another key of the same product. While the subscription is `active`
    or
    `expired` the new term starts at its end date (no day lost); when `disabled` it starts
    now (reactivation). The seats become the key's.

    `{"method": "direct_billing"}`: a tenant administrator, the partner of record or a
    delegated admin with `billing_administrator` moves the customer to the platform's billing. A new
    subscription
    (billing `direct`, same product and seats, starting now) replaces this one, which
    becomes `superseded`; licences and the partner of record move across. `forfeited_days`
    reports the whole days of the old term given up — renew shortly before the end date.

    A renewal starts a fresh schedule of renewal notices.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RenewalRequestType0 | RenewalRequestType1): How a subscription is renewed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RenewalView
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
    body: RenewalRequestType0 | RenewalRequestType1,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RenewalView
]:
    """Renew a subscription

     `{"method": "product_key", "key": …}`: the partner of record or a delegated admin with
    `billing_administrator` redeems another key of the same product. While the subscription is `active`
    or
    `expired` the new term starts at its end date (no day lost); when `disabled` it starts
    now (reactivation). The seats become the key's.

    `{"method": "direct_billing"}`: a tenant administrator, the partner of record or a
    delegated admin with `billing_administrator` moves the customer to the platform's billing. A new
    subscription
    (billing `direct`, same product and seats, starting now) replaces this one, which
    becomes `superseded`; licences and the partner of record move across. `forfeited_days`
    reports the whole days of the old term given up — renew shortly before the end date.

    A renewal starts a fresh schedule of renewal notices.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RenewalRequestType0 | RenewalRequestType1): How a subscription is renewed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RenewalView]
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
    body: RenewalRequestType0 | RenewalRequestType1,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed
    | ProblemKeyNotFoundOrNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RenewalView
    | None
):
    """Renew a subscription

     `{"method": "product_key", "key": …}`: the partner of record or a delegated admin with
    `billing_administrator` redeems another key of the same product. While the subscription is `active`
    or
    `expired` the new term starts at its end date (no day lost); when `disabled` it starts
    now (reactivation). The seats become the key's.

    `{"method": "direct_billing"}`: a tenant administrator, the partner of record or a
    delegated admin with `billing_administrator` moves the customer to the platform's billing. A new
    subscription
    (billing `direct`, same product and seats, starting now) replaces this one, which
    becomes `superseded`; licences and the partner of record move across. `forfeited_days`
    reports the whole days of the old term given up — renew shortly before the end date.

    A renewal starts a fresh schedule of renewal notices.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RenewalRequestType0 | RenewalRequestType1): How a subscription is renewed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed | ProblemKeyNotFoundOrNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RenewalView
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
