from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_offer import CreateOffer
from ...models.offer_view import OfferView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateOffer,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/delegated-admin-offers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfferView | Problem | None:
    if response.status_code == 201:
        response_201 = OfferView.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OfferView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateOffer,
    idempotency_key: str | Unset = UNSET,
) -> Response[OfferView | Problem]:
    """Send a delegated-administration offer

     The partner must be enrolled in Cloud Essentials and be partner of record on at least
    one of the tenant's subscriptions; one pending offer and one relationship per tenant at
    a time. The tenant's administrators are notified. An offer expires after 90 days.

    `roles` is what the relationship will allow — least privilege: without
    `global_administrator` a partner cannot touch admin users or tenant settings. Omitted,
    it is `user_administrator`, `license_administrator` and `billing_administrator`.

    Args:
        idempotency_key (str | Unset):
        body (CreateOffer):  Example: {'auto_extend': True, 'duration_days': 365, 'message': 'We
            would like to manage your users and licences for you.', 'roles': ['user_administrator',
            'license_administrator'], 'tenant_id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferView | Problem]
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
    body: CreateOffer,
    idempotency_key: str | Unset = UNSET,
) -> OfferView | Problem | None:
    """Send a delegated-administration offer

     The partner must be enrolled in Cloud Essentials and be partner of record on at least
    one of the tenant's subscriptions; one pending offer and one relationship per tenant at
    a time. The tenant's administrators are notified. An offer expires after 90 days.

    `roles` is what the relationship will allow — least privilege: without
    `global_administrator` a partner cannot touch admin users or tenant settings. Omitted,
    it is `user_administrator`, `license_administrator` and `billing_administrator`.

    Args:
        idempotency_key (str | Unset):
        body (CreateOffer):  Example: {'auto_extend': True, 'duration_days': 365, 'message': 'We
            would like to manage your users and licences for you.', 'roles': ['user_administrator',
            'license_administrator'], 'tenant_id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferView | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateOffer,
    idempotency_key: str | Unset = UNSET,
) -> Response[OfferView | Problem]:
    """Send a delegated-administration offer

     The partner must be enrolled in Cloud Essentials and be partner of record on at least
    one of the tenant's subscriptions; one pending offer and one relationship per tenant at
    a time. The tenant's administrators are notified. An offer expires after 90 days.

    `roles` is what the relationship will allow — least privilege: without
    `global_administrator` a partner cannot touch admin users or tenant settings. Omitted,
    it is `user_administrator`, `license_administrator` and `billing_administrator`.

    Args:
        idempotency_key (str | Unset):
        body (CreateOffer):  Example: {'auto_extend': True, 'duration_days': 365, 'message': 'We
            would like to manage your users and licences for you.', 'roles': ['user_administrator',
            'license_administrator'], 'tenant_id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferView | Problem]
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
    body: CreateOffer,
    idempotency_key: str | Unset = UNSET,
) -> OfferView | Problem | None:
    """Send a delegated-administration offer

     The partner must be enrolled in Cloud Essentials and be partner of record on at least
    one of the tenant's subscriptions; one pending offer and one relationship per tenant at
    a time. The tenant's administrators are notified. An offer expires after 90 days.

    `roles` is what the relationship will allow — least privilege: without
    `global_administrator` a partner cannot touch admin users or tenant settings. Omitted,
    it is `user_administrator`, `license_administrator` and `billing_administrator`.

    Args:
        idempotency_key (str | Unset):
        body (CreateOffer):  Example: {'auto_extend': True, 'duration_days': 365, 'message': 'We
            would like to manage your users and licences for you.', 'roles': ['user_administrator',
            'license_administrator'], 'tenant_id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
