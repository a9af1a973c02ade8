from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AlertView")


@_attrs_define
class AlertView:
    """
    Attributes:
        armed (bool): Whether a fall below the threshold will send `stock.low` (it has not since the stock
            was last at or above it).
        distributor_id (UUID):
        product_id (UUID):
        threshold (int):
    """

    armed: bool
    distributor_id: UUID
    product_id: UUID
    threshold: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        armed = self.armed

        distributor_id = str(self.distributor_id)

        product_id = str(self.product_id)

        threshold = self.threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "armed": armed,
                "distributor_id": distributor_id,
                "product_id": product_id,
                "threshold": threshold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        armed = d.pop("armed")

        distributor_id = UUID(d.pop("distributor_id"))

        product_id = UUID(d.pop("product_id"))

        threshold = d.pop("threshold")

        alert_view = cls(
            armed=armed,
            distributor_id=distributor_id,
            product_id=product_id,
            threshold=threshold,
        )

        alert_view.additional_properties = d
        return alert_view

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
