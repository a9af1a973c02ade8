from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PutAlert")


@_attrs_define
class PutAlert:
    """
    Example:
        {'threshold': 500}

    Attributes:
        threshold (int): One `stock.low` when the stock falls below this (again only after it has risen back).
    """

    threshold: int

    def to_dict(self) -> dict[str, Any]:
        threshold = self.threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "threshold": threshold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        threshold = d.pop("threshold")

        put_alert = cls(
            threshold=threshold,
        )

        return put_alert
