from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_created import AccountCreated
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_country_not_supported_or_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_validation_failed import (
    ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed,
)
from ...models.problem_domain_taken_or_idempotency_key_in_flight_or_key_already_redeemed_or_key_revoked_or_user_exists import (
    ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists,
)
from ...models.problem_key_not_found import ProblemKeyNotFound
from ...models.problem_malformed_request_or_unsupported_api_version import (
    ProblemMalformedRequestOrUnsupportedApiVersion,
)
from ...models.problem_payload_too_large import ProblemPayloadTooLarge
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unsupported_media_type import ProblemUnsupportedMediaType
from ...models.sign_up import SignUp
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SignUp,
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
        "url": "/v1/signup",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists
    | ProblemKeyNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
    | None
):
    if response.status_code == 201:
        response_201 = AccountCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ProblemKeyNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists.from_dict(
            response.json()
        )

        return response_409

    if response.status_code == 413:
        response_413 = ProblemPayloadTooLarge.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemUnsupportedMediaType.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed.from_dict(
            response.json()
        )

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
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists
    | ProblemKeyNotFound
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
    body: SignUp,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists
    | ProblemKeyNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
]:
    """Sign up with a retail key

     For a customer without a partner: one retail product key (bought, not from a partner)
    becomes the customer's tenant, its subscription and its first admin, in one
    transaction — the rules and answers of "Create my account". No token is needed; failed
    key look-ups count against the caller's address, and an `Idempotency-Key` makes a retry
    safe. Partner keys are not found here.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (SignUp): A customer without a partner signs up with a retail key. Example: {'admin':
            {'email': 'maria@fabrikam.example', 'first_name': 'Maria', 'last_name': 'Papadopoulou'},
            'company_name': 'Fabrikam Ltd', 'country': 'GR', 'domain': 'fabrikam', 'key': 'BCDFG-
            HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists | ProblemKeyNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType]
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
    body: SignUp,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists
    | ProblemKeyNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
    | None
):
    """Sign up with a retail key

     For a customer without a partner: one retail product key (bought, not from a partner)
    becomes the customer's tenant, its subscription and its first admin, in one
    transaction — the rules and answers of "Create my account". No token is needed; failed
    key look-ups count against the caller's address, and an `Idempotency-Key` makes a retry
    safe. Partner keys are not found here.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (SignUp): A customer without a partner signs up with a retail key. Example: {'admin':
            {'email': 'maria@fabrikam.example', 'first_name': 'Maria', 'last_name': 'Papadopoulou'},
            'company_name': 'Fabrikam Ltd', 'country': 'GR', 'domain': 'fabrikam', 'key': 'BCDFG-
            HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists | ProblemKeyNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType
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
    body: SignUp,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists
    | ProblemKeyNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
]:
    """Sign up with a retail key

     For a customer without a partner: one retail product key (bought, not from a partner)
    becomes the customer's tenant, its subscription and its first admin, in one
    transaction — the rules and answers of "Create my account". No token is needed; failed
    key look-ups count against the caller's address, and an `Idempotency-Key` makes a retry
    safe. Partner keys are not found here.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (SignUp): A customer without a partner signs up with a retail key. Example: {'admin':
            {'email': 'maria@fabrikam.example', 'first_name': 'Maria', 'last_name': 'Papadopoulou'},
            'company_name': 'Fabrikam Ltd', 'country': 'GR', 'domain': 'fabrikam', 'key': 'BCDFG-
            HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists | ProblemKeyNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType]
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
    body: SignUp,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    AccountCreated
    | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed
    | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists
    | ProblemKeyNotFound
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnsupportedMediaType
    | None
):
    """Sign up with a retail key

     For a customer without a partner: one retail product key (bought, not from a partner)
    becomes the customer's tenant, its subscription and its first admin, in one
    transaction — the rules and answers of "Create my account". No token is needed; failed
    key look-ups count against the caller's address, and an `Idempotency-Key` makes a retry
    safe. Partner keys are not found here.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (SignUp): A customer without a partner signs up with a retail key. Example: {'admin':
            {'email': 'maria@fabrikam.example', 'first_name': 'Maria', 'last_name': 'Papadopoulou'},
            'company_name': 'Fabrikam Ltd', 'country': 'GR', 'domain': 'fabrikam', 'key': 'BCDFG-
            HJKMP-QRTVW-XY234-6789B'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCreated | ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed | ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists | ProblemKeyNotFound | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedMediaType
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
