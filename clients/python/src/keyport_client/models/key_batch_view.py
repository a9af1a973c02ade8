from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.key_channel import KeyChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="KeyBatchView")


@_attrs_define
class KeyBatchView:
    """
    Attributes:
        channel (KeyChannel): Who redeems a batch's keys.
        created_at (datetime.datetime):
        first_serial (str): Its first and last cards' serials: `keys[i]` of the mint is `first_serial + i`. Example:
            000042000001.
        id (UUID):
        imported (bool): True when the keys were imported rather than minted here.
        last_serial (str):  Example: 000042000100.
        product_id (UUID):
        quantity (int):
        seats_per_key (int):
        term_months (int):
        distributor_id (None | Unset | UUID): The distributor whose stock it was minted to.
        partner_id (None | Unset | UUID): The partner it was minted to straight (none for a retail batch or a
            distributor's).
    """

    channel: KeyChannel
    created_at: datetime.datetime
    first_serial: str
    id: UUID
    imported: bool
    last_serial: str
    product_id: UUID
    quantity: int
    seats_per_key: int
    term_months: int
    distributor_id: None | Unset | UUID = UNSET
    partner_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        created_at = self.created_at.isoformat()

        first_serial = self.first_serial

        id = str(self.id)

        imported = self.imported

        last_serial = self.last_serial

        product_id = str(self.product_id)

        quantity = self.quantity

        seats_per_key = self.seats_per_key

        term_months = self.term_months

        distributor_id: None | str | Unset
        if isinstance(self.distributor_id, Unset):
            distributor_id = UNSET
        elif isinstance(self.distributor_id, UUID):
            distributor_id = str(self.distributor_id)
        else:
            distributor_id = self.distributor_id

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "created_at": created_at,
                "first_serial": first_serial,
                "id": id,
                "imported": imported,
                "last_serial": last_serial,
                "product_id": product_id,
                "quantity": quantity,
                "seats_per_key": seats_per_key,
                "term_months": term_months,
            }
        )
        if distributor_id is not UNSET:
            field_dict["distributor_id"] = distributor_id
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = KeyChannel(d.pop("channel"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        first_serial = d.pop("first_serial")

        id = UUID(d.pop("id"))

        imported = d.pop("imported")

        last_serial = d.pop("last_serial")

        product_id = UUID(d.pop("product_id"))

        quantity = d.pop("quantity")

        seats_per_key = d.pop("seats_per_key")

        term_months = d.pop("term_months")

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

        key_batch_view = cls(
            channel=channel,
            created_at=created_at,
            first_serial=first_serial,
            id=id,
            imported=imported,
            last_serial=last_serial,
            product_id=product_id,
            quantity=quantity,
            seats_per_key=seats_per_key,
            term_months=term_months,
            distributor_id=distributor_id,
            partner_id=partner_id,
        )

        key_batch_view.additional_properties = d
        return key_batch_view

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
