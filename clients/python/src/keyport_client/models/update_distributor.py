from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateDistributor")


@_attrs_define
class UpdateDistributor:
    """
    Example:
        {'authorised': False}

    Attributes:
        authorised (bool | None | Unset):
        name (None | str | Unset):
    """

    authorised: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        authorised: bool | None | Unset
        if isinstance(self.authorised, Unset):
            authorised = UNSET
        else:
            authorised = self.authorised

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if authorised is not UNSET:
            field_dict["authorised"] = authorised
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_authorised(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        authorised = _parse_authorised(d.pop("authorised", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        update_distributor = cls(
            authorised=authorised,
            name=name,
        )

        return update_distributor
