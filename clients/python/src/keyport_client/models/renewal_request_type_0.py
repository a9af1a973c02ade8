from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.renewal_request_type_0_method import RenewalRequestType0Method

T = TypeVar("T", bound="RenewalRequestType0")


@_attrs_define
class RenewalRequestType0:
    """With another prepaid key of the same product (partner of record or delegated admin).
    The new term starts at the end date while the subscription is active or expired,
    or now when it is disabled (reactivation); the seats become the key's.

        Attributes:
            key (str):  Example: BCDFG-HJKMP-QRTVW-XY234-6789B.
            method (RenewalRequestType0Method):
    """

    key: str
    method: RenewalRequestType0Method
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        method = self.method.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "method": method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        method = RenewalRequestType0Method(d.pop("method"))

        renewal_request_type_0 = cls(
            key=key,
            method=method,
        )

        renewal_request_type_0.additional_properties = d
        return renewal_request_type_0

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
