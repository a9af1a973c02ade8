from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.delegated_role import DelegatedRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOffer")


@_attrs_define
class CreateOffer:
    """
    Example:
        {'auto_extend': True, 'duration_days': 365, 'message': 'We would like to manage your users and licences for
            you.', 'roles': ['user_administrator', 'license_administrator'], 'tenant_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}

    Attributes:
        message (str): Shown to the customer with the offer.
        tenant_id (UUID):
        auto_extend (bool | None | Unset): Extend the relationship by 180 days at its end, until the customer turns this
            off
            (default false; not with `global_administrator`: 422 `auto-extend-not-allowed`).
        duration_days (int | None | Unset): Length of the relationship once accepted, 1–730 days (default 730).
        roles (list[DelegatedRole] | None | Unset): What the relationship will allow (at least one role). Omitted:
            `user_administrator`, `license_administrator`, `billing_administrator`.
    """

    message: str
    tenant_id: UUID
    auto_extend: bool | None | Unset = UNSET
    duration_days: int | None | Unset = UNSET
    roles: list[DelegatedRole] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        tenant_id = str(self.tenant_id)

        auto_extend: bool | None | Unset
        if isinstance(self.auto_extend, Unset):
            auto_extend = UNSET
        else:
            auto_extend = self.auto_extend

        duration_days: int | None | Unset
        if isinstance(self.duration_days, Unset):
            duration_days = UNSET
        else:
            duration_days = self.duration_days

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
                "tenant_id": tenant_id,
            }
        )
        if auto_extend is not UNSET:
            field_dict["auto_extend"] = auto_extend
        if duration_days is not UNSET:
            field_dict["duration_days"] = duration_days
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        tenant_id = UUID(d.pop("tenant_id"))

        def _parse_auto_extend(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_extend = _parse_auto_extend(d.pop("auto_extend", UNSET))

        def _parse_duration_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_days = _parse_duration_days(d.pop("duration_days", UNSET))

        def _parse_roles(data: object) -> list[DelegatedRole] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = DelegatedRole(roles_type_0_item_data)

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DelegatedRole] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        create_offer = cls(
            message=message,
            tenant_id=tenant_id,
            auto_extend=auto_extend,
            duration_days=duration_days,
            roles=roles,
        )

        return create_offer
