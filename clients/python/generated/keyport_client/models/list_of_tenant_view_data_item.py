from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_status import TenantStatus

T = TypeVar("T", bound="ListOfTenantViewDataItem")


@_attrs_define
class ListOfTenantViewDataItem:
    """
    Attributes:
        company_name (str):  Example: Fabrikam Ltd.
        country (str):  Example: GR.
        created_at (datetime.datetime):
        created_by_partner_id (UUID):
        domain (str): The initial domain prefix. Example: fabrikam.
        id (UUID):
        status (TenantStatus):
    """

    company_name: str
    country: str
    created_at: datetime.datetime
    created_by_partner_id: UUID
    domain: str
    id: UUID
    status: TenantStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company_name = self.company_name

        country = self.country

        created_at = self.created_at.isoformat()

        created_by_partner_id = str(self.created_by_partner_id)

        domain = self.domain

        id = str(self.id)

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "company_name": company_name,
                "country": country,
                "created_at": created_at,
                "created_by_partner_id": created_by_partner_id,
                "domain": domain,
                "id": id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_name = d.pop("company_name")

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by_partner_id = UUID(d.pop("created_by_partner_id"))

        domain = d.pop("domain")

        id = UUID(d.pop("id"))

        status = TenantStatus(d.pop("status"))

        list_of_tenant_view_data_item = cls(
            company_name=company_name,
            country=country,
            created_at=created_at,
            created_by_partner_id=created_by_partner_id,
            domain=domain,
            id=id,
            status=status,
        )

        list_of_tenant_view_data_item.additional_properties = d
        return list_of_tenant_view_data_item

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
