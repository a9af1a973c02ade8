from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_endpoint import CreateEndpoint
from ...models.endpoint_with_secret import EndpointWithSecret
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateEndpoint,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointWithSecret | Problem | None:
    if response.status_code == 201:
        response_201 = EndpointWithSecret.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EndpointWithSecret | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
    idempotency_key: str | Unset = UNSET,
) -> Response[EndpointWithSecret | Problem]:
    """Register a webhook endpoint

     A partner receives the events of its inbox, a tenant administrator those of its
    tenant's, the operator those of every inbox. Each event becomes a signed POST
    (`Keyport-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) retried with
    exponential backoff for 3 days; receivers dedupe by `Keyport-Event-Id`. The `secret` is
    shown only in this answer. At most 16 endpoints per owner.

    Args:
        idempotency_key (str | Unset):
        body (CreateEndpoint):  Example: {'description': 'CRM sync', 'events':
            ['subscription.renewal_notice', 'delegated_admin_offer.accepted'], 'url':
            'https://hooks.example.com/keyport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
    idempotency_key: str | Unset = UNSET,
) -> EndpointWithSecret | Problem | None:
    """Register a webhook endpoint

     A partner receives the events of its inbox, a tenant administrator those of its
    tenant's, the operator those of every inbox. Each event becomes a signed POST
    (`Keyport-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) retried with
    exponential backoff for 3 days; receivers dedupe by `Keyport-Event-Id`. The `secret` is
    shown only in this answer. At most 16 endpoints per owner.

    Args:
        idempotency_key (str | Unset):
        body (CreateEndpoint):  Example: {'description': 'CRM sync', 'events':
            ['subscription.renewal_notice', 'delegated_admin_offer.accepted'], 'url':
            'https://hooks.example.com/keyport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
    idempotency_key: str | Unset = UNSET,
) -> Response[EndpointWithSecret | Problem]:
    """Register a webhook endpoint

     A partner receives the events of its inbox, a tenant administrator those of its
    tenant's, the operator those of every inbox. Each event becomes a signed POST
    (`Keyport-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) retried with
    exponential backoff for 3 days; receivers dedupe by `Keyport-Event-Id`. The `secret` is
    shown only in this answer. At most 16 endpoints per owner.

    Args:
        idempotency_key (str | Unset):
        body (CreateEndpoint):  Example: {'description': 'CRM sync', 'events':
            ['subscription.renewal_notice', 'delegated_admin_offer.accepted'], 'url':
            'https://hooks.example.com/keyport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
    idempotency_key: str | Unset = UNSET,
) -> EndpointWithSecret | Problem | None:
    """Register a webhook endpoint

     A partner receives the events of its inbox, a tenant administrator those of its
    tenant's, the operator those of every inbox. Each event becomes a signed POST
    (`Keyport-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) retried with
    exponential backoff for 3 days; receivers dedupe by `Keyport-Event-Id`. The `secret` is
    shown only in this answer. At most 16 endpoints per owner.

    Args:
        idempotency_key (str | Unset):
        body (CreateEndpoint):  Example: {'description': 'CRM sync', 'events':
            ['subscription.renewal_notice', 'delegated_admin_offer.accepted'], 'url':
            'https://hooks.example.com/keyport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
