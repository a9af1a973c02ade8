from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.relationship_view import RelationshipView
from ...models.update_relationship import UpdateRelationship
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: UpdateRelationship,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/delegated-admin-relationships/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RelationshipView | None:
    if response.status_code == 200:
        response_200 = RelationshipView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RelationshipView]:
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
    body: UpdateRelationship,
) -> Response[Problem | RelationshipView]:
    """Turn auto-extend off

     A tenant administrator stops a relationship from extending itself: it ends at the end
    of its current term (`ends_at`), and both sides get expiry notices 30, 7 and 1 days
    before. Turning it on is not possible here; the partner offers it.

    Args:
        id (UUID):
        body (UpdateRelationship):  Example: {'auto_extend': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipView]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateRelationship,
) -> Problem | RelationshipView | None:
    """Turn auto-extend off

     A tenant administrator stops a relationship from extending itself: it ends at the end
    of its current term (`ends_at`), and both sides get expiry notices 30, 7 and 1 days
    before. Turning it on is not possible here; the partner offers it.

    Args:
        id (UUID):
        body (UpdateRelationship):  Example: {'auto_extend': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipView
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateRelationship,
) -> Response[Problem | RelationshipView]:
    """Turn auto-extend off

     A tenant administrator stops a relationship from extending itself: it ends at the end
    of its current term (`ends_at`), and both sides get expiry notices 30, 7 and 1 days
    before. Turning it on is not possible here; the partner offers it.

    Args:
        id (UUID):
        body (UpdateRelationship):  Example: {'auto_extend': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipView]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateRelationship,
) -> Problem | RelationshipView | None:
    """Turn auto-extend off

     A tenant administrator stops a relationship from extending itself: it ends at the end
    of its current term (`ends_at`), and both sides get expiry notices 30, 7 and 1 days
    before. Turning it on is not possible here; the partner offers it.

    Args:
        id (UUID):
        body (UpdateRelationship):  Example: {'auto_extend': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipView
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
