from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.renewal_method import RenewalMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="RenewalView")


@_attrs_define
class RenewalView:
    """
    Attributes:
        created_at (datetime.datetime):
        ends_at (datetime.datetime):
        id (UUID):
        method (RenewalMethod): How a subscription was renewed.
        previous_ends_at (datetime.datetime):
        reactivated (bool): A disabled subscription brought back.
        starts_at (datetime.datetime):
        subscription_id (UUID):
        forfeited_days (int | None | Unset): Direct billing: whole days of the old term given up by switching early.
        new_subscription_id (None | Unset | UUID): Direct billing: the subscription that replaced this one.
    """

    created_at: datetime.datetime
    ends_at: datetime.datetime
    id: UUID
    method: RenewalMethod
    previous_ends_at: datetime.datetime
    reactivated: bool
    starts_at: datetime.datetime
    subscription_id: UUID
    forfeited_days: int | None | Unset = UNSET
    new_subscription_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        id = str(self.id)

        method = self.method.value

        previous_ends_at = self.previous_ends_at.isoformat()

        reactivated = self.reactivated

        starts_at = self.starts_at.isoformat()

        subscription_id = str(self.subscription_id)

        forfeited_days: int | None | Unset
        if isinstance(self.forfeited_days, Unset):
            forfeited_days = UNSET
        else:
            forfeited_days = self.forfeited_days

        new_subscription_id: None | str | Unset
        if isinstance(self.new_subscription_id, Unset):
            new_subscription_id = UNSET
        elif isinstance(self.new_subscription_id, UUID):
            new_subscription_id = str(self.new_subscription_id)
        else:
            new_subscription_id = self.new_subscription_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "ends_at": ends_at,
                "id": id,
                "method": method,
                "previous_ends_at": previous_ends_at,
                "reactivated": reactivated,
                "starts_at": starts_at,
                "subscription_id": subscription_id,
            }
        )
        if forfeited_days is not UNSET:
            field_dict["forfeited_days"] = forfeited_days
        if new_subscription_id is not UNSET:
            field_dict["new_subscription_id"] = new_subscription_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        id = UUID(d.pop("id"))

        method = RenewalMethod(d.pop("method"))

        previous_ends_at = datetime.datetime.fromisoformat(d.pop("previous_ends_at"))

        reactivated = d.pop("reactivated")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        subscription_id = UUID(d.pop("subscription_id"))

        def _parse_forfeited_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        forfeited_days = _parse_forfeited_days(d.pop("forfeited_days", UNSET))

        def _parse_new_subscription_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_subscription_id_type_0 = UUID(data)

                return new_subscription_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        new_subscription_id = _parse_new_subscription_id(d.pop("new_subscription_id", UNSET))

        renewal_view = cls(
            created_at=created_at,
            ends_at=ends_at,
            id=id,
            method=method,
            previous_ends_at=previous_ends_at,
            reactivated=reactivated,
            starts_at=starts_at,
            subscription_id=subscription_id,
            forfeited_days=forfeited_days,
            new_subscription_id=new_subscription_id,
        )

        renewal_view.additional_properties = d
        return renewal_view

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
