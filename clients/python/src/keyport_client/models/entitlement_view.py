from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_view import ProductView


T = TypeVar("T", bound="EntitlementView")


@_attrs_define
class EntitlementView:
    """A licence as the right to use its product now.

    Attributes:
        product (ProductView):
        status (SubscriptionStatus): Where a subscription stands at a given instant.
        subscription_id (UUID):
        usable (bool): Whether the product may be used now: while the subscription is `active` or `expired`
            (its grace period); not from `disabled` on.
        usable_until (datetime.datetime | None | Unset): When it stops being usable unless renewed (the end of the grace
            period); none once
            the subscription was replaced.
    """

    product: ProductView
    status: SubscriptionStatus
    subscription_id: UUID
    usable: bool
    usable_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product = self.product.to_dict()

        status = self.status.value

        subscription_id = str(self.subscription_id)

        usable = self.usable

        usable_until: None | str | Unset
        if isinstance(self.usable_until, Unset):
            usable_until = UNSET
        elif isinstance(self.usable_until, datetime.datetime):
            usable_until = self.usable_until.isoformat()
        else:
            usable_until = self.usable_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product": product,
                "status": status,
                "subscription_id": subscription_id,
                "usable": usable,
            }
        )
        if usable_until is not UNSET:
            field_dict["usable_until"] = usable_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_view import ProductView  # noqa: PLC0415

        d = dict(src_dict)
        product = ProductView.from_dict(d.pop("product"))

        status = SubscriptionStatus(d.pop("status"))

        subscription_id = UUID(d.pop("subscription_id"))

        usable = d.pop("usable")

        def _parse_usable_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                usable_until_type_0 = datetime.datetime.fromisoformat(data)

                return usable_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        usable_until = _parse_usable_until(d.pop("usable_until", UNSET))

        entitlement_view = cls(
            product=product,
            status=status,
            subscription_id=subscription_id,
            usable=usable,
            usable_until=usable_until,
        )

        entitlement_view.additional_properties = d
        return entitlement_view

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
