from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOrder")


@_attrs_define
class CreateOrder:
    """
    Example:
        {'distributor_id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f31', 'product_id': '01900000-0000-7000-8000-000000000002',
            'quantity': 100, 'reference': 'PO-2026-118'}

    Attributes:
        distributor_id (UUID):
        product_id (UUID):
        quantity (int):
        reference (None | str | Unset): The partner's own reference (a purchase order number).
    """

    distributor_id: UUID
    product_id: UUID
    quantity: int
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        distributor_id = str(self.distributor_id)

        product_id = str(self.product_id)

        quantity = self.quantity

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "distributor_id": distributor_id,
                "product_id": product_id,
                "quantity": quantity,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        distributor_id = UUID(d.pop("distributor_id"))

        product_id = UUID(d.pop("product_id"))

        quantity = d.pop("quantity")

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        create_order = cls(
            distributor_id=distributor_id,
            product_id=product_id,
            quantity=quantity,
            reference=reference,
        )

        return create_order
