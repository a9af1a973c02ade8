from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AdminInput")


@_attrs_define
class AdminInput:
    """
    Attributes:
        email (str):  Example: maria@fabrikam.example.
        first_name (str):  Example: Maria.
        last_name (str):  Example: Papadopoulou.
    """

    email: str
    first_name: str
    last_name: str

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        admin_input = cls(
            email=email,
            first_name=first_name,
            last_name=last_name,
        )

        return admin_input
