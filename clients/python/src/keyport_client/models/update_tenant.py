from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateTenant")


@_attrs_define
class UpdateTenant:
    """
    Example:
        {'company_name': 'Fabrikam Hellas Ltd'}

    Attributes:
        company_name (None | str | Unset):
    """

    company_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_name: None | str | Unset
        if isinstance(self.company_name, Unset):
            company_name = UNSET
        else:
            company_name = self.company_name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if company_name is not UNSET:
            field_dict["company_name"] = company_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_company_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_name = _parse_company_name(d.pop("company_name", UNSET))

        update_tenant = cls(
            company_name=company_name,
        )

        return update_tenant
