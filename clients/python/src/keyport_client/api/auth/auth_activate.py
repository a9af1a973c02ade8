from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activate_request import ActivateRequest
from ...models.activated_user import ActivatedUser
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_invalid_activation_token_or_validation_failed import (
    ProblemInvalidActivationTokenOrValidationFailed,
)
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ActivateRequest,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/activate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ActivatedUser
    | ProblemInvalidActivationTokenOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
    | None
):
    if response.status_code == 200:
        response_200 = ActivatedUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemInvalidActivationTokenOrValidationFailed.from_dict(response.json())

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
    ActivatedUser
    | ProblemInvalidActivationTokenOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
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
    body: ActivateRequest,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ActivatedUser
    | ProblemInvalidActivationTokenOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
]:
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivatedUser | ProblemInvalidActivationTokenOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType]
    """

    kwargs = _get_kwargs(
        body=body,
        keyport_version=keyport_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ActivateRequest,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ActivatedUser
    | ProblemInvalidActivationTokenOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
    | None
):
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivatedUser | ProblemInvalidActivationTokenOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType
    """

    return sync_detailed(
        client=client,
        body=body,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ActivateRequest,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ActivatedUser
    | ProblemInvalidActivationTokenOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
]:
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivatedUser | ProblemInvalidActivationTokenOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType]
    """

    kwargs = _get_kwargs(
        body=body,
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ActivateRequest,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ActivatedUser
    | ProblemInvalidActivationTokenOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
    | None
):
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivatedUser | ProblemInvalidActivationTokenOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            keyport_version=keyport_version,
        )
    ).parsed
