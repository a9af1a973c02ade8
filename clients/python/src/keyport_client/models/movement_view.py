from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.movement_kind import MovementKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.holder import Holder
    from ..models.movement_actor import MovementActor


T = TypeVar("T", bound="MovementView")


@_attrs_define
class MovementView:
    """One entry of a card's custody ledger.

    Attributes:
        actor (MovementActor):
        at (datetime.datetime):
        id (UUID):
        key_id (UUID):
        kind (MovementKind): What happened to a card, as the custody ledger records it.
        serial (str):  Example: 000042000001.
        allocation_id (None | Unset | UUID):
        from_ (Holder | None | Unset):
        redemption_id (None | Unset | UUID):
        to (Holder | None | Unset):
    """

    actor: MovementActor
    at: datetime.datetime
    id: UUID
    key_id: UUID
    kind: MovementKind
    serial: str
    allocation_id: None | Unset | UUID = UNSET
    from_: Holder | None | Unset = UNSET
    redemption_id: None | Unset | UUID = UNSET
    to: Holder | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.holder import Holder  # noqa: PLC0415

        actor = self.actor.to_dict()

        at = self.at.isoformat()

        id = str(self.id)

        key_id = str(self.key_id)

        kind = self.kind.value

        serial = self.serial

        allocation_id: None | str | Unset
        if isinstance(self.allocation_id, Unset):
            allocation_id = UNSET
        elif isinstance(self.allocation_id, UUID):
            allocation_id = str(self.allocation_id)
        else:
            allocation_id = self.allocation_id

        from_: dict[str, Any] | None | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, Holder):
            from_ = self.from_.to_dict()
        else:
            from_ = self.from_

        redemption_id: None | str | Unset
        if isinstance(self.redemption_id, Unset):
            redemption_id = UNSET
        elif isinstance(self.redemption_id, UUID):
            redemption_id = str(self.redemption_id)
        else:
            redemption_id = self.redemption_id

        to: dict[str, Any] | None | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, Holder):
            to = self.to.to_dict()
        else:
            to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "at": at,
                "id": id,
                "key_id": key_id,
                "kind": kind,
                "serial": serial,
            }
        )
        if allocation_id is not UNSET:
            field_dict["allocation_id"] = allocation_id
        if from_ is not UNSET:
            field_dict["from"] = from_
        if redemption_id is not UNSET:
            field_dict["redemption_id"] = redemption_id
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holder import Holder  # noqa: PLC0415
        from ..models.movement_actor import MovementActor  # noqa: PLC0415

        d = dict(src_dict)
        actor = MovementActor.from_dict(d.pop("actor"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = UUID(d.pop("id"))

        key_id = UUID(d.pop("key_id"))

        kind = MovementKind(d.pop("kind"))

        serial = d.pop("serial")

        def _parse_allocation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                allocation_id_type_0 = UUID(data)

                return allocation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        allocation_id = _parse_allocation_id(d.pop("allocation_id", UNSET))

        def _parse_from_(data: object) -> Holder | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from_type_0 = Holder.from_dict(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Holder | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_redemption_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                redemption_id_type_0 = UUID(data)

                return redemption_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        redemption_id = _parse_redemption_id(d.pop("redemption_id", UNSET))

        def _parse_to(data: object) -> Holder | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                to_type_0 = Holder.from_dict(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Holder | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        movement_view = cls(
            actor=actor,
            at=at,
            id=id,
            key_id=key_id,
            kind=kind,
            serial=serial,
            allocation_id=allocation_id,
            from_=from_,
            redemption_id=redemption_id,
            to=to,
        )

        movement_view.additional_properties = d
        return movement_view

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
