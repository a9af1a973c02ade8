from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.serial_range import SerialRange


T = TypeVar("T", bound="CreateAllocation")


@_attrs_define
class CreateAllocation:
    """Cards named by serials and ranges (at most 100 000 cards a request; a range stays in one
    batch and runs forwards).

        Attributes:
            partner_id (UUID): The reseller partner that receives the cards.
            order_id (None | Unset | UUID): The partner's order this allocation fulfils (same partner and product).
            product_id (None | Unset | UUID): Instead of serials: this many cards of the product, oldest stock first.
            quantity (int | None | Unset):
            ranges (list[SerialRange] | None | Unset):
            serials (list[str] | None | Unset): Single cards.
    """

    partner_id: UUID
    order_id: None | Unset | UUID = UNSET
    product_id: None | Unset | UUID = UNSET
    quantity: int | None | Unset = UNSET
    ranges: list[SerialRange] | None | Unset = UNSET
    serials: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        partner_id = str(self.partner_id)

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

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        ranges: list[dict[str, Any]] | None | Unset
        if isinstance(self.ranges, Unset):
            ranges = UNSET
        elif isinstance(self.ranges, list):
            ranges = []
            for ranges_type_0_item_data in self.ranges:
                ranges_type_0_item = ranges_type_0_item_data.to_dict()
                ranges.append(ranges_type_0_item)

        else:
            ranges = self.ranges

        serials: list[str] | None | Unset
        if isinstance(self.serials, Unset):
            serials = UNSET
        elif isinstance(self.serials, list):
            serials = self.serials

        else:
            serials = self.serials

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "partner_id": partner_id,
            }
        )
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if ranges is not UNSET:
            field_dict["ranges"] = ranges
        if serials is not UNSET:
            field_dict["serials"] = serials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.serial_range import SerialRange  # noqa: PLC0415

        d = dict(src_dict)
        partner_id = UUID(d.pop("partner_id"))

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

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_ranges(data: object) -> list[SerialRange] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ranges_type_0 = []
                _ranges_type_0 = data
                for ranges_type_0_item_data in _ranges_type_0:
                    ranges_type_0_item = SerialRange.from_dict(ranges_type_0_item_data)

                    ranges_type_0.append(ranges_type_0_item)

                return ranges_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SerialRange] | None | Unset, data)

        ranges = _parse_ranges(d.pop("ranges", UNSET))

        def _parse_serials(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                serials_type_0 = cast(list[str], data)

                return serials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        serials = _parse_serials(d.pop("serials", UNSET))

        create_allocation = cls(
            partner_id=partner_id,
            order_id=order_id,
            product_id=product_id,
            quantity=quantity,
            ranges=ranges,
            serials=serials,
        )

        return create_allocation
