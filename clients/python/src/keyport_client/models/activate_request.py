from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ActivateRequest")


@_attrs_define
class ActivateRequest:
    """
    Example:
        {'activation_token': 'kpa_...', 'password': 'correct horse battery staple'}

    Attributes:
        activation_token (str): The token returned when the user was created (valid 7 days, single use).
        password (str): At least 10 characters.
    """

    activation_token: str
    password: str

    def to_dict(self) -> dict[str, Any]:
        activation_token = self.activation_token

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activation_token": activation_token,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activation_token = d.pop("activation_token")

        password = d.pop("password")

        activate_request = cls(
            activation_token=activation_token,
            password=password,
        )

        return activate_request
