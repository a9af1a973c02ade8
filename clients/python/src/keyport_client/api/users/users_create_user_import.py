from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_user_import import CreateUserImport
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_delegated_admin_required_or_delegated_role_required_or_forbidden import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden,
)
from ...models.problem_idempotency_key_in_flight_or_tenant_data_deleted import (
    ProblemIdempotencyKeyInFlightOrTenantDataDeleted,
)
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
from ...models.user_import_view import UserImportView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: CreateUserImport,
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
        "url": "/v1/tenants/{id}/user-imports".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | UserImportView
    | None
):
    if response.status_code == 202:
        response_202 = UserImportView.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ProblemMalformedRequestOrUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemIdempotencyKeyInFlightOrTenantDataDeleted.from_dict(response.json())

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
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | UserImportView
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
    body: CreateUserImport,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | UserImportView
]:
    """Import users

     Up to 10 000 users at once, as CSV (`Content-Type: text/csv`: a header naming
    `email,first_name,last_name` and optionally `admin,license_skus`, SKUs separated by `;`;
    other columns, such as an export's `id`, are ignored) or JSON (`{users: […]}`). Answers
    202 at once; any instance works through the rows in the background: poll
    `GET …/user-imports/{import_id}` (see `Location`) until `completed`. Each row is
    all-or-nothing: the user with every licence it asks for, or an `error` with a problem
    code; seats are never oversold (a row past them gets `no-licenses-available`). Rows
    with invalid fields are refused at once (`validation-failed`), the others still go
    ahead. Who may add users (`user_administrator`) may import; admin rows need
    `global_administrator`, licences `license_administrator`, checked here for the whole
    import.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateUserImport): A JSON import: up to 10 000 users. Each row is checked on its
            own: a row with an
            invalid field is refused (`validation-failed`) and the others still go ahead. Example:
            {'users': [{'admin': False, 'email': 'eleni@fabrikam.example', 'first_name': 'Eleni',
            'last_name': 'Papadaki', 'license_skus': ['TEAMS-ESSENTIALS']}, {'email':
            'kostas@fabrikam.example', 'first_name': 'Kostas', 'last_name': 'Ioannou'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | UserImportView]
    """

    kwargs = _get_kwargs(
        id=id,
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
    *,
    client: AuthenticatedClient,
    body: CreateUserImport,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | UserImportView
    | None
):
    """Import users

     Up to 10 000 users at once, as CSV (`Content-Type: text/csv`: a header naming
    `email,first_name,last_name` and optionally `admin,license_skus`, SKUs separated by `;`;
    other columns, such as an export's `id`, are ignored) or JSON (`{users: […]}`). Answers
    202 at once; any instance works through the rows in the background: poll
    `GET …/user-imports/{import_id}` (see `Location`) until `completed`. Each row is
    all-or-nothing: the user with every licence it asks for, or an `error` with a problem
    code; seats are never oversold (a row past them gets `no-licenses-available`). Rows
    with invalid fields are refused at once (`validation-failed`), the others still go
    ahead. Who may add users (`user_administrator`) may import; admin rows need
    `global_administrator`, licences `license_administrator`, checked here for the whole
    import.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateUserImport): A JSON import: up to 10 000 users. Each row is checked on its
            own: a row with an
            invalid field is refused (`validation-failed`) and the others still go ahead. Example:
            {'users': [{'admin': False, 'email': 'eleni@fabrikam.example', 'first_name': 'Eleni',
            'last_name': 'Papadaki', 'license_skus': ['TEAMS-ESSENTIALS']}, {'email':
            'kostas@fabrikam.example', 'first_name': 'Kostas', 'last_name': 'Ioannou'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | UserImportView
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateUserImport,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | UserImportView
]:
    """Import users

     Up to 10 000 users at once, as CSV (`Content-Type: text/csv`: a header naming
    `email,first_name,last_name` and optionally `admin,license_skus`, SKUs separated by `;`;
    other columns, such as an export's `id`, are ignored) or JSON (`{users: […]}`). Answers
    202 at once; any instance works through the rows in the background: poll
    `GET …/user-imports/{import_id}` (see `Location`) until `completed`. Each row is
    all-or-nothing: the user with every licence it asks for, or an `error` with a problem
    code; seats are never oversold (a row past them gets `no-licenses-available`). Rows
    with invalid fields are refused at once (`validation-failed`), the others still go
    ahead. Who may add users (`user_administrator`) may import; admin rows need
    `global_administrator`, licences `license_administrator`, checked here for the whole
    import.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateUserImport): A JSON import: up to 10 000 users. Each row is checked on its
            own: a row with an
            invalid field is refused (`validation-failed`) and the others still go ahead. Example:
            {'users': [{'admin': False, 'email': 'eleni@fabrikam.example', 'first_name': 'Eleni',
            'last_name': 'Papadaki', 'license_skus': ['TEAMS-ESSENTIALS']}, {'email':
            'kostas@fabrikam.example', 'first_name': 'Kostas', 'last_name': 'Ioannou'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | UserImportView]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        keyport_version=keyport_version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateUserImport,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden
    | ProblemIdempotencyKeyInFlightOrTenantDataDeleted
    | ProblemIdempotencyKeyReusedOrValidationFailed
    | ProblemMalformedRequestOrUnsupportedApiVersion
    | ProblemNotFound
    | ProblemPayloadTooLarge
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedMediaType
    | UserImportView
    | None
):
    """Import users

     Up to 10 000 users at once, as CSV (`Content-Type: text/csv`: a header naming
    `email,first_name,last_name` and optionally `admin,license_skus`, SKUs separated by `;`;
    other columns, such as an export's `id`, are ignored) or JSON (`{users: […]}`). Answers
    202 at once; any instance works through the rows in the background: poll
    `GET …/user-imports/{import_id}` (see `Location`) until `completed`. Each row is
    all-or-nothing: the user with every licence it asks for, or an `error` with a problem
    code; seats are never oversold (a row past them gets `no-licenses-available`). Rows
    with invalid fields are refused at once (`validation-failed`), the others still go
    ahead. Who may add users (`user_administrator`) may import; admin rows need
    `global_administrator`, licences `license_administrator`, checked here for the whole
    import.

    Args:
        id (UUID):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.
        idempotency_key (str | Unset):
        body (CreateUserImport): A JSON import: up to 10 000 users. Each row is checked on its
            own: a row with an
            invalid field is refused (`validation-failed`) and the others still go ahead. Example:
            {'users': [{'admin': False, 'email': 'eleni@fabrikam.example', 'first_name': 'Eleni',
            'last_name': 'Papadaki', 'license_skus': ['TEAMS-ESSENTIALS']}, {'email':
            'kostas@fabrikam.example', 'first_name': 'Kostas', 'last_name': 'Ioannou'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden | ProblemIdempotencyKeyInFlightOrTenantDataDeleted | ProblemIdempotencyKeyReusedOrValidationFailed | ProblemMalformedRequestOrUnsupportedApiVersion | ProblemNotFound | ProblemPayloadTooLarge | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedMediaType | UserImportView
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            keyport_version=keyport_version,
            idempotency_key=idempotency_key,
        )
    ).parsed
