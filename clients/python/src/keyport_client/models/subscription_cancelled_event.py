from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_cancelled_event_type import SubscriptionCancelledEventType

if TYPE_CHECKING:
    from ..models.webhook_event_data import WebhookEventData


T = TypeVar("T", bound="SubscriptionCancelledEvent")


@_attrs_define
class SubscriptionCancelledEvent:
    """
    Attributes:
        created_at (datetime.datetime):
        data (WebhookEventData): The inbox notification the event is (for `ping`: `endpoint_id` and `message`).
        id (UUID): The event's id: the same in every retry; dedupe by it.
        type_ (SubscriptionCancelledEventType): An inbox event's name, or `ping` for a test delivery.
    """

    created_at: datetime.datetime
    data: WebhookEventData
    id: UUID
    type_: SubscriptionCancelledEventType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        id = str(self.id)

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "data": data,
                "id": id,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_event_data import WebhookEventData  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data = WebhookEventData.from_dict(d.pop("data"))

        id = UUID(d.pop("id"))

        type_ = SubscriptionCancelledEventType(d.pop("type"))

        subscription_cancelled_event = cls(
            created_at=created_at,
            data=data,
            id=id,
            type_=type_,
        )

        subscription_cancelled_event.additional_properties = d
        return subscription_cancelled_event

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
