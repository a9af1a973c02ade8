from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.key_channel import KeyChannel
from ..models.key_status import KeyStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_view import ProductView


T = TypeVar("T", bound="KeyView")


@_attrs_define
class KeyView:
    """A product key as anyone but its first recipient sees it: masked.

    Attributes:
        batch_id (UUID):
        channel (KeyChannel): Who redeems a batch's keys.
        created_at (datetime.datetime):
        id (UUID):
        key (str): Only the last five characters are kept. Example: *****-*****-*****-*****-7QX9F.
        product (ProductView):
        seats (int):  Example: 10.
        serial (str): Printed on the card: the batch's number (6 digits), then its position (6 digits). Example:
            000042000001.
        status (KeyStatus): Where a product key stands.
        term_months (int):  Example: 12.
        distributor_id (None | Unset | UUID): The distributor it was minted to; none when minted straight to a partner
            or retail.
        partner_id (None | Unset | UUID): The partner that holds it; none for a retail key or a card in a distributor's
            stock.
        redeemed_at (datetime.datetime | None | Unset):
    """

    batch_id: UUID
    channel: KeyChannel
    created_at: datetime.datetime
    id: UUID
    key: str
    product: ProductView
    seats: int
    serial: str
    status: KeyStatus
    term_months: int
    distributor_id: None | Unset | UUID = UNSET
    partner_id: None | Unset | UUID = UNSET
    redeemed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = str(self.batch_id)

        channel = self.channel.value

        created_at = self.created_at.isoformat()

        id = str(self.id)

        key = self.key

        product = self.product.to_dict()

        seats = self.seats

        serial = self.serial

        status = self.status.value

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

        redeemed_at: None | str | Unset
        if isinstance(self.redeemed_at, Unset):
            redeemed_at = UNSET
        elif isinstance(self.redeemed_at, datetime.datetime):
            redeemed_at = self.redeemed_at.isoformat()
        else:
            redeemed_at = self.redeemed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "channel": channel,
                "created_at": created_at,
                "id": id,
                "key": key,
                "product": product,
                "seats": seats,
                "serial": serial,
                "status": status,
                "term_months": term_months,
            }
        )
        if distributor_id is not UNSET:
            field_dict["distributor_id"] = distributor_id
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id
        if redeemed_at is not UNSET:
            field_dict["redeemed_at"] = redeemed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_view import ProductView  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = UUID(d.pop("batch_id"))

        channel = KeyChannel(d.pop("channel"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        key = d.pop("key")

        product = ProductView.from_dict(d.pop("product"))

        seats = d.pop("seats")

        serial = d.pop("serial")

        status = KeyStatus(d.pop("status"))

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

        def _parse_redeemed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                redeemed_at_type_0 = datetime.datetime.fromisoformat(data)

                return redeemed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        redeemed_at = _parse_redeemed_at(d.pop("redeemed_at", UNSET))

        key_view = cls(
            batch_id=batch_id,
            channel=channel,
            created_at=created_at,
            id=id,
            key=key,
            product=product,
            seats=seats,
            serial=serial,
            status=status,
            term_months=term_months,
            distributor_id=distributor_id,
            partner_id=partner_id,
            redeemed_at=redeemed_at,
        )

        key_view.additional_properties = d
        return key_view

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
