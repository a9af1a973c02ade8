from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DistributorView")


@_attrs_define
class DistributorView:
    """
    Attributes:
        authorised (bool): `false`: suspended — it cannot invite, allocate or receive batches; cards it already
            allocated are untouched.
        created_at (datetime.datetime):
        id (UUID):
        name (str):  Example: Northwind Distribution.
    """

    authorised: bool
    created_at: datetime.datetime
    id: UUID
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authorised = self.authorised

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authorised": authorised,
                "created_at": created_at,
                "id": id,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        authorised = d.pop("authorised")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        distributor_view = cls(
            authorised=authorised,
            created_at=created_at,
            id=id,
            name=name,
        )

        distributor_view.additional_properties = d
        return distributor_view

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
