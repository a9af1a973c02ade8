from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.row_outcome import RowOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportRowView")


@_attrs_define
class ImportRowView:
    """One row's outcome.

    Attributes:
        email (str):
        line (int): CSV: the line the row starts on (the header is line 1); JSON: its position in
            `users`, from 1.
        outcome (RowOutcome):
        activation_token (None | str | Unset): The created user's activation token (`POST /v1/auth/activate`, valid 7
            days): in the
            first answer to the importer after the user was created, and never again (a lost
            one is replaced with `POST /v1/tenants/{id}/users/{user_id}/activation`).
        code (None | str | Unset): Why the row was refused (`error`): `validation-failed`, `user-exists` (the address
            is taken, or an earlier row of the import has it), `unknown-sku`,
            `subscription-inactive`, `no-licenses-available`.
        detail (None | str | Unset):
        user_id (None | Unset | UUID): The user created (`created`).
    """

    email: str
    line: int
    outcome: RowOutcome
    activation_token: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    detail: None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        line = self.line

        outcome = self.outcome.value

        activation_token: None | str | Unset
        if isinstance(self.activation_token, Unset):
            activation_token = UNSET
        else:
            activation_token = self.activation_token

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "line": line,
                "outcome": outcome,
            }
        )
        if activation_token is not UNSET:
            field_dict["activation_token"] = activation_token
        if code is not UNSET:
            field_dict["code"] = code
        if detail is not UNSET:
            field_dict["detail"] = detail
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        line = d.pop("line")

        outcome = RowOutcome(d.pop("outcome"))

        def _parse_activation_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activation_token = _parse_activation_token(d.pop("activation_token", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        import_row_view = cls(
            email=email,
            line=line,
            outcome=outcome,
            activation_token=activation_token,
            code=code,
            detail=detail,
            user_id=user_id,
        )

        import_row_view.additional_properties = d
        return import_row_view

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
