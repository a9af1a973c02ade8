from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.api_version import ApiVersion
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateApiClient")


@_attrs_define
class UpdateApiClient:
    """A change to an API client.

    Example:
        {'api_version': '2026-12-06'}

    Attributes:
        api_version (ApiVersion | None | Unset):
        name (None | str | Unset):
    """

    api_version: ApiVersion | None | Unset = UNSET
    name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        api_version: None | str | Unset
        if isinstance(self.api_version, Unset):
            api_version = UNSET
        elif isinstance(self.api_version, ApiVersion):
            api_version = self.api_version.value
        else:
            api_version = self.api_version

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if api_version is not UNSET:
            field_dict["api_version"] = api_version
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_api_version(data: object) -> ApiVersion | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                api_version_type_0 = ApiVersion(data)

                return api_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiVersion | None | Unset, data)

        api_version = _parse_api_version(d.pop("api_version", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        update_api_client = cls(
            api_version=api_version,
            name=name,
        )

        return update_api_client
