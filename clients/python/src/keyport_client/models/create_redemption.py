from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateRedemption")


@_attrs_define
class CreateRedemption:
    """
    Example:
        {'acknowledged': True}

    Attributes:
        acknowledged (bool | None | Unset): "I understand that I am the right person to do this for my company."
    """

    acknowledged: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        acknowledged: bool | None | Unset
        if isinstance(self.acknowledged, Unset):
            acknowledged = UNSET
        else:
            acknowledged = self.acknowledged

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if acknowledged is not UNSET:
            field_dict["acknowledged"] = acknowledged

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acknowledged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        acknowledged = _parse_acknowledged(d.pop("acknowledged", UNSET))

        create_redemption = cls(
            acknowledged=acknowledged,
        )

        return create_redemption
