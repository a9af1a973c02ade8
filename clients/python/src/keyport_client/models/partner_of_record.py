from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PartnerOfRecord")


@_attrs_define
class PartnerOfRecord:
    """
    Attributes:
        name (str):
        partner_id (UUID):
        partner_number (str):  Example: 4820193.
    """

    name: str
    partner_id: UUID
    partner_number: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        partner_id = str(self.partner_id)

        partner_number = self.partner_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "partner_id": partner_id,
                "partner_number": partner_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        partner_id = UUID(d.pop("partner_id"))

        partner_number = d.pop("partner_number")

        partner_of_record = cls(
            name=name,
            partner_id=partner_id,
            partner_number=partner_number,
        )

        partner_of_record.additional_properties = d
        return partner_of_record

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
