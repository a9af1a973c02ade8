from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Reseller")


@_attrs_define
class Reseller:
    """A reseller relationship with an authorised distributor: what lets a partner sell.

    Attributes:
        distributor (str):  Example: Northwind Distribution.
        since (datetime.date): `YYYY-MM-DD`. Example: 2025-03-01.
    """

    distributor: str
    since: datetime.date

    def to_dict(self) -> dict[str, Any]:
        distributor = self.distributor

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "distributor": distributor,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        distributor = d.pop("distributor")

        since = datetime.date.fromisoformat(d.pop("since"))

        reseller = cls(
            distributor=distributor,
            since=since,
        )

        return reseller
