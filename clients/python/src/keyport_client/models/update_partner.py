from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reseller import Reseller


T = TypeVar("T", bound="UpdatePartner")


@_attrs_define
class UpdatePartner:
    """
    Example:
        {'cloud_essentials': True}

    Attributes:
        cloud_essentials (bool | None | Unset):
        name (None | str | Unset):
        reseller (None | Reseller | Unset):
    """

    cloud_essentials: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    reseller: None | Reseller | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.reseller import Reseller  # noqa: PLC0415

        cloud_essentials: bool | None | Unset
        if isinstance(self.cloud_essentials, Unset):
            cloud_essentials = UNSET
        else:
            cloud_essentials = self.cloud_essentials

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        reseller: dict[str, Any] | None | Unset
        if isinstance(self.reseller, Unset):
            reseller = UNSET
        elif isinstance(self.reseller, Reseller):
            reseller = self.reseller.to_dict()
        else:
            reseller = self.reseller

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cloud_essentials is not UNSET:
            field_dict["cloud_essentials"] = cloud_essentials
        if name is not UNSET:
            field_dict["name"] = name
        if reseller is not UNSET:
            field_dict["reseller"] = reseller

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reseller import Reseller  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_cloud_essentials(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cloud_essentials = _parse_cloud_essentials(d.pop("cloud_essentials", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        update_partner = cls(
            cloud_essentials=cloud_essentials,
            name=name,
            reseller=reseller,
        )

        return update_partner
