from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.serial_range import SerialRange


T = TypeVar("T", bound="CreateRevocation")


@_attrs_define
class CreateRevocation:
    """Lost or stolen cards: by serials and ranges, or a whole batch.

    Example:
        {'ranges': [{'from': '000042000001', 'to': '000042000500'}], 'reason': 'Box lost in transit'}

    Attributes:
        reason (str):
        batch_id (None | Unset | UUID):
        ranges (list[SerialRange] | None | Unset):
        serials (list[str] | None | Unset):
    """

    reason: str
    batch_id: None | Unset | UUID = UNSET
    ranges: list[SerialRange] | None | Unset = UNSET
    serials: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        batch_id: None | str | Unset
        if isinstance(self.batch_id, Unset):
            batch_id = UNSET
        elif isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

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

        serials: list[str] | None | Unset
        if isinstance(self.serials, Unset):
            serials = UNSET
        elif isinstance(self.serials, list):
            serials = self.serials

        else:
            serials = self.serials

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if batch_id is not UNSET:
            field_dict["batch_id"] = batch_id
        if ranges is not UNSET:
            field_dict["ranges"] = ranges
        if serials is not UNSET:
            field_dict["serials"] = serials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.serial_range import SerialRange  # noqa: PLC0415

        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_batch_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)

                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id", UNSET))

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

        create_revocation = cls(
            reason=reason,
            batch_id=batch_id,
            ranges=ranges,
            serials=serials,
        )

        return create_revocation
