from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOffer")


@_attrs_define
class CreateOffer:
    """
    Example:
        {'duration_days': 365, 'message': 'We would like to manage your users and licences for you.', 'tenant_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}

    Attributes:
        message (str): Shown to the customer with the offer.
        tenant_id (UUID):
        duration_days (int | None | Unset): Length of the relationship once accepted, 1–730 days (default 730).
    """

    message: str
    tenant_id: UUID
    duration_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        tenant_id = str(self.tenant_id)

        duration_days: int | None | Unset
        if isinstance(self.duration_days, Unset):
            duration_days = UNSET
        else:
            duration_days = self.duration_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
                "tenant_id": tenant_id,
            }
        )
        if duration_days is not UNSET:
            field_dict["duration_days"] = duration_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        tenant_id = UUID(d.pop("tenant_id"))

        def _parse_duration_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_days = _parse_duration_days(d.pop("duration_days", UNSET))

        create_offer = cls(
            message=message,
            tenant_id=tenant_id,
            duration_days=duration_days,
        )

        return create_offer
