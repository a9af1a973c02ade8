from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RotateSecret")


@_attrs_define
class RotateSecret:
    """How long the secret being replaced keeps signing in.

    Example:
        {'previous_valid_for_hours': 24}

    Attributes:
        previous_valid_for_hours (int | None | Unset): Hours the previous secret keeps signing in on every instance
            (0–168, default 24; 0:
            it stops at once). Tokens already issued run out within their lifetime either way.
    """

    previous_valid_for_hours: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        previous_valid_for_hours: int | None | Unset
        if isinstance(self.previous_valid_for_hours, Unset):
            previous_valid_for_hours = UNSET
        else:
            previous_valid_for_hours = self.previous_valid_for_hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if previous_valid_for_hours is not UNSET:
            field_dict["previous_valid_for_hours"] = previous_valid_for_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_previous_valid_for_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        previous_valid_for_hours = _parse_previous_valid_for_hours(d.pop("previous_valid_for_hours", UNSET))

        rotate_secret = cls(
            previous_valid_for_hours=previous_valid_for_hours,
        )

        return rotate_secret
