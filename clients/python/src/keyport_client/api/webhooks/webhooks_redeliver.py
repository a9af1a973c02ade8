from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_view import DeliveryView
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_idempotency_key_in_flight import ProblemIdempotencyKeyInFlight
from ...models.problem_idempotency_key_reused_or_validation_failed import ProblemIdempotencyKeyReusedOrValidationFailed
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    delivery_id: UUID,
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
        "url": "/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/redeliver".format(
            id=quote(str(id), safe=""),
            delivery_id=quote(str(delivery_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DeliveryView
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    if response.status_code == 202:
        response_202 = DeliveryView.from_dict(response.json())

        return response_202

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
        response_409 = ProblemIdempotencyKeyInFlight.from_dict(response.json())

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
    DeliveryView
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
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
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    DeliveryView
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
]:
    """Redeliver

     Makes a delivery due again now: one more attempt (a delivered one is sent again with
    the same event id).

    Args:
        id (UUID):
        delivery_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryView | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion]
    """

    kwargs = _get_kwargs(
        id=id,
        delivery_id=delivery_id,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    DeliveryView
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    """Redeliver

     Makes a delivery due again now: one more attempt (a delivered one is sent again with
    the same event id).

    Args:
        id (UUID):
        delivery_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryView | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion
    """

    return sync_detailed(
        id=id,
        delivery_id=delivery_id,
        client=client,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    DeliveryView
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
]:
    """Redeliver

     Makes a delivery due again now: one more attempt (a delivered one is sent again with
    the same event id).

    Args:
        id (UUID):
        delivery_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryView | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion]
    """

    kwargs = _get_kwargs(
        id=id,
        delivery_id=delivery_id,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    DeliveryView
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    """Redeliver

     Makes a delivery due again now: one more attempt (a delivered one is sent again with
    the same event id).

    Args:
        id (UUID):
        delivery_id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryView | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion
    """

    return (
        await asyncio_detailed(
            id=id,
            delivery_id=delivery_id,
            client=client,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
