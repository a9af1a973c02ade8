from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserView")


@_attrs_define
class UserView:
    """A person in a customer tenant.

    Attributes:
        activated (bool): False until the user has set a password with the activation token.
        admin (bool): Tenant administrator.
        created_at (datetime.datetime):
        email (str):  Example: maria@fabrikam.example.
        first_name (str):  Example: Maria.
        id (UUID):
        last_name (str):  Example: Papadopoulou.
        licenses (list[UUID]): Subscriptions the user holds a licence on.
        tenant_id (UUID):
    """

    activated: bool
    admin: bool
    created_at: datetime.datetime
    email: str
    first_name: str
    id: UUID
    last_name: str
    licenses: list[UUID]
    tenant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activated = self.activated

        admin = self.admin

        created_at = self.created_at.isoformat()

        email = self.email

        first_name = self.first_name

        id = str(self.id)

        last_name = self.last_name

        licenses = []
        for licenses_item_data in self.licenses:
            licenses_item = str(licenses_item_data)
            licenses.append(licenses_item)

        tenant_id = str(self.tenant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activated": activated,
                "admin": admin,
                "created_at": created_at,
                "email": email,
                "first_name": first_name,
                "id": id,
                "last_name": last_name,
                "licenses": licenses,
                "tenant_id": tenant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activated = d.pop("activated")

        admin = d.pop("admin")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        first_name = d.pop("first_name")

        id = UUID(d.pop("id"))

        last_name = d.pop("last_name")

        licenses = []
        _licenses = d.pop("licenses")
        for licenses_item_data in _licenses:
            licenses_item = UUID(licenses_item_data)

            licenses.append(licenses_item)

        tenant_id = UUID(d.pop("tenant_id"))

        user_view = cls(
            activated=activated,
            admin=admin,
            created_at=created_at,
            email=email,
            first_name=first_name,
            id=id,
            last_name=last_name,
            licenses=licenses,
            tenant_id=tenant_id,
        )

        user_view.additional_properties = d
        return user_view

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
