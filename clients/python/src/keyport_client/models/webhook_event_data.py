from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEventData")


@_attrs_define
class WebhookEventData:
    """The inbox notification the event is (for `ping`: `endpoint_id` and `message`).

    Attributes:
        message (str):
        allocation_id (None | Unset | UUID):
        created_at (datetime.datetime | None | Unset):
        days_before (int | None | Unset): Renewal and expiry notices: days before the end.
        endpoint_id (None | Unset | UUID): `ping` only.
        event (EventType | None | Unset):
        id (None | Unset | UUID):
        key_order_id (None | Unset | UUID):
        offer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        quantity (int | None | Unset):
        reseller_relationship_id (None | Unset | UUID): The distribution chain's events (SPEC §13), where they apply.
        subscription_id (None | Unset | UUID):
        tenant_id (None | Unset | UUID):
        will_renew (bool | None | Unset): Renewal notices: whether the subscription renews by itself at its end.
    """

    message: str
    allocation_id: None | Unset | UUID = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    days_before: int | None | Unset = UNSET
    endpoint_id: None | Unset | UUID = UNSET
    event: EventType | None | Unset = UNSET
    id: None | Unset | UUID = UNSET
    key_order_id: None | Unset | UUID = UNSET
    offer_id: None | Unset | UUID = UNSET
    product_id: None | Unset | UUID = UNSET
    quantity: int | None | Unset = UNSET
    reseller_relationship_id: None | Unset | UUID = UNSET
    subscription_id: None | Unset | UUID = UNSET
    tenant_id: None | Unset | UUID = UNSET
    will_renew: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        allocation_id: None | str | Unset
        if isinstance(self.allocation_id, Unset):
            allocation_id = UNSET
        elif isinstance(self.allocation_id, UUID):
            allocation_id = str(self.allocation_id)
        else:
            allocation_id = self.allocation_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        days_before: int | None | Unset
        if isinstance(self.days_before, Unset):
            days_before = UNSET
        else:
            days_before = self.days_before

        endpoint_id: None | str | Unset
        if isinstance(self.endpoint_id, Unset):
            endpoint_id = UNSET
        elif isinstance(self.endpoint_id, UUID):
            endpoint_id = str(self.endpoint_id)
        else:
            endpoint_id = self.endpoint_id

        event: None | str | Unset
        if isinstance(self.event, Unset):
            event = UNSET
        elif isinstance(self.event, EventType):
            event = self.event.value
        else:
            event = self.event

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        key_order_id: None | str | Unset
        if isinstance(self.key_order_id, Unset):
            key_order_id = UNSET
        elif isinstance(self.key_order_id, UUID):
            key_order_id = str(self.key_order_id)
        else:
            key_order_id = self.key_order_id

        offer_id: None | str | Unset
        if isinstance(self.offer_id, Unset):
            offer_id = UNSET
        elif isinstance(self.offer_id, UUID):
            offer_id = str(self.offer_id)
        else:
            offer_id = self.offer_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        reseller_relationship_id: None | str | Unset
        if isinstance(self.reseller_relationship_id, Unset):
            reseller_relationship_id = UNSET
        elif isinstance(self.reseller_relationship_id, UUID):
            reseller_relationship_id = str(self.reseller_relationship_id)
        else:
            reseller_relationship_id = self.reseller_relationship_id

        subscription_id: None | str | Unset
        if isinstance(self.subscription_id, Unset):
            subscription_id = UNSET
        elif isinstance(self.subscription_id, UUID):
            subscription_id = str(self.subscription_id)
        else:
            subscription_id = self.subscription_id

        tenant_id: None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        elif isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        will_renew: bool | None | Unset
        if isinstance(self.will_renew, Unset):
            will_renew = UNSET
        else:
            will_renew = self.will_renew

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if allocation_id is not UNSET:
            field_dict["allocation_id"] = allocation_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if days_before is not UNSET:
            field_dict["days_before"] = days_before
        if endpoint_id is not UNSET:
            field_dict["endpoint_id"] = endpoint_id
        if event is not UNSET:
            field_dict["event"] = event
        if id is not UNSET:
            field_dict["id"] = id
        if key_order_id is not UNSET:
            field_dict["key_order_id"] = key_order_id
        if offer_id is not UNSET:
            field_dict["offer_id"] = offer_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if reseller_relationship_id is not UNSET:
            field_dict["reseller_relationship_id"] = reseller_relationship_id
        if subscription_id is not UNSET:
            field_dict["subscription_id"] = subscription_id
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id
        if will_renew is not UNSET:
            field_dict["will_renew"] = will_renew

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        def _parse_allocation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                allocation_id_type_0 = UUID(data)

                return allocation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        allocation_id = _parse_allocation_id(d.pop("allocation_id", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_days_before(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_before = _parse_days_before(d.pop("days_before", UNSET))

        def _parse_endpoint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                endpoint_id_type_0 = UUID(data)

                return endpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        endpoint_id = _parse_endpoint_id(d.pop("endpoint_id", UNSET))

        def _parse_event(data: object) -> EventType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_type_0 = EventType(data)

                return event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventType | None | Unset, data)

        event = _parse_event(d.pop("event", UNSET))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_key_order_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_order_id_type_0 = UUID(data)

                return key_order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        key_order_id = _parse_key_order_id(d.pop("key_order_id", UNSET))

        def _parse_offer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offer_id_type_0 = UUID(data)

                return offer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        offer_id = _parse_offer_id(d.pop("offer_id", UNSET))

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_reseller_relationship_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reseller_relationship_id_type_0 = UUID(data)

                return reseller_relationship_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reseller_relationship_id = _parse_reseller_relationship_id(d.pop("reseller_relationship_id", UNSET))

        def _parse_subscription_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subscription_id_type_0 = UUID(data)

                return subscription_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        subscription_id = _parse_subscription_id(d.pop("subscription_id", UNSET))

        def _parse_tenant_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tenant_id_type_0 = UUID(data)

                return tenant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id", UNSET))

        def _parse_will_renew(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        will_renew = _parse_will_renew(d.pop("will_renew", UNSET))

        webhook_event_data = cls(
            message=message,
            allocation_id=allocation_id,
            created_at=created_at,
            days_before=days_before,
            endpoint_id=endpoint_id,
            event=event,
            id=id,
            key_order_id=key_order_id,
            offer_id=offer_id,
            product_id=product_id,
            quantity=quantity,
            reseller_relationship_id=reseller_relationship_id,
            subscription_id=subscription_id,
            tenant_id=tenant_id,
            will_renew=will_renew,
        )

        webhook_event_data.additional_properties = d
        return webhook_event_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
