from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_client_view import ApiClientView
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.problem_validation_failed import ProblemValidationFailed
from ...models.update_api_client import UpdateApiClient
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    client_id: str,
    *,
    body: UpdateApiClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/distributors/{id}/api-clients/{client_id}".format(
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
    ApiClientView
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | None
):
    if response.status_code == 200:
        response_200 = ApiClientView.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

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
    ApiClientView
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
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
    body: UpdateApiClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ApiClientView
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
]:
    """Rename a distributor API client or move its version pin

     `api_version` is the version the client's requests speak when they send no
    `Keyport-Version` (`GET /v1/versions`); tokens issued from now on carry it, tokens
    already issued keep the one they were issued with until they expire. A revoked client
    answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateApiClient): A change to an API client. Example: {'api_version': '2026-12-06'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiClientView | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed]
    """

    kwargs = _get_kwargs(
        id=id,
        client_id=client_id,
        body=body,
        keyport_version=keyport_version,
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
    body: UpdateApiClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ApiClientView
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | None
):
    """Rename a distributor API client or move its version pin

     `api_version` is the version the client's requests speak when they send no
    `Keyport-Version` (`GET /v1/versions`); tokens issued from now on carry it, tokens
    already issued keep the one they were issued with until they expire. A revoked client
    answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateApiClient): A change to an API client. Example: {'api_version': '2026-12-06'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiClientView | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed
    """

    return sync_detailed(
        id=id,
        client_id=client_id,
        client=client,
        body=body,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateApiClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ApiClientView
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
]:
    """Rename a distributor API client or move its version pin

     `api_version` is the version the client's requests speak when they send no
    `Keyport-Version` (`GET /v1/versions`); tokens issued from now on carry it, tokens
    already issued keep the one they were issued with until they expire. A revoked client
    answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateApiClient): A change to an API client. Example: {'api_version': '2026-12-06'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiClientView | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed]
    """

    kwargs = _get_kwargs(
        id=id,
        client_id=client_id,
        body=body,
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateApiClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ApiClientView
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailed
    | None
):
    """Rename a distributor API client or move its version pin

     `api_version` is the version the client's requests speak when they send no
    `Keyport-Version` (`GET /v1/versions`); tokens issued from now on carry it, tokens
    already issued keep the one they were issued with until they expire. A revoked client
    answers 404.

    Args:
        id (UUID):
        client_id (str):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (UpdateApiClient): A change to an API client. Example: {'api_version': '2026-12-06'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiClientView | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailed
    """

    return (
        await asyncio_detailed(
            id=id,
            client_id=client_id,
            client=client,
            body=body,
            keyport_version=keyport_version,
        )
    ).parsed
