from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_status import ImportStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_counts import ImportCounts
    from ..models.import_row_view import ImportRowView


T = TypeVar("T", bound="UserImportView")


@_attrs_define
class UserImportView:
    """A user import and every row's outcome so far.

    Example:
        {'completed_at': '2026-11-25T10:00:01Z', 'counts': {'created': 1, 'error': 1, 'pending': 0, 'total': 2},
            'created_at': '2026-11-25T10:00:00Z', 'id': '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f10', 'rows':
            [{'activation_token': 'kpa_3q2…', 'email': 'eleni@fabrikam.example', 'line': 2, 'outcome': 'created', 'user_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f11'}, {'code': 'no-licenses-available', 'detail': "Every seat of the tenant's
            TEAMS-ESSENTIALS subscription is assigned.", 'email': 'kostas@fabrikam.example', 'line': 3, 'outcome':
            'error'}], 'started_at': '2026-11-25T10:00:00Z', 'status': 'completed', 'tenant_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f02'}

    Attributes:
        counts (ImportCounts):
        created_at (datetime.datetime):
        id (UUID):
        rows (list[ImportRowView]): Every row, in line order.
        status (ImportStatus):
        tenant_id (UUID):
        completed_at (datetime.datetime | None | Unset):
        started_at (datetime.datetime | None | Unset):
    """

    counts: ImportCounts
    created_at: datetime.datetime
    id: UUID
    rows: list[ImportRowView]
    status: ImportStatus
    tenant_id: UUID
    completed_at: datetime.datetime | None | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts.to_dict()

        created_at = self.created_at.isoformat()

        id = str(self.id)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        status = self.status.value

        tenant_id = str(self.tenant_id)

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "created_at": created_at,
                "id": id,
                "rows": rows,
                "status": status,
                "tenant_id": tenant_id,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_counts import ImportCounts  # noqa: PLC0415
        from ..models.import_row_view import ImportRowView  # noqa: PLC0415

        d = dict(src_dict)
        counts = ImportCounts.from_dict(d.pop("counts"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ImportRowView.from_dict(rows_item_data)

            rows.append(rows_item)

        status = ImportStatus(d.pop("status"))

        tenant_id = UUID(d.pop("tenant_id"))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        user_import_view = cls(
            counts=counts,
            created_at=created_at,
            id=id,
            rows=rows,
            status=status,
            tenant_id=tenant_id,
            completed_at=completed_at,
            started_at=started_at,
        )

        user_import_view.additional_properties = d
        return user_import_view

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
