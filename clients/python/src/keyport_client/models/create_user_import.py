from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.import_user import ImportUser


T = TypeVar("T", bound="CreateUserImport")


@_attrs_define
class CreateUserImport:
    """A JSON import: up to 10 000 users. Each row is checked on its own: a row with an
    invalid field is refused (`validation-failed`) and the others still go ahead.

        Example:
            {'users': [{'admin': False, 'email': 'eleni@fabrikam.example', 'first_name': 'Eleni', 'last_name': 'Papadaki',
                'license_skus': ['TEAMS-ESSENTIALS']}, {'email': 'kostas@fabrikam.example', 'first_name': 'Kostas', 'last_name':
                'Ioannou'}]}

        Attributes:
            users (list[ImportUser]): 1 to 10 000 users (else 422 `validation-failed` on `body`).
    """

    users: list[ImportUser]

    def to_dict(self) -> dict[str, Any]:
        users = []
        for users_item_data in self.users:
            users_item = users_item_data.to_dict()
            users.append(users_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "users": users,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_user import ImportUser  # noqa: PLC0415

        d = dict(src_dict)
        users = []
        _users = d.pop("users")
        for users_item_data in _users:
            users_item = ImportUser.from_dict(users_item_data)

            users.append(users_item)

        create_user_import = cls(
            users=users,
        )

        return create_user_import
