from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_revocation import CreateRevocation
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_idempotency_key_in_flight import ProblemIdempotencyKeyInFlight
from ...models.problem_idempotency_key_reused_or_invalid_serial_range_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed,
)
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.revocation_view import RevocationView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateRevocation,
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
        "url": "/v1/key-revocations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RevocationView
    | None
):
    if response.status_code == 200:
        response_200 = RevocationView.from_dict(response.json())

        return response_200

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
        response_422 = ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed.from_dict(response.json())

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
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RevocationView
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
    body: CreateRevocation,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RevocationView
]:
    """Revoke lost or stolen cards

     The operator revokes any card, a distributor the cards minted to it: by `serials` and
    `ranges`, or a whole `batch_id`. Every named card that is not redeemed becomes
    `revoked` (a reserved one leaves its redemption); its holder is told (`keys.revoked`).
    A revoked card answers `key-revoked` to the partner holding it, `key-not-found` to
    anyone else.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRevocation): Lost or stolen cards: by serials and ranges, or a whole batch.
            Example: {'ranges': [{'from': '000042000001', 'to': '000042000500'}], 'reason': 'Box lost
            in transit'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RevocationView]
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
    body: CreateRevocation,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RevocationView
    | None
):
    """Revoke lost or stolen cards

     The operator revokes any card, a distributor the cards minted to it: by `serials` and
    `ranges`, or a whole `batch_id`. Every named card that is not redeemed becomes
    `revoked` (a reserved one leaves its redemption); its holder is told (`keys.revoked`).
    A revoked card answers `key-revoked` to the partner holding it, `key-not-found` to
    anyone else.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRevocation): Lost or stolen cards: by serials and ranges, or a whole batch.
            Example: {'ranges': [{'from': '000042000001', 'to': '000042000500'}], 'reason': 'Box lost
            in transit'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RevocationView
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
    body: CreateRevocation,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RevocationView
]:
    """Revoke lost or stolen cards

     The operator revokes any card, a distributor the cards minted to it: by `serials` and
    `ranges`, or a whole `batch_id`. Every named card that is not redeemed becomes
    `revoked` (a reserved one leaves its redemption); its holder is told (`keys.revoked`).
    A revoked card answers `key-revoked` to the partner holding it, `key-not-found` to
    anyone else.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRevocation): Lost or stolen cards: by serials and ranges, or a whole batch.
            Example: {'ranges': [{'from': '000042000001', 'to': '000042000500'}], 'reason': 'Box lost
            in transit'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RevocationView]
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
    body: CreateRevocation,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | RevocationView
    | None
):
    """Revoke lost or stolen cards

     The operator revokes any card, a distributor the cards minted to it: by `serials` and
    `ranges`, or a whole `batch_id`. Every named card that is not redeemed becomes
    `revoked` (a reserved one leaves its redemption); its holder is told (`keys.revoked`).
    A revoked card answers `key-revoked` to the partner holding it, `key-not-found` to
    anyone else.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateRevocation): Lost or stolen cards: by serials and ranges, or a whole batch.
            Example: {'ranges': [{'from': '000042000001', 'to': '000042000500'}], 'reason': 'Box lost
            in transit'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | RevocationView
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
