from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.skipped_card import SkippedCard


T = TypeVar("T", bound="RevocationView")


@_attrs_define
class RevocationView:
    """
    Attributes:
        revoked (int): Cards revoked now.
        skipped (list[SkippedCard]): Named cards left alone (at most 1000 listed).
    """

    revoked: int
    skipped: list[SkippedCard]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revoked = self.revoked

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revoked": revoked,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skipped_card import SkippedCard  # noqa: PLC0415

        d = dict(src_dict)
        revoked = d.pop("revoked")

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = SkippedCard.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        revocation_view = cls(
            revoked=revoked,
            skipped=skipped,
        )

        revocation_view.additional_properties = d
        return revocation_view

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
