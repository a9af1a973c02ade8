from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListOfKeyBatchViewDataItem")


@_attrs_define
class ListOfKeyBatchViewDataItem:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        imported (bool): True when the keys were imported rather than minted here.
        partner_id (UUID):
        product_id (UUID):
        quantity (int):
        seats_per_key (int):
        term_months (int):
    """

    created_at: datetime.datetime
    id: UUID
    imported: bool
    partner_id: UUID
    product_id: UUID
    quantity: int
    seats_per_key: int
    term_months: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        imported = self.imported

        partner_id = str(self.partner_id)

        product_id = str(self.product_id)

        quantity = self.quantity

        seats_per_key = self.seats_per_key

        term_months = self.term_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "imported": imported,
                "partner_id": partner_id,
                "product_id": product_id,
                "quantity": quantity,
                "seats_per_key": seats_per_key,
                "term_months": term_months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        imported = d.pop("imported")

        partner_id = UUID(d.pop("partner_id"))

        product_id = UUID(d.pop("product_id"))

        quantity = d.pop("quantity")

        seats_per_key = d.pop("seats_per_key")

        term_months = d.pop("term_months")

        list_of_key_batch_view_data_item = cls(
            created_at=created_at,
            id=id,
            imported=imported,
            partner_id=partner_id,
            product_id=product_id,
            quantity=quantity,
            seats_per_key=seats_per_key,
            term_months=term_months,
        )

        list_of_key_batch_view_data_item.additional_properties = d
        return list_of_key_batch_view_data_item

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
