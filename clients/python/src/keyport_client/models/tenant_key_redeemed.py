from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.subscription_view import SubscriptionView


T = TypeVar("T", bound="TenantKeyRedeemed")


@_attrs_define
class TenantKeyRedeemed:
    """A retail key redeemed into a tenant.

    Attributes:
        added_seats (int):
        subscription (SubscriptionView):
    """

    added_seats: int
    subscription: SubscriptionView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_seats = self.added_seats

        subscription = self.subscription.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added_seats": added_seats,
                "subscription": subscription,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subscription_view import SubscriptionView  # noqa: PLC0415

        d = dict(src_dict)
        added_seats = d.pop("added_seats")

        subscription = SubscriptionView.from_dict(d.pop("subscription"))

        tenant_key_redeemed = cls(
            added_seats=added_seats,
            subscription=subscription,
        )

        tenant_key_redeemed.additional_properties = d
        return tenant_key_redeemed

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
