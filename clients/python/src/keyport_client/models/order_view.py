from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status import OrderStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderView")


@_attrs_define
class OrderView:
    """
    Attributes:
        allocated (int): Cards allocated against it so far.
        created_at (datetime.datetime):
        distributor_id (UUID):
        id (UUID):
        partner_id (UUID):
        product_id (UUID):
        quantity (int):
        status (OrderStatus): Where a partner's order of key cards stands.
        reason (None | str | Unset): Why the distributor rejected it.
        reference (None | str | Unset):
    """

    allocated: int
    created_at: datetime.datetime
    distributor_id: UUID
    id: UUID
    partner_id: UUID
    product_id: UUID
    quantity: int
    status: OrderStatus
    reason: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocated = self.allocated

        created_at = self.created_at.isoformat()

        distributor_id = str(self.distributor_id)

        id = str(self.id)

        partner_id = str(self.partner_id)

        product_id = str(self.product_id)

        quantity = self.quantity

        status = self.status.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocated": allocated,
                "created_at": created_at,
                "distributor_id": distributor_id,
                "id": id,
                "partner_id": partner_id,
                "product_id": product_id,
                "quantity": quantity,
                "status": status,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allocated = d.pop("allocated")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        distributor_id = UUID(d.pop("distributor_id"))

        id = UUID(d.pop("id"))

        partner_id = UUID(d.pop("partner_id"))

        product_id = UUID(d.pop("product_id"))

        quantity = d.pop("quantity")

        status = OrderStatus(d.pop("status"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        order_view = cls(
            allocated=allocated,
            created_at=created_at,
            distributor_id=distributor_id,
            id=id,
            partner_id=partner_id,
            product_id=product_id,
            quantity=quantity,
            status=status,
            reason=reason,
            reference=reference,
        )

        order_view.additional_properties = d
        return order_view

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
