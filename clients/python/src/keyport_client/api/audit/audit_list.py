import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.list_of_audit_event_view import ListOfAuditEventView
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...models.problem_validation_failed import ProblemValidationFailed
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    tenant_id: UUID | Unset = UNSET,
    partner_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    params: dict[str, Any] = {}

    json_tenant_id: str | Unset = UNSET
    if not isinstance(tenant_id, Unset):
        json_tenant_id = str(tenant_id)
    params["tenant_id"] = json_tenant_id

    json_partner_id: str | Unset = UNSET
    if not isinstance(partner_id, Unset):
        json_partner_id = str(partner_id)
    params["partner_id"] = json_partner_id

    json_actor_id: str | Unset = UNSET
    if not isinstance(actor_id, Unset):
        json_actor_id = str(actor_id)
    params["actor_id"] = json_actor_id

    params["action"] = action

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["limit"] = limit

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ListOfAuditEventView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | None
):
    if response.status_code == 200:
        response_200 = ListOfAuditEventView.from_dict(response.json())

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
    ListOfAuditEventView
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
    tenant_id: UUID | Unset = UNSET,
    partner_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ListOfAuditEventView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
]:
    """Read the audit log

     Every successful change, every sign-in (either outcome) and every sweep that changed
    something, oldest first: the operator reads all, a partner its own actions and those on
    tenants it administers now, a tenant administrator its tenant's. Records are never
    changed or deleted.

    Args:
        tenant_id (UUID | Unset):
        partner_id (UUID | Unset):
        actor_id (UUID | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOfAuditEventView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        partner_id=partner_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
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
    tenant_id: UUID | Unset = UNSET,
    partner_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ListOfAuditEventView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | None
):
    """Read the audit log

     Every successful change, every sign-in (either outcome) and every sweep that changed
    something, oldest first: the operator reads all, a partner its own actions and those on
    tenants it administers now, a tenant administrator its tenant's. Records are never
    changed or deleted.

    Args:
        tenant_id (UUID | Unset):
        partner_id (UUID | Unset):
        actor_id (UUID | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOfAuditEventView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed
    """

    return sync_detailed(
        client=client,
        tenant_id=tenant_id,
        partner_id=partner_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
        limit=limit,
        after=after,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    tenant_id: UUID | Unset = UNSET,
    partner_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ListOfAuditEventView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
]:
    """Read the audit log

     Every successful change, every sign-in (either outcome) and every sweep that changed
    something, oldest first: the operator reads all, a partner its own actions and those on
    tenants it administers now, a tenant administrator its tenant's. Records are never
    changed or deleted.

    Args:
        tenant_id (UUID | Unset):
        partner_id (UUID | Unset):
        actor_id (UUID | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOfAuditEventView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        partner_id=partner_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
        limit=limit,
        after=after,
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    tenant_id: UUID | Unset = UNSET,
    partner_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    after: str | Unset = UNSET,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ListOfAuditEventView
    | ProblemForbidden
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | ProblemValidationFailed
    | None
):
    """Read the audit log

     Every successful change, every sign-in (either outcome) and every sweep that changed
    something, oldest first: the operator reads all, a partner its own actions and those on
    tenants it administers now, a tenant administrator its tenant's. Records are never
    changed or deleted.

    Args:
        tenant_id (UUID | Unset):
        partner_id (UUID | Unset):
        actor_id (UUID | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):  Default: 50.
        after (str | Unset):
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOfAuditEventView | ProblemForbidden | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | ProblemValidationFailed
    """

    return (
        await asyncio_detailed(
            client=client,
            tenant_id=tenant_id,
            partner_id=partner_id,
            actor_id=actor_id,
            action=action,
            since=since,
            until=until,
            limit=limit,
            after=after,
            keyport_version=keyport_version,
        )
    ).parsed
