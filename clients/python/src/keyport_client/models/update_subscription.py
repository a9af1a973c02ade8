from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateSubscription")


@_attrs_define
class UpdateSubscription:
    """A change to a subscription.

    Example:
        {'auto_renew': False}

    Attributes:
        auto_renew (bool | None | Unset): Direct billing only: whether it renews itself at its end (422
            `auto-renew-not-available` for a key-billed subscription; `false` is no change there).
    """

    auto_renew: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        auto_renew: bool | None | Unset
        if isinstance(self.auto_renew, Unset):
            auto_renew = UNSET
        else:
            auto_renew = self.auto_renew

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auto_renew is not UNSET:
            field_dict["auto_renew"] = auto_renew

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_auto_renew(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_renew = _parse_auto_renew(d.pop("auto_renew", UNSET))

        update_subscription = cls(
            auto_renew=auto_renew,
        )

        return update_subscription
