from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_view import ProductView


T = TypeVar("T", bound="RedemptionEntry")


@_attrs_define
class RedemptionEntry:
    """One key in a redemption (masked).

    Attributes:
        id (UUID): Entry id, for removing the key again.
        key (str):  Example: *****-*****-*****-*****-7QX9F.
        product (ProductView):
        seats (int):  Example: 10.
        term_months (int):  Example: 12.
    """

    id: UUID
    key: str
    product: ProductView
    seats: int
    term_months: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        product = self.product.to_dict()

        seats = self.seats

        term_months = self.term_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "product": product,
                "seats": seats,
                "term_months": term_months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_view import ProductView  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        product = ProductView.from_dict(d.pop("product"))

        seats = d.pop("seats")

        term_months = d.pop("term_months")

        redemption_entry = cls(
            id=id,
            key=key,
            product=product,
            seats=seats,
            term_months=term_months,
        )

        redemption_entry.additional_properties = d
        return redemption_entry

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
