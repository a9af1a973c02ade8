from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KeyInput")


@_attrs_define
class KeyInput:
    """
    Example:
        {'key': 'BCDFG-HJKMP-QRTVW-XY234-6789B'}

    Attributes:
        key (str): Case-insensitive; spaces and hyphens are ignored.
    """

    key: str

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        key_input = cls(
            key=key,
        )

        return key_input
