from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reseller import Reseller


T = TypeVar("T", bound="CreatePartner")


@_attrs_define
class CreatePartner:
    """
    Example:
        {'cloud_essentials': True, 'name': 'Contoso IT Services', 'reseller': {'distributor': 'Northwind Distribution',
            'since': '2025-03-01'}}

    Attributes:
        name (str):
        cloud_essentials (bool | Unset):
        reseller (None | Reseller | Unset):
    """

    name: str
    cloud_essentials: bool | Unset = UNSET
    reseller: None | Reseller | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.reseller import Reseller  # noqa: PLC0415

        name = self.name

        cloud_essentials = self.cloud_essentials

        reseller: dict[str, Any] | None | Unset
        if isinstance(self.reseller, Unset):
            reseller = UNSET
        elif isinstance(self.reseller, Reseller):
            reseller = self.reseller.to_dict()
        else:
            reseller = self.reseller

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if cloud_essentials is not UNSET:
            field_dict["cloud_essentials"] = cloud_essentials
        if reseller is not UNSET:
            field_dict["reseller"] = reseller

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reseller import Reseller  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        cloud_essentials = d.pop("cloud_essentials", UNSET)

        def _parse_reseller(data: object) -> None | Reseller | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reseller_type_0 = Reseller.from_dict(data)

                return reseller_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reseller | Unset, data)

        reseller = _parse_reseller(d.pop("reseller", UNSET))

        create_partner = cls(
            name=name,
            cloud_essentials=cloud_essentials,
            reseller=reseller,
        )

        return create_partner
