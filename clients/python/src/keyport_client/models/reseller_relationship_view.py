from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reseller_status import ResellerStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reseller_distributor import ResellerDistributor
    from ..models.reseller_partner import ResellerPartner


T = TypeVar("T", bound="ResellerRelationshipView")


@_attrs_define
class ResellerRelationshipView:
    """A reseller relationship between a distributor and a partner.

    Attributes:
        created_at (datetime.datetime):
        distributor (ResellerDistributor):
        expires_at (datetime.datetime): When an unanswered invitation lapses.
        id (UUID):
        partner (ResellerPartner):
        status (ResellerStatus): Where a reseller relationship between a distributor and a partner stands.
        ended_at (datetime.datetime | None | Unset):
        since (datetime.date | None | Unset): The day it became active (`YYYY-MM-DD`).
    """

    created_at: datetime.datetime
    distributor: ResellerDistributor
    expires_at: datetime.datetime
    id: UUID
    partner: ResellerPartner
    status: ResellerStatus
    ended_at: datetime.datetime | None | Unset = UNSET
    since: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        distributor = self.distributor.to_dict()

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        partner = self.partner.to_dict()

        status = self.status.value

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "distributor": distributor,
                "expires_at": expires_at,
                "id": id,
                "partner": partner,
                "status": status,
            }
        )
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if since is not UNSET:
            field_dict["since"] = since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reseller_distributor import ResellerDistributor  # noqa: PLC0415
        from ..models.reseller_partner import ResellerPartner  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        distributor = ResellerDistributor.from_dict(d.pop("distributor"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        partner = ResellerPartner.from_dict(d.pop("partner"))

        status = ResellerStatus(d.pop("status"))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        def _parse_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))

        reseller_relationship_view = cls(
            created_at=created_at,
            distributor=distributor,
            expires_at=expires_at,
            id=id,
            partner=partner,
            status=status,
            ended_at=ended_at,
            since=since,
        )

        reseller_relationship_view.additional_properties = d
        return reseller_relationship_view

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
