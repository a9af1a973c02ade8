from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_view import ProductView


T = TypeVar("T", bound="PartnerStockView")


@_attrs_define
class PartnerStockView:
    """A partner's cards of one product.

    Attributes:
        available (int):
        product (ProductView):
        redeemed (int):
        reserved (int): Held by an open redemption.
        revoked (int):
    """

    available: int
    product: ProductView
    redeemed: int
    reserved: int
    revoked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        product = self.product.to_dict()

        redeemed = self.redeemed

        reserved = self.reserved

        revoked = self.revoked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "product": product,
                "redeemed": redeemed,
                "reserved": reserved,
                "revoked": revoked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_view import ProductView  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        product = ProductView.from_dict(d.pop("product"))

        redeemed = d.pop("redeemed")

        reserved = d.pop("reserved")

        revoked = d.pop("revoked")

        partner_stock_view = cls(
            available=available,
            product=product,
            redeemed=redeemed,
            reserved=reserved,
            revoked=revoked,
        )

        partner_stock_view.additional_properties = d
        return partner_stock_view

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
