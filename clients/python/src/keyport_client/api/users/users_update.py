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
from ...models.problem_last_admin_or_tenant_data_deleted_or_user_exists import (
    ProblemLastAdminOrTenantDataDeletedOrUserExists,
)
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.problem_validation_failed import ProblemValidationFailed
from ...models.update_user import UpdateUser
from ...models.user_view import UserView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    user_id: UUID,
    *,
    body: UpdateUser,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/tenants/{id}/users/{user_id}".format(
            id=quote(str(id), safe=""),
            user_id=quote(str(user_id), safe=""),
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
    | ProblemLastAdminOrTenantDataDeletedOrUserExists
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | UserView
    | None
):
    if response.status_code == 200:
        response_200 = UserView.from_dict(response.json())

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
        response_409 = ProblemLastAdminOrTenantDataDeletedOrUserExists.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemValidationFailed.from_dict(response.json())

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
    | ProblemLastAdminOrTenantDataDeletedOrUserExists
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | UserView
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateUser,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemLastAdminOrTenantDataDeletedOrUserExists
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | UserView
]:
    """Update a user

     A tenant keeps at least one administrator: demoting the last one answers `last-admin`.
    A delegated admin needs `user_administrator`, and `global_administrator` to change an
    admin user or make one.

    Args:
        id (UUID):
        user_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateUser):  Example: {'admin': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemLastAdminOrTenantDataDeletedOrUserExists | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed | UserView]
    """

    kwargs = _get_kwargs(
        id=id,
        user_id=user_id,
        body=body,
        keyport_version=keyport_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateUser,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemLastAdminOrTenantDataDeletedOrUserExists
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | UserView
    | None
):
    """Update a user

     A tenant keeps at least one administrator: demoting the last one answers `last-admin`.
    A delegated admin needs `user_administrator`, and `global_administrator` to change an
    admin user or make one.

    Args:
        id (UUID):
        user_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateUser):  Example: {'admin': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemLastAdminOrTenantDataDeletedOrUserExists | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed | UserView
    """

    return sync_detailed(
        id=id,
        user_id=user_id,
        client=client,
        body=body,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateUser,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemLastAdminOrTenantDataDeletedOrUserExists
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | UserView
]:
    """Update a user

     A tenant keeps at least one administrator: demoting the last one answers `last-admin`.
    A delegated admin needs `user_administrator`, and `global_administrator` to change an
    admin user or make one.

    Args:
        id (UUID):
        user_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateUser):  Example: {'admin': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemLastAdminOrTenantDataDeletedOrUserExists | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed | UserView]
    """

    kwargs = _get_kwargs(
        id=id,
        user_id=user_id,
        body=body,
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateUser,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemLastAdminOrTenantDataDeletedOrUserExists
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | UserView
    | None
):
    """Update a user

     A tenant keeps at least one administrator: demoting the last one answers `last-admin`.
    A delegated admin needs `user_administrator`, and `global_administrator` to change an
    admin user or make one.

    Args:
        id (UUID):
        user_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateUser):  Example: {'admin': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemLastAdminOrTenantDataDeletedOrUserExists | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed | UserView
    """

    return (
        await asyncio_detailed(
            id=id,
            user_id=user_id,
            client=client,
            body=body,
            keyport_version=keyport_version,
        )
    ).parsed
