from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateProduct")


@_attrs_define
class CreateProduct:
    """
    Example:
        {'name': 'Microsoft Teams Essentials', 'sku': 'TEAMS-ESSENTIALS'}

    Attributes:
        name (str):
        sku (str): Upper-case letters, digits and hyphens.
    """

    name: str
    sku: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        sku = self.sku

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "sku": sku,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        sku = d.pop("sku")

        create_product = cls(
            name=name,
            sku=sku,
        )

        return create_product
