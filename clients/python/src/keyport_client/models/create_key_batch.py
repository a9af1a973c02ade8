from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.key_channel import KeyChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateKeyBatch")


@_attrs_define
class CreateKeyBatch:
    """
    Example:
        {'partner_id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01', 'product_id': '01900000-0000-7000-8000-000000000002',
            'quantity': 5, 'seats_per_key': 10, 'term_months': 12}

    Attributes:
        product_id (UUID):
        seats_per_key (int): Seats each key adds (1–10 000).
        term_months (int): Months of the subscription each key buys (1–60).
        channel (KeyChannel | None | Unset):
        distributor_id (None | Unset | UUID): Mint into this authorised distributor's stock instead: the cards are
            `in_stock`,
            inert until it allocates them to a reseller.
        keys (list[str] | None | Unset): Import keys made elsewhere (each format- and checksum-checked), instead of
            `quantity`.
        partner_id (None | Unset | UUID): The partner that receives the keys straight (it must have a reseller
            relationship
            with an authorised distributor); none for a retail batch or a distributor's stock.
        quantity (int | None | Unset): Mint this many fresh keys (1–100 000). Give either `quantity` or `keys`.
    """

    product_id: UUID
    seats_per_key: int
    term_months: int
    channel: KeyChannel | None | Unset = UNSET
    distributor_id: None | Unset | UUID = UNSET
    keys: list[str] | None | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET
    quantity: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        product_id = str(self.product_id)

        seats_per_key = self.seats_per_key

        term_months = self.term_months

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, KeyChannel):
            channel = self.channel.value
        else:
            channel = self.channel

        distributor_id: None | str | Unset
        if isinstance(self.distributor_id, Unset):
            distributor_id = UNSET
        elif isinstance(self.distributor_id, UUID):
            distributor_id = str(self.distributor_id)
        else:
            distributor_id = self.distributor_id

        keys: list[str] | None | Unset
        if isinstance(self.keys, Unset):
            keys = UNSET
        elif isinstance(self.keys, list):
            keys = self.keys

        else:
            keys = self.keys

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "product_id": product_id,
                "seats_per_key": seats_per_key,
                "term_months": term_months,
            }
        )
        if channel is not UNSET:
            field_dict["channel"] = channel
        if distributor_id is not UNSET:
            field_dict["distributor_id"] = distributor_id
        if keys is not UNSET:
            field_dict["keys"] = keys
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_id = UUID(d.pop("product_id"))

        seats_per_key = d.pop("seats_per_key")

        term_months = d.pop("term_months")

        def _parse_channel(data: object) -> KeyChannel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = KeyChannel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KeyChannel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        def _parse_distributor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                distributor_id_type_0 = UUID(data)

                return distributor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        distributor_id = _parse_distributor_id(d.pop("distributor_id", UNSET))

        def _parse_keys(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                keys_type_0 = cast(list[str], data)

                return keys_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        keys = _parse_keys(d.pop("keys", UNSET))

        def _parse_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partner_id_type_0 = UUID(data)

                return partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        create_key_batch = cls(
            product_id=product_id,
            seats_per_key=seats_per_key,
            term_months=term_months,
            channel=channel,
            distributor_id=distributor_id,
            keys=keys,
            partner_id=partner_id,
            quantity=quantity,
        )

        return create_key_batch
