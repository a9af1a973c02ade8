from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_version import ApiVersion
from ..types import UNSET, Unset

T = TypeVar("T", bound="VersionView")


@_attrs_define
class VersionView:
    """
    Example:
        {'changes': ['The first dated version: the API as it was before versions were dated.'], 'released':
            '2026-11-24', 'sunset': '2027-12-06', 'version': '2026-11-24'}

    Attributes:
        changes (list[str]): What changed in this version, against the one before it.
        released (datetime.date):
        version (ApiVersion): A version of the API, named by the date it was released. Ordered oldest first.
        sunset (datetime.date | None | Unset): After this date the version may stop being served; answers given in it
            carry
            `Deprecation`, `Sunset` and a `Link` to the changelog. None: no end is planned.
    """

    changes: list[str]
    released: datetime.date
    version: ApiVersion
    sunset: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changes = self.changes

        released = self.released.isoformat()

        version = self.version.value

        sunset: None | str | Unset
        if isinstance(self.sunset, Unset):
            sunset = UNSET
        elif isinstance(self.sunset, datetime.date):
            sunset = self.sunset.isoformat()
        else:
            sunset = self.sunset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "released": released,
                "version": version,
            }
        )
        if sunset is not UNSET:
            field_dict["sunset"] = sunset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changes = cast(list[str], d.pop("changes"))

        released = datetime.date.fromisoformat(d.pop("released"))

        version = ApiVersion(d.pop("version"))

        def _parse_sunset(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sunset_type_0 = datetime.date.fromisoformat(data)

                return sunset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        sunset = _parse_sunset(d.pop("sunset", UNSET))

        version_view = cls(
            changes=changes,
            released=released,
            version=version,
            sunset=sunset,
        )

        version_view.additional_properties = d
        return version_view

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
