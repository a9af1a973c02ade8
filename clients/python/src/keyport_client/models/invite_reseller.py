from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InviteReseller")


@_attrs_define
class InviteReseller:
    """
    Example:
        {'partner_number': '4820193'}

    Attributes:
        partner_number (str): The partner's 7-digit partner number.
    """

    partner_number: str

    def to_dict(self) -> dict[str, Any]:
        partner_number = self.partner_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "partner_number": partner_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partner_number = d.pop("partner_number")

        invite_reseller = cls(
            partner_number=partner_number,
        )

        return invite_reseller
