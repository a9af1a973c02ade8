from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_password import ChangePassword
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.problem_validation_failed_or_wrong_password import ProblemValidationFailedOrWrongPassword
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ChangePassword,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/password",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Any
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailedOrWrongPassword
    | None
):
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemValidationFailedOrWrongPassword.from_dict(response.json())

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
    Any
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailedOrWrongPassword
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
    body: ChangePassword,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    Any
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailedOrWrongPassword
]:
    """Change my password

     For a signed-in customer user: the current password, then the new one. Every other
    session of the user ends at once (its refresh tokens, and the access tokens issued with
    them, on every instance); this one goes on. Wrong current passwords count against the
    user's sign-in budget.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ChangePassword):  Example: {'current_password': 'correct horse battery staple',
            'new_password': 'a longer passphrase than before'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailedOrWrongPassword]
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
    body: ChangePassword,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    Any
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailedOrWrongPassword
    | None
):
    """Change my password

     For a signed-in customer user: the current password, then the new one. Every other
    session of the user ends at once (its refresh tokens, and the access tokens issued with
    them, on every instance); this one goes on. Wrong current passwords count against the
    user's sign-in budget.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ChangePassword):  Example: {'current_password': 'correct horse battery staple',
            'new_password': 'a longer passphrase than before'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailedOrWrongPassword
    """

    return sync_detailed(
        client=client,
        body=body,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ChangePassword,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    Any
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailedOrWrongPassword
]:
    """Change my password

     For a signed-in customer user: the current password, then the new one. Every other
    session of the user ends at once (its refresh tokens, and the access tokens issued with
    them, on every instance); this one goes on. Wrong current passwords count against the
    user's sign-in budget.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ChangePassword):  Example: {'current_password': 'correct horse battery staple',
            'new_password': 'a longer passphrase than before'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailedOrWrongPassword]
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
    body: ChangePassword,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    Any
    | ProblemForbidden
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | ProblemValidationFailedOrWrongPassword
    | None
):
    """Change my password

     For a signed-in customer user: the current password, then the new one. Every other
    session of the user ends at once (its refresh tokens, and the access tokens issued with
    them, on every instance); this one goes on. Wrong current passwords count against the
    user's sign-in budget.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        body (ChangePassword):  Example: {'current_password': 'correct horse battery staple',
            'new_password': 'a longer passphrase than before'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemForbidden | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | ProblemValidationFailedOrWrongPassword
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            keyport_version=keyport_version,
        )
    ).parsed
