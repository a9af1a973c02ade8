from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartnerOfRecordInput")


@_attrs_define
class PartnerOfRecordInput:
    """
    Example:
        {'partner_number': '4820193'}

    Attributes:
        partner_number (str): The 7-digit partner-of-record number the partner gave the customer.
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

        partner_of_record_input = cls(
            partner_number=partner_number,
        )

        return partner_of_record_input
