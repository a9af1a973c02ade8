from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateDistributor")


@_attrs_define
class CreateDistributor:
    """
    Example:
        {'name': 'Northwind Distribution'}

    Attributes:
        name (str):
        authorised (bool | None | Unset): Default `true`.
    """

    name: str
    authorised: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        authorised: bool | None | Unset
        if isinstance(self.authorised, Unset):
            authorised = UNSET
        else:
            authorised = self.authorised

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if authorised is not UNSET:
            field_dict["authorised"] = authorised

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_authorised(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        authorised = _parse_authorised(d.pop("authorised", UNSET))

        create_distributor = cls(
            name=name,
            authorised=authorised,
        )

        return create_distributor
