from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.admin_input import AdminInput


T = TypeVar("T", bound="SignUp")


@_attrs_define
class SignUp:
    """A customer without a partner signs up with a retail key.

    Example:
        {'admin': {'email': 'maria@fabrikam.example', 'first_name': 'Maria', 'last_name': 'Papadopoulou'},
            'company_name': 'Fabrikam Ltd', 'country': 'GR', 'domain': 'fabrikam', 'key': 'BCDFG-HJKMP-QRTVW-XY234-6789B'}

    Attributes:
        admin (AdminInput):
        company_name (str):
        country (str): ISO 3166-1 alpha-2 code of a supported market (`GET /v1/countries`).
        domain (str): Initial domain prefix: lower-case letters, digits and hyphens (not first or last), 3–63.
        key (str): A retail product key (case-insensitive; spaces and hyphens are ignored).
    """

    admin: AdminInput
    company_name: str
    country: str
    domain: str
    key: str

    def to_dict(self) -> dict[str, Any]:
        admin = self.admin.to_dict()

        company_name = self.company_name

        country = self.country

        domain = self.domain

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "admin": admin,
                "company_name": company_name,
                "country": country,
                "domain": domain,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_input import AdminInput  # noqa: PLC0415

        d = dict(src_dict)
        admin = AdminInput.from_dict(d.pop("admin"))

        company_name = d.pop("company_name")

        country = d.pop("country")

        domain = d.pop("domain")

        key = d.pop("key")

        sign_up = cls(
            admin=admin,
            company_name=company_name,
            country=country,
            domain=domain,
            key=key,
        )

        return sign_up
