from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_status import TenantStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantView")


@_attrs_define
class TenantView:
    """
    Attributes:
        company_name (str):  Example: Fabrikam Ltd.
        country (str):  Example: GR.
        created_at (datetime.datetime):
        id (UUID):
        status (TenantStatus): Whether a tenant's data is still there.
        created_by_partner_id (None | Unset | UUID): None for a tenant its customer created with a retail key.
        domain (None | str | Unset): The initial domain prefix; null once the tenant's data is deleted (the prefix is
            then free for a new tenant). Example: fabrikam.
    """

    company_name: str
    country: str
    created_at: datetime.datetime
    id: UUID
    status: TenantStatus
    created_by_partner_id: None | Unset | UUID = UNSET
    domain: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company_name = self.company_name

        country = self.country

        created_at = self.created_at.isoformat()

        id = str(self.id)

        status = self.status.value

        created_by_partner_id: None | str | Unset
        if isinstance(self.created_by_partner_id, Unset):
            created_by_partner_id = UNSET
        elif isinstance(self.created_by_partner_id, UUID):
            created_by_partner_id = str(self.created_by_partner_id)
        else:
            created_by_partner_id = self.created_by_partner_id

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "company_name": company_name,
                "country": country,
                "created_at": created_at,
                "id": id,
                "status": status,
            }
        )
        if created_by_partner_id is not UNSET:
            field_dict["created_by_partner_id"] = created_by_partner_id
        if domain is not UNSET:
            field_dict["domain"] = domain

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_name = d.pop("company_name")

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        status = TenantStatus(d.pop("status"))

        def _parse_created_by_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_partner_id_type_0 = UUID(data)

                return created_by_partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        created_by_partner_id = _parse_created_by_partner_id(d.pop("created_by_partner_id", UNSET))

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))

        tenant_view = cls(
            company_name=company_name,
            country=country,
            created_at=created_at,
            id=id,
            status=status,
            created_by_partner_id=created_by_partner_id,
            domain=domain,
        )

        tenant_view.additional_properties = d
        return tenant_view

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
