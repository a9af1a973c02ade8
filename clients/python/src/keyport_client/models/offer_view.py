from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delegated_role import DelegatedRole
from ..models.offer_status import OfferStatus

T = TypeVar("T", bound="OfferView")


@_attrs_define
class OfferView:
    """
    Attributes:
        auto_extend (bool): Whether the relationship will extend itself by 180 days at its end.
        created_at (datetime.datetime):
        duration_days (int): Length of the relationship the offer proposes.
        expires_at (datetime.datetime):
        id (UUID):
        message (str):
        partner_id (UUID):
        roles (list[DelegatedRole]): What the relationship will allow, once accepted (each role implies
            `directory_reader`).
        status (OfferStatus): Where a delegated-admin offer stands.
        tenant_id (UUID):
    """

    auto_extend: bool
    created_at: datetime.datetime
    duration_days: int
    expires_at: datetime.datetime
    id: UUID
    message: str
    partner_id: UUID
    roles: list[DelegatedRole]
    status: OfferStatus
    tenant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_extend = self.auto_extend

        created_at = self.created_at.isoformat()

        duration_days = self.duration_days

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        message = self.message

        partner_id = str(self.partner_id)

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        status = self.status.value

        tenant_id = str(self.tenant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_extend": auto_extend,
                "created_at": created_at,
                "duration_days": duration_days,
                "expires_at": expires_at,
                "id": id,
                "message": message,
                "partner_id": partner_id,
                "roles": roles,
                "status": status,
                "tenant_id": tenant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auto_extend = d.pop("auto_extend")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        duration_days = d.pop("duration_days")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        message = d.pop("message")

        partner_id = UUID(d.pop("partner_id"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = DelegatedRole(roles_item_data)

            roles.append(roles_item)

        status = OfferStatus(d.pop("status"))

        tenant_id = UUID(d.pop("tenant_id"))

        offer_view = cls(
            auto_extend=auto_extend,
            created_at=created_at,
            duration_days=duration_days,
            expires_at=expires_at,
            id=id,
            message=message,
            partner_id=partner_id,
            roles=roles,
            status=status,
            tenant_id=tenant_id,
        )

        offer_view.additional_properties = d
        return offer_view

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
