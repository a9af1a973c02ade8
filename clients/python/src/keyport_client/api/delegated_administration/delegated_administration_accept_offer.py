from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_idempotency_key_in_flight_or_offer_not_pending_or_relationship_exists import (
    ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists,
)
from ...models.problem_idempotency_key_reused_or_validation_failed import ProblemIdempotencyKeyReusedOrValidationFailed
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...models.relationship_view import RelationshipView
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
        "url": "/v1/delegated-admin-offers/{id}/accept".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemForbidden
    | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | RelationshipView
    | None
):
    if response.status_code == 201:
        response_201 = RelationshipView.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ProblemUnsupportedApiVersion.from_dict(response.json())

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
        response_409 = ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists.from_dict(response.json())

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
    ProblemForbidden
    | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | RelationshipView
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
    ProblemForbidden
    | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | RelationshipView
]:
    """Accept an offer

     Creates the relationship: from now on the partner administers the tenant (users,
    licences, seats) until `ends_at` or until either side terminates it.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemForbidden | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | RelationshipView]
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
    ProblemForbidden
    | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | RelationshipView
    | None
):
    """Accept an offer

     Creates the relationship: from now on the partner administers the tenant (users,
    licences, seats) until `ends_at` or until either side terminates it.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemForbidden | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | RelationshipView
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
    ProblemForbidden
    | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | RelationshipView
]:
    """Accept an offer

     Creates the relationship: from now on the partner administers the tenant (users,
    licences, seats) until `ends_at` or until either side terminates it.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemForbidden | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | RelationshipView]
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
    ProblemForbidden
    | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | RelationshipView
    | None
):
    """Accept an offer

     Creates the relationship: from now on the partner administers the tenant (users,
    licences, seats) until `ends_at` or until either side terminates it.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemForbidden | ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | RelationshipView
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
