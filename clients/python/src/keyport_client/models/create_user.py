from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateUser")


@_attrs_define
class CreateUser:
    """
    Example:
        {'admin': False, 'email': 'nikos@fabrikam.example', 'first_name': 'Nikos', 'last_name': 'Georgiou',
            'license_subscription_id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}

    Attributes:
        email (str):
        first_name (str):
        last_name (str):
        admin (bool | Unset): Tenant administrator (default false).
        license_subscription_id (None | Unset | UUID): Assign a licence on this subscription of the tenant right away.
    """

    email: str
    first_name: str
    last_name: str
    admin: bool | Unset = UNSET
    license_subscription_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        admin = self.admin

        license_subscription_id: None | str | Unset
        if isinstance(self.license_subscription_id, Unset):
            license_subscription_id = UNSET
        elif isinstance(self.license_subscription_id, UUID):
            license_subscription_id = str(self.license_subscription_id)
        else:
            license_subscription_id = self.license_subscription_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
            }
        )
        if admin is not UNSET:
            field_dict["admin"] = admin
        if license_subscription_id is not UNSET:
            field_dict["license_subscription_id"] = license_subscription_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        admin = d.pop("admin", UNSET)

        def _parse_license_subscription_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                license_subscription_id_type_0 = UUID(data)

                return license_subscription_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        license_subscription_id = _parse_license_subscription_id(d.pop("license_subscription_id", UNSET))

        create_user = cls(
            email=email,
            first_name=first_name,
            last_name=last_name,
            admin=admin,
            license_subscription_id=license_subscription_id,
        )

        return create_user
