from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UpdateRelationship")


@_attrs_define
class UpdateRelationship:
    """
    Example:
        {'auto_extend': False}

    Attributes:
        auto_extend (bool): `false` stops the relationship from extending itself: it ends at `ends_at`, with
            expiry notices 30, 7 and 1 days before. Only the partner's offer turns it on.
    """

    auto_extend: bool

    def to_dict(self) -> dict[str, Any]:
        auto_extend = self.auto_extend

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "auto_extend": auto_extend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auto_extend = d.pop("auto_extend")

        update_relationship = cls(
            auto_extend=auto_extend,
        )

        return update_relationship
