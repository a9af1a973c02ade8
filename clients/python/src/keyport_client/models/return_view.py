from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnView")


@_attrs_define
class ReturnView:
    """
    Attributes:
        created_at (datetime.datetime):
        distributor_id (UUID):
        id (UUID):
        partner_id (UUID):
        quantity (int):
        reason (None | str | Unset):
    """

    created_at: datetime.datetime
    distributor_id: UUID
    id: UUID
    partner_id: UUID
    quantity: int
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        distributor_id = str(self.distributor_id)

        id = str(self.id)

        partner_id = str(self.partner_id)

        quantity = self.quantity

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "distributor_id": distributor_id,
                "id": id,
                "partner_id": partner_id,
                "quantity": quantity,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        distributor_id = UUID(d.pop("distributor_id"))

        id = UUID(d.pop("id"))

        partner_id = UUID(d.pop("partner_id"))

        quantity = d.pop("quantity")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        return_view = cls(
            created_at=created_at,
            distributor_id=distributor_id,
            id=id,
            partner_id=partner_id,
            quantity=quantity,
            reason=reason,
        )

        return_view.additional_properties = d
        return return_view

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
