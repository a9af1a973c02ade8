from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_delegated_admin_required_or_forbidden import ProblemDelegatedAdminRequiredOrForbidden
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...models.problem_validation_failed import ProblemValidationFailed
from ...models.user_import_view import UserImportView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    import_id: UUID,
    *,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{id}/user-imports/{import_id}".format(
            id=quote(str(id), safe=""),
            import_id=quote(str(import_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemDelegatedAdminRequiredOrForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | UserImportView
    | None
):
    if response.status_code == 200:
        response_200 = UserImportView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDelegatedAdminRequiredOrForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemNotFound.from_dict(response.json())

        return response_404

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
    ProblemDelegatedAdminRequiredOrForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | UserImportView
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | UserImportView
]:
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed | UserImportView]
    """

    kwargs = _get_kwargs(
        id=id,
        import_id=import_id,
        keyport_version=keyport_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | UserImportView
    | None
):
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed | UserImportView
    """

    return sync_detailed(
        id=id,
        import_id=import_id,
        client=client,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | UserImportView
]:
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed | UserImportView]
    """

    kwargs = _get_kwargs(
        id=id,
        import_id=import_id,
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | UserImportView
    | None
):
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed | UserImportView
    """

    return (
        await asyncio_detailed(
            id=id,
            import_id=import_id,
            client=client,
            keyport_version=keyport_version,
        )
    ).parsed
