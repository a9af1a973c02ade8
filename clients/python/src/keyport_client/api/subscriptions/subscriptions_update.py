from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_auto_renew_not_available_or_validation_failed import (
    ProblemAutoRenewNotAvailableOrValidationFailed,
)
from ...models.problem_delegated_admin_required_or_delegated_role_required_or_forbidden import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden,
)
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_subscription_deleted_or_subscription_inactive_or_subscription_superseded_or_tenant_data_deleted import (
    ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted,
)
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.subscription_view import SubscriptionView
from ...models.update_subscription import UpdateSubscription
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: UpdateSubscription,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/subscriptions/{id}".format(
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
    ProblemAutoRenewNotAvailableOrValidationFailed
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted
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
        response_404 = ProblemNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = (
            ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted.from_dict(
                response.json()
            )
        )

        return response_409

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemAutoRenewNotAvailableOrValidationFailed.from_dict(response.json())

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
    ProblemAutoRenewNotAvailableOrValidationFailed
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted
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
    body: UpdateSubscription,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemAutoRenewNotAvailableOrValidationFailed
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
]:
    """Turn automatic renewal on or off

     A direct-billed subscription renews itself for another term of the same length and
    seats at its end unless `auto_renew` is off. Its tenant's admins, its partner of record
    or a delegated admin with `billing_administrator` turn it on or off. Turned on after the
    end but in grace, it renews at once from its end; a renewal that fell due before the
    change is made first.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateSubscription): A change to a subscription. Example: {'auto_renew': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemAutoRenewNotAvailableOrValidationFailed | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        keyport_version=keyport_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateSubscription,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemAutoRenewNotAvailableOrValidationFailed
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
    | None
):
    """Turn automatic renewal on or off

     A direct-billed subscription renews itself for another term of the same length and
    seats at its end unless `auto_renew` is off. Its tenant's admins, its partner of record
    or a delegated admin with `billing_administrator` turn it on or off. Turned on after the
    end but in grace, it renews at once from its end; a renewal that fell due before the
    change is made first.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateSubscription): A change to a subscription. Example: {'auto_renew': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemAutoRenewNotAvailableOrValidationFailed | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateSubscription,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemAutoRenewNotAvailableOrValidationFailed
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
]:
    """Turn automatic renewal on or off

     A direct-billed subscription renews itself for another term of the same length and
    seats at its end unless `auto_renew` is off. Its tenant's admins, its partner of record
    or a delegated admin with `billing_administrator` turn it on or off. Turned on after the
    end but in grace, it renews at once from its end; a renewal that fell due before the
    change is made first.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateSubscription): A change to a subscription. Example: {'auto_renew': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemAutoRenewNotAvailableOrValidationFailed | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateSubscription,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemAutoRenewNotAvailableOrValidationFailed
    | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | SubscriptionView
    | None
):
    """Turn automatic renewal on or off

     A direct-billed subscription renews itself for another term of the same length and
    seats at its end unless `auto_renew` is off. Its tenant's admins, its partner of record
    or a delegated admin with `billing_administrator` turn it on or off. Turned on after the
    end but in grace, it renews at once from its end; a renewal that fell due before the
    change is made first.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateSubscription): A change to a subscription. Example: {'auto_renew': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemAutoRenewNotAvailableOrValidationFailed | ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted | ProblemUnauthorized | ProblemUnsupportedMediaType | SubscriptionView
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            keyport_version=keyport_version,
        )
    ).parsed
