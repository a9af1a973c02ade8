from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reseller import Reseller


T = TypeVar("T", bound="PartnerView")


@_attrs_define
class PartnerView:
    """
    Attributes:
        cloud_essentials (bool): Enrolled in Cloud Essentials (may offer delegated administration).
        created_at (datetime.datetime):
        id (UUID):
        name (str):  Example: Contoso IT Services.
        partner_number (str): The partner-of-record number customers type in: 7 digits. Example: 4820193.
        reseller (None | Reseller | Unset):
    """

    cloud_essentials: bool
    created_at: datetime.datetime
    id: UUID
    name: str
    partner_number: str
    reseller: None | Reseller | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reseller import Reseller  # noqa: PLC0415

        cloud_essentials = self.cloud_essentials

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        partner_number = self.partner_number

        reseller: dict[str, Any] | None | Unset
        if isinstance(self.reseller, Unset):
            reseller = UNSET
        elif isinstance(self.reseller, Reseller):
            reseller = self.reseller.to_dict()
        else:
            reseller = self.reseller

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cloud_essentials": cloud_essentials,
                "created_at": created_at,
                "id": id,
                "name": name,
                "partner_number": partner_number,
            }
        )
        if reseller is not UNSET:
            field_dict["reseller"] = reseller

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reseller import Reseller  # noqa: PLC0415

        d = dict(src_dict)
        cloud_essentials = d.pop("cloud_essentials")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        partner_number = d.pop("partner_number")

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

        partner_view = cls(
            cloud_essentials=cloud_essentials,
            created_at=created_at,
            id=id,
            name=name,
            partner_number=partner_number,
            reseller=reseller,
        )

        partner_view.additional_properties = d
        return partner_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
