from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeliveryReport")


@_attrs_define
class DeliveryReport:
    """What a pass of the delivery worker did.

    Attributes:
        attempted (int): Attempts made.
        delivered (int): Deliveries answered with a 2xx.
        endpoints_disabled (int): Endpoints turned off after failing for the whole schedule.
        failed (int): Deliveries whose schedule is spent: `failed`.
        retrying (int): Failed attempts to be tried again later.
    """

    attempted: int
    delivered: int
    endpoints_disabled: int
    failed: int
    retrying: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempted = self.attempted

        delivered = self.delivered

        endpoints_disabled = self.endpoints_disabled

        failed = self.failed

        retrying = self.retrying

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempted": attempted,
                "delivered": delivered,
                "endpoints_disabled": endpoints_disabled,
                "failed": failed,
                "retrying": retrying,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempted = d.pop("attempted")

        delivered = d.pop("delivered")

        endpoints_disabled = d.pop("endpoints_disabled")

        failed = d.pop("failed")

        retrying = d.pop("retrying")

        delivery_report = cls(
            attempted=attempted,
            delivered=delivered,
            endpoints_disabled=endpoints_disabled,
            failed=failed,
            retrying=retrying,
        )

        delivery_report.additional_properties = d
        return delivery_report

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
