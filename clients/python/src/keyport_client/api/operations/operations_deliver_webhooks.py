from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_report import DeliveryReport
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_idempotency_key_in_flight import ProblemIdempotencyKeyInFlight
from ...models.problem_idempotency_key_reused_or_validation_failed import ProblemIdempotencyKeyReusedOrValidationFailed
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...types import UNSET, Response, Unset


def _get_kwargs(
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
        "url": "/v1/jobs/deliver-webhooks",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DeliveryReport
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    if response.status_code == 200:
        response_200 = DeliveryReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemUnsupportedApiVersion.from_dict(response.json())

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
    DeliveryReport
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
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
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    DeliveryReport
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
]:
    """Deliver due webhooks now

     One pass of the delivery worker (each `keyport serve` runs one every
    `KEYPORT_WEBHOOK_INTERVAL`): claims the deliveries due at the service's "now", POSTs
    them and records each answer. Safe to call from several instances at once.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryReport | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion]
    """

    kwargs = _get_kwargs(
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
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    DeliveryReport
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    """Deliver due webhooks now

     One pass of the delivery worker (each `keyport serve` runs one every
    `KEYPORT_WEBHOOK_INTERVAL`): claims the deliveries due at the service's "now", POSTs
    them and records each answer. Safe to call from several instances at once.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryReport | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion
    """

    return sync_detailed(
        client=client,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    DeliveryReport
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
]:
    """Deliver due webhooks now

     One pass of the delivery worker (each `keyport serve` runs one every
    `KEYPORT_WEBHOOK_INTERVAL`): claims the deliveries due at the service's "now", POSTs
    them and records each answer. Safe to call from several instances at once.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryReport | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion]
    """

    kwargs = _get_kwargs(
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    DeliveryReport
    | ProblemForbidden
    | ProblemIdempotencyKeyInFlight
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | None
):
    """Deliver due webhooks now

     One pass of the delivery worker (each `keyport serve` runs one every
    `KEYPORT_WEBHOOK_INTERVAL`): claims the deliveries due at the service's "now", POSTs
    them and records each answer. Safe to call from several instances at once.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryReport | ProblemForbidden | ProblemIdempotencyKeyInFlight | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion
    """

    return (
        await asyncio_detailed(
            client=client,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
