from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportUser")


@_attrs_define
class ImportUser:
    """One user to create. `email` must be an e-mail address (at most 254 characters), the
    names 1 to 100 characters; `license_skus` names at most 20 products the tenant has a
    live subscription of.

        Attributes:
            email (str):
            first_name (str):
            last_name (str):
            admin (bool | Unset): Tenant administrator (default false).
            license_skus (list[str] | Unset): A licence on the tenant's subscription of each of these products.
    """

    email: str
    first_name: str
    last_name: str
    admin: bool | Unset = UNSET
    license_skus: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        admin = self.admin

        license_skus: list[str] | Unset = UNSET
        if not isinstance(self.license_skus, Unset):
            license_skus = self.license_skus

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
        if license_skus is not UNSET:
            field_dict["license_skus"] = license_skus

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        admin = d.pop("admin", UNSET)

        license_skus = cast(list[str], d.pop("license_skus", UNSET))

        import_user = cls(
            email=email,
            first_name=first_name,
            last_name=last_name,
            admin=admin,
            license_skus=license_skus,
        )

        return import_user
