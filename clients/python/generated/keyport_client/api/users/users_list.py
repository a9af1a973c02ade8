from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_of_user_view import ListOfUserView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["limit"] = limit

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{id}/users".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListOfUserView | Problem | None:
    if response.status_code == 200:
        response_200 = ListOfUserView.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ListOfUserView | Problem]:
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
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
) -> Response[ListOfUserView | Problem]:
    """List a tenant's users

     Administrators see every user; other users only themselves. A partner needs an active
    delegated-admin relationship (any role reads the directory). With `Accept: text/csv`
    the answer is every user at once (`limit` and `after` do not apply), as CSV:
    `email,first_name,last_name,admin,license_skus,activated,id,created_at`, licences as
    SKUs separated by `;` — the columns of a user import first.

    Args:
        id (UUID):
        limit (int | Unset):  Default: 50.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOfUserView | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        after=after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
) -> ListOfUserView | Problem | None:
    """List a tenant's users

     Administrators see every user; other users only themselves. A partner needs an active
    delegated-admin relationship (any role reads the directory). With `Accept: text/csv`
    the answer is every user at once (`limit` and `after` do not apply), as CSV:
    `email,first_name,last_name,admin,license_skus,activated,id,created_at`, licences as
    SKUs separated by `;` — the columns of a user import first.

    Args:
        id (UUID):
        limit (int | Unset):  Default: 50.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOfUserView | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        limit=limit,
        after=after,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
) -> Response[ListOfUserView | Problem]:
    """List a tenant's users

     Administrators see every user; other users only themselves. A partner needs an active
    delegated-admin relationship (any role reads the directory). With `Accept: text/csv`
    the answer is every user at once (`limit` and `after` do not apply), as CSV:
    `email,first_name,last_name,admin,license_skus,activated,id,created_at`, licences as
    SKUs separated by `;` — the columns of a user import first.

    Args:
        id (UUID):
        limit (int | Unset):  Default: 50.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOfUserView | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        after=after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
) -> ListOfUserView | Problem | None:
    """List a tenant's users

     Administrators see every user; other users only themselves. A partner needs an active
    delegated-admin relationship (any role reads the directory). With `Accept: text/csv`
    the answer is every user at once (`limit` and `after` do not apply), as CSV:
    `email,first_name,last_name,admin,license_skus,activated,id,created_at`, licences as
    SKUs separated by `;` — the columns of a user import first.

    Args:
        id (UUID):
        limit (int | Unset):  Default: 50.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOfUserView | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            limit=limit,
            after=after,
        )
    ).parsed
