from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancelled_subscription import CancelledSubscription
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_cancellation_not_available_or_cancellation_window_closed_or_idempotency_key_in_flight_or_subscription_deleted_or_subscription_superseded_or_tenant_data_deleted import (
    ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted,
)
from ...models.problem_delegated_admin_required_or_delegated_role_required_or_forbidden import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden,
)
from ...models.problem_idempotency_key_reused_or_validation_failed import ProblemIdempotencyKeyReusedOrValidationFailed
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
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
        "url": "/v1/subscriptions/{id}/cancel".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CancelledSubscription
    | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    if response.status_code == 200:
        response_200 = CancelledSubscription.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted.from_dict(
            response.json()
        )

        return response_409

    if response.status_code == 422:
        response_422 = ProblemIdempotencyKeyReusedOrValidationFailed.from_dict(response.json())

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
    CancelledSubscription
    | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
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
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    CancelledSubscription
    | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
]:
    """Cancel a direct-billed term

     Within 7 days after a direct-billed term began (a new subscription, a switch to direct
    billing or an automatic renewal) the tenant's admins or a delegated admin with
    `billing_administrator` cancel it: the term ends now, `auto_renew` goes off, the whole
    days left are refunded (`refund_days`) and the lifecycle runs from here (expired now,
    then grace). The tenant and the partner of record hear `subscription.cancelled`. A
    renewal that fell due before is made first, and it is that term that is cancelled.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelledSubscription | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion]
    """

    kwargs = _get_kwargs(
        id=id,
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
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    CancelledSubscription
    | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    """Cancel a direct-billed term

     Within 7 days after a direct-billed term began (a new subscription, a switch to direct
    billing or an automatic renewal) the tenant's admins or a delegated admin with
    `billing_administrator` cancel it: the term ends now, `auto_renew` goes off, the whole
    days left are refunded (`refund_days`) and the lifecycle runs from here (expired now,
    then grace). The tenant and the partner of record hear `subscription.cancelled`. A
    renewal that fell due before is made first, and it is that term that is cancelled.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelledSubscription | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion
    """

    return sync_detailed(
        id=id,
        client=client,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    CancelledSubscription
    | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
]:
    """Cancel a direct-billed term

     Within 7 days after a direct-billed term began (a new subscription, a switch to direct
    billing or an automatic renewal) the tenant's admins or a delegated admin with
    `billing_administrator` cancel it: the term ends now, `auto_renew` goes off, the whole
    days left are refunded (`refund_days`) and the lifecycle runs from here (expired now,
    then grace). The tenant and the partner of record hear `subscription.cancelled`. A
    renewal that fell due before is made first, and it is that term that is cancelled.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelledSubscription | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion]
    """

    kwargs = _get_kwargs(
        id=id,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    CancelledSubscription
    | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    """Cancel a direct-billed term

     Within 7 days after a direct-billed term began (a new subscription, a switch to direct
    billing or an automatic renewal) the tenant's admins or a delegated admin with
    `billing_administrator` cancel it: the term ends now, `auto_renew` goes off, the whole
    days left are refunded (`refund_days`) and the lifecycle runs from here (expired now,
    then grace). The tenant and the partner of record hear `subscription.cancelled`. A
    renewal that fell due before is made first, and it is that term that is cancelled.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelledSubscription | ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
