from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.serial_range import SerialRange


T = TypeVar("T", bound="CreateReturn")


@_attrs_define
class CreateReturn:
    """
    Example:
        {'ranges': [{'from': '000042000051', 'to': '000042000100'}], 'reason': 'Overstock'}

    Attributes:
        ranges (list[SerialRange] | None | Unset):
        reason (None | str | Unset):
        serials (list[str] | None | Unset):
    """

    ranges: list[SerialRange] | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    serials: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ranges: list[dict[str, Any]] | None | Unset
        if isinstance(self.ranges, Unset):
            ranges = UNSET
        elif isinstance(self.ranges, list):
            ranges = []
            for ranges_type_0_item_data in self.ranges:
                ranges_type_0_item = ranges_type_0_item_data.to_dict()
                ranges.append(ranges_type_0_item)

        else:
            ranges = self.ranges

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        serials: list[str] | None | Unset
        if isinstance(self.serials, Unset):
            serials = UNSET
        elif isinstance(self.serials, list):
            serials = self.serials

        else:
            serials = self.serials

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ranges is not UNSET:
            field_dict["ranges"] = ranges
        if reason is not UNSET:
            field_dict["reason"] = reason
        if serials is not UNSET:
            field_dict["serials"] = serials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.serial_range import SerialRange  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_ranges(data: object) -> list[SerialRange] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ranges_type_0 = []
                _ranges_type_0 = data
                for ranges_type_0_item_data in _ranges_type_0:
                    ranges_type_0_item = SerialRange.from_dict(ranges_type_0_item_data)

                    ranges_type_0.append(ranges_type_0_item)

                return ranges_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SerialRange] | None | Unset, data)

        ranges = _parse_ranges(d.pop("ranges", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_serials(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                serials_type_0 = cast(list[str], data)

                return serials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        serials = _parse_serials(d.pop("serials", UNSET))

        create_return = cls(
            ranges=ranges,
            reason=reason,
            serials=serials,
        )

        return create_return
