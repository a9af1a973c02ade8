from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_import_view import UserImportView
from ...types import Response


def _get_kwargs(
    id: UUID,
    import_id: UUID,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{id}/user-imports/{import_id}".format(
            id=quote(str(id), safe=""),
            import_id=quote(str(import_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UserImportView | None:
    if response.status_code == 200:
        response_200 = UserImportView.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | UserImportView]:
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
) -> Response[Problem | UserImportView]:
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserImportView]
    """

    kwargs = _get_kwargs(
        id=id,
        import_id=import_id,
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
) -> Problem | UserImportView | None:
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserImportView
    """

    return sync_detailed(
        id=id,
        import_id=import_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | UserImportView]:
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserImportView]
    """

    kwargs = _get_kwargs(
        id=id,
        import_id=import_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | UserImportView | None:
    """Read a user import

     Its status, counts and every row's outcome so far. For who may read the tenant's
    directory. The importer also gets, once, the activation token of each user created
    since it last read the import (`rows[].activation_token`): keep them.

    Args:
        id (UUID):
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserImportView
    """

    return (
        await asyncio_detailed(
            id=id,
            import_id=import_id,
            client=client,
        )
    ).parsed
