from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_idempotency_key_in_flight import ProblemIdempotencyKeyInFlight
from ...models.problem_idempotency_key_reused_or_validation_failed import ProblemIdempotencyKeyReusedOrValidationFailed
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.rotate_secret import RotateSecret
from ...models.rotated_secret import RotatedSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    client_id: str,
    *,
    body: RotateSecret,
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
        "url": "/v1/partners/{id}/api-clients/{client_id}/rotate-secret".format(
            id=quote(str(id), safe=""),
            client_id=quote(str(client_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RotatedSecret
    | None
):
    if response.status_code == 200:
        response_200 = RotatedSecret.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ProblemNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemIdempotencyKeyInFlight.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

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
    ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RotatedSecret
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: RotateSecret,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RotatedSecret
]:
    """Rotate a partner API client's secret

     A new secret, shown only in this answer; the previous one keeps signing in on every
    instance for `previous_valid_for_hours` (0–168, default 24), so the integration switches
    with no downtime, then never again. Tokens already issued run out within their lifetime.
    Of concurrent rotations each secret is shown once and only the last two sign in. A
    revoked client answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RotateSecret): How long the secret being replaced keeps signing in. Example:
            {'previous_valid_for_hours': 24}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RotatedSecret]
    """

    kwargs = _get_kwargs(
        id=id,
        client_id=client_id,
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
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: RotateSecret,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RotatedSecret
    | None
):
    """Rotate a partner API client's secret

     A new secret, shown only in this answer; the previous one keeps signing in on every
    instance for `previous_valid_for_hours` (0–168, default 24), so the integration switches
    with no downtime, then never again. Tokens already issued run out within their lifetime.
    Of concurrent rotations each secret is shown once and only the last two sign in. A
    revoked client answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RotateSecret): How long the secret being replaced keeps signing in. Example:
            {'previous_valid_for_hours': 24}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RotatedSecret
    """

    return sync_detailed(
        id=id,
        client_id=client_id,
        client=client,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: RotateSecret,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RotatedSecret
]:
    """Rotate a partner API client's secret

     A new secret, shown only in this answer; the previous one keeps signing in on every
    instance for `previous_valid_for_hours` (0–168, default 24), so the integration switches
    with no downtime, then never again. Tokens already issued run out within their lifetime.
    Of concurrent rotations each secret is shown once and only the last two sign in. A
    revoked client answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RotateSecret): How long the secret being replaced keeps signing in. Example:
            {'previous_valid_for_hours': 24}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RotatedSecret]
    """

    kwargs = _get_kwargs(
        id=id,
        client_id=client_id,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: RotateSecret,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RotatedSecret
    | None
):
    """Rotate a partner API client's secret

     A new secret, shown only in this answer; the previous one keeps signing in on every
    instance for `previous_valid_for_hours` (0–168, default 24), so the integration switches
    with no downtime, then never again. Tokens already issued run out within their lifetime.
    Of concurrent rotations each secret is shown once and only the last two sign in. A
    revoked client answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (RotateSecret): How long the secret being replaced keeps signing in. Example:
            {'previous_valid_for_hours': 24}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RotatedSecret
    """

    return (
        await asyncio_detailed(
            id=id,
            client_id=client_id,
            client=client,
            body=body,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
