from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.list_of_reseller_relationship_view import ListOfResellerRelationshipView
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...models.problem_validation_failed import ProblemValidationFailed
from ...models.reseller_status import ResellerStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ResellerStatus | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reseller-relationships",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ListOfResellerRelationshipView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | None
):
    if response.status_code == 200:
        response_200 = ListOfResellerRelationshipView.from_dict(response.json())

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
    ListOfResellerRelationshipView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
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
    status: ResellerStatus | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ListOfResellerRelationshipView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
]:
    """List reseller relationships

     A distributor's and a partner's own; the operator's all.

    Args:
        status (ResellerStatus | Unset): Where a reseller relationship between a distributor and a
            partner stands.
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOfResellerRelationshipView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        after=after,
        keyport_version=keyport_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ResellerStatus | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ListOfResellerRelationshipView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | None
):
    """List reseller relationships

     A distributor's and a partner's own; the operator's all.

    Args:
        status (ResellerStatus | Unset): Where a reseller relationship between a distributor and a
            partner stands.
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOfResellerRelationshipView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed
    """

    return sync_detailed(
        client=client,
        status=status,
        limit=limit,
        after=after,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ResellerStatus | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ListOfResellerRelationshipView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
]:
    """List reseller relationships

     A distributor's and a partner's own; the operator's all.

    Args:
        status (ResellerStatus | Unset): Where a reseller relationship between a distributor and a
            partner stands.
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOfResellerRelationshipView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        after=after,
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ResellerStatus | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ListOfResellerRelationshipView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | None
):
    """List reseller relationships

     A distributor's and a partner's own; the operator's all.

    Args:
        status (ResellerStatus | Unset): Where a reseller relationship between a distributor and a
            partner stands.
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOfResellerRelationshipView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            limit=limit,
            after=after,
            keyport_version=keyport_version,
        )
    ).parsed
