from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delegated_role import DelegatedRole
from ..models.relationship_status import RelationshipStatus

if TYPE_CHECKING:
    from ..models.relationship_partner import RelationshipPartner


T = TypeVar("T", bound="RelationshipView")


@_attrs_define
class RelationshipView:
    """
    Attributes:
        auto_extend (bool): Whether it extends itself by 180 days at `ends_at`; a tenant administrator may turn
            this off.
        ends_at (datetime.datetime):
        id (UUID):
        partner (RelationshipPartner):
        roles (list[DelegatedRole]): What the partner may do in the tenant (each role implies `directory_reader`).
        starts_at (datetime.datetime):
        status (RelationshipStatus): Where a delegated-admin relationship stands.
        tenant_id (UUID):
    """

    auto_extend: bool
    ends_at: datetime.datetime
    id: UUID
    partner: RelationshipPartner
    roles: list[DelegatedRole]
    starts_at: datetime.datetime
    status: RelationshipStatus
    tenant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_extend = self.auto_extend

        ends_at = self.ends_at.isoformat()

        id = str(self.id)

        partner = self.partner.to_dict()

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        tenant_id = str(self.tenant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_extend": auto_extend,
                "ends_at": ends_at,
                "id": id,
                "partner": partner,
                "roles": roles,
                "starts_at": starts_at,
                "status": status,
                "tenant_id": tenant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relationship_partner import RelationshipPartner  # noqa: PLC0415

        d = dict(src_dict)
        auto_extend = d.pop("auto_extend")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        id = UUID(d.pop("id"))

        partner = RelationshipPartner.from_dict(d.pop("partner"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = DelegatedRole(roles_item_data)

            roles.append(roles_item)

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = RelationshipStatus(d.pop("status"))

        tenant_id = UUID(d.pop("tenant_id"))

        relationship_view = cls(
            auto_extend=auto_extend,
            ends_at=ends_at,
            id=id,
            partner=partner,
            roles=roles,
            starts_at=starts_at,
            status=status,
            tenant_id=tenant_id,
        )

        relationship_view.additional_properties = d
        return relationship_view

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
