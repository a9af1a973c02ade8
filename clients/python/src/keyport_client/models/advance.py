from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Advance")


@_attrs_define
class Advance:
    """
    Example:
        {'days': 30, 'hours': 6}

    Attributes:
        days (int): Whole days to move forward (0–3650).
        hours (int | None | Unset): Extra hours (0–23).
    """

    days: int
    hours: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        hours: int | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "days": days,
            }
        )
        if hours is not UNSET:
            field_dict["hours"] = hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = d.pop("days")

        def _parse_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        advance = cls(
            days=days,
            hours=hours,
        )

        return advance
