from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_redemption import CreateRedemption
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_acknowledgement_required_or_idempotency_key_reused_or_validation_failed import (
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed,
)
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_idempotency_key_in_flight import ProblemIdempotencyKeyInFlight
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.redemption_view import RedemptionView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateRedemption,
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
        "url": "/v1/redemptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RedemptionView
    | None
):
    if response.status_code == 201:
        response_201 = RedemptionView.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemForbidden.from_dict(response.json())

        return response_403

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
        response_422 = ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed.from_dict(response.json())

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
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RedemptionView
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateRedemption,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RedemptionView
]:
    """Start a redemption

     The attestation step. Keys are added next; an untouched redemption expires after
    `KEYPORT_REDEMPTION_TTL` (30 minutes by default) and releases its keys.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRedemption):  Example: {'acknowledged': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RedemptionView]
    """

    kwargs = _get_kwargs(
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateRedemption,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RedemptionView
    | None
):
    """Start a redemption

     The attestation step. Keys are added next; an untouched redemption expires after
    `KEYPORT_REDEMPTION_TTL` (30 minutes by default) and releases its keys.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRedemption):  Example: {'acknowledged': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RedemptionView
    """

    return sync_detailed(
        client=client,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateRedemption,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RedemptionView
]:
    """Start a redemption

     The attestation step. Keys are added next; an untouched redemption expires after
    `KEYPORT_REDEMPTION_TTL` (30 minutes by default) and releases its keys.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRedemption):  Example: {'acknowledged': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RedemptionView]
    """

    kwargs = _get_kwargs(
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateRedemption,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RedemptionView
    | None
):
    """Start a redemption

     The attestation step. Keys are added next; an untouched redemption expires after
    `KEYPORT_REDEMPTION_TTL` (30 minutes by default) and releases its keys.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRedemption):  Example: {'acknowledged': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RedemptionView
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
