from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.renewal_request_type_1_method import RenewalRequestType1Method

T = TypeVar("T", bound="RenewalRequestType1")


@_attrs_define
class RenewalRequestType1:
    """The platform bills the customer from now on: a new `direct` subscription (same
    product and seats, starting now) replaces this one, which becomes `superseded`.

        Attributes:
            method (RenewalRequestType1Method):
    """

    method: RenewalRequestType1Method
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = RenewalRequestType1Method(d.pop("method"))

        renewal_request_type_1 = cls(
            method=method,
        )

        renewal_request_type_1.additional_properties = d
        return renewal_request_type_1

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
