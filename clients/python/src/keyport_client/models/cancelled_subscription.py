from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing import Billing
from ..models.subscription_status import SubscriptionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.partner_of_record import PartnerOfRecord
    from ..models.product_view import ProductView


T = TypeVar("T", bound="CancelledSubscription")


@_attrs_define
class CancelledSubscription:
    """A direct-billed term cancelled within its window.

    Attributes:
        assigned_seats (int): Licences assigned to users. Example: 1.
        auto_renew (bool): Direct billing: renews itself for another term at `ends_at` (SPEC §15). Always
            `false` for key-billed subscriptions, whose prepaid term ends unless renewed by key.
        billing (Billing): Who bills the customer for a subscription.
        data_retained_until (datetime.datetime): The tenant's data is deleted after this instant.
        ends_at (datetime.datetime):
        grace_ends_at (datetime.datetime): End of the grace period: usable until then, disabled after.
        id (UUID):
        product (ProductView):
        seats (int):  Example: 25.
        starts_at (datetime.datetime):
        status (SubscriptionStatus): Where a subscription stands at a given instant.
        tenant_id (UUID):
        term_months (int):  Example: 12.
        refund_days (int): Whole days of the term that were left, and are refunded. Example: 364.
        cancellable_until (datetime.datetime | None | Unset): Direct billing: until when the current term may be
            cancelled for a refund (7 days
            after it began); null when it may not (key-billed, ended, or the window closed).
        partner_of_record (None | PartnerOfRecord | Unset):
        superseded_by (None | Unset | UUID):
    """

    assigned_seats: int
    auto_renew: bool
    billing: Billing
    data_retained_until: datetime.datetime
    ends_at: datetime.datetime
    grace_ends_at: datetime.datetime
    id: UUID
    product: ProductView
    seats: int
    starts_at: datetime.datetime
    status: SubscriptionStatus
    tenant_id: UUID
    term_months: int
    refund_days: int
    cancellable_until: datetime.datetime | None | Unset = UNSET
    partner_of_record: None | PartnerOfRecord | Unset = UNSET
    superseded_by: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_of_record import PartnerOfRecord  # noqa: PLC0415

        assigned_seats = self.assigned_seats

        auto_renew = self.auto_renew

        billing = self.billing.value

        data_retained_until = self.data_retained_until.isoformat()

        ends_at = self.ends_at.isoformat()

        grace_ends_at = self.grace_ends_at.isoformat()

        id = str(self.id)

        product = self.product.to_dict()

        seats = self.seats

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        tenant_id = str(self.tenant_id)

        term_months = self.term_months

        refund_days = self.refund_days

        cancellable_until: None | str | Unset
        if isinstance(self.cancellable_until, Unset):
            cancellable_until = UNSET
        elif isinstance(self.cancellable_until, datetime.datetime):
            cancellable_until = self.cancellable_until.isoformat()
        else:
            cancellable_until = self.cancellable_until

        partner_of_record: dict[str, Any] | None | Unset
        if isinstance(self.partner_of_record, Unset):
            partner_of_record = UNSET
        elif isinstance(self.partner_of_record, PartnerOfRecord):
            partner_of_record = self.partner_of_record.to_dict()
        else:
            partner_of_record = self.partner_of_record

        superseded_by: None | str | Unset
        if isinstance(self.superseded_by, Unset):
            superseded_by = UNSET
        elif isinstance(self.superseded_by, UUID):
            superseded_by = str(self.superseded_by)
        else:
            superseded_by = self.superseded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assigned_seats": assigned_seats,
                "auto_renew": auto_renew,
                "billing": billing,
                "data_retained_until": data_retained_until,
                "ends_at": ends_at,
                "grace_ends_at": grace_ends_at,
                "id": id,
                "product": product,
                "seats": seats,
                "starts_at": starts_at,
                "status": status,
                "tenant_id": tenant_id,
                "term_months": term_months,
                "refund_days": refund_days,
            }
        )
        if cancellable_until is not UNSET:
            field_dict["cancellable_until"] = cancellable_until
        if partner_of_record is not UNSET:
            field_dict["partner_of_record"] = partner_of_record
        if superseded_by is not UNSET:
            field_dict["superseded_by"] = superseded_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_of_record import PartnerOfRecord  # noqa: PLC0415
        from ..models.product_view import ProductView  # noqa: PLC0415

        d = dict(src_dict)
        assigned_seats = d.pop("assigned_seats")

        auto_renew = d.pop("auto_renew")

        billing = Billing(d.pop("billing"))

        data_retained_until = datetime.datetime.fromisoformat(d.pop("data_retained_until"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        grace_ends_at = datetime.datetime.fromisoformat(d.pop("grace_ends_at"))

        id = UUID(d.pop("id"))

        product = ProductView.from_dict(d.pop("product"))

        seats = d.pop("seats")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = SubscriptionStatus(d.pop("status"))

        tenant_id = UUID(d.pop("tenant_id"))

        term_months = d.pop("term_months")

        refund_days = d.pop("refund_days")

        def _parse_cancellable_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancellable_until_type_0 = datetime.datetime.fromisoformat(data)

                return cancellable_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancellable_until = _parse_cancellable_until(d.pop("cancellable_until", UNSET))

        def _parse_partner_of_record(data: object) -> None | PartnerOfRecord | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                partner_of_record_type_0 = PartnerOfRecord.from_dict(data)

                return partner_of_record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnerOfRecord | Unset, data)

        partner_of_record = _parse_partner_of_record(d.pop("partner_of_record", UNSET))

        def _parse_superseded_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                superseded_by_type_0 = UUID(data)

                return superseded_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        superseded_by = _parse_superseded_by(d.pop("superseded_by", UNSET))

        cancelled_subscription = cls(
            assigned_seats=assigned_seats,
            auto_renew=auto_renew,
            billing=billing,
            data_retained_until=data_retained_until,
            ends_at=ends_at,
            grace_ends_at=grace_ends_at,
            id=id,
            product=product,
            seats=seats,
            starts_at=starts_at,
            status=status,
            tenant_id=tenant_id,
            term_months=term_months,
            refund_days=refund_days,
            cancellable_until=cancellable_until,
            partner_of_record=partner_of_record,
            superseded_by=superseded_by,
        )

        cancelled_subscription.additional_properties = d
        return cancelled_subscription

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
