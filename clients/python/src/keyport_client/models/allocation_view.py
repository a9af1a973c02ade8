from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AllocationView")


@_attrs_define
class AllocationView:
    """
    Attributes:
        created_at (datetime.datetime):
        distributor_id (UUID):
        first_serial (str):  Example: 000042000001.
        id (UUID):
        last_serial (str):  Example: 000042000100.
        partner_id (UUID):
        quantity (int):
        order_id (None | Unset | UUID):
        product_id (None | Unset | UUID): The cards' product (null when they are of several).
    """

    created_at: datetime.datetime
    distributor_id: UUID
    first_serial: str
    id: UUID
    last_serial: str
    partner_id: UUID
    quantity: int
    order_id: None | Unset | UUID = UNSET
    product_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        distributor_id = str(self.distributor_id)

        first_serial = self.first_serial

        id = str(self.id)

        last_serial = self.last_serial

        partner_id = str(self.partner_id)

        quantity = self.quantity

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        elif isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "distributor_id": distributor_id,
                "first_serial": first_serial,
                "id": id,
                "last_serial": last_serial,
                "partner_id": partner_id,
                "quantity": quantity,
            }
        )
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        distributor_id = UUID(d.pop("distributor_id"))

        first_serial = d.pop("first_serial")

        id = UUID(d.pop("id"))

        last_serial = d.pop("last_serial")

        partner_id = UUID(d.pop("partner_id"))

        quantity = d.pop("quantity")

        def _parse_order_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        allocation_view = cls(
            created_at=created_at,
            distributor_id=distributor_id,
            first_serial=first_serial,
            id=id,
            last_serial=last_serial,
            partner_id=partner_id,
            quantity=quantity,
            order_id=order_id,
            product_id=product_id,
        )

        allocation_view.additional_properties = d
        return allocation_view

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
