from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SweepReport")


@_attrs_define
class SweepReport:
    """What one sweep did.

    Attributes:
        failure_budgets_forgotten (int):
        idempotency_keys_expired (int): Idempotency keys forgotten after 24 hours.
        offers_expired (int): Delegated-admin offers left pending for 90 days.
        redemptions_expired (int): Open or confirmed redemptions whose time ran out; their keys were released.
        relationship_notices_sent (int): Expiry notices of relationships that will not extend (each to both sides).
        relationships_expired (int): Delegated-admin relationships past their end (and not extending themselves).
        relationships_extended (int): Auto-extending relationships moved on by 180 days.
        renewal_notices_sent (int): Renewal notices sent (each to the tenant and the partner of record).
        renewal_notices_skipped (int): Notices passed over because a nearer one fell due at the same time.
        reseller_invitations_expired (int): Reseller invitations left unanswered for 30 days.
        revocations_forgotten (int):
        silent_instances_forgotten (int):
        subscriptions_auto_renewed (int): Direct-billed terms that renewed themselves (SPEC §15), one per term added.
        subscriptions_deleted (int):
        subscriptions_disabled (int):
        subscriptions_expired (int):
        tenants_purged (int): Tenants whose data was purged (no live subscription left).
    """

    failure_budgets_forgotten: int
    idempotency_keys_expired: int
    offers_expired: int
    redemptions_expired: int
    relationship_notices_sent: int
    relationships_expired: int
    relationships_extended: int
    renewal_notices_sent: int
    renewal_notices_skipped: int
    reseller_invitations_expired: int
    revocations_forgotten: int
    silent_instances_forgotten: int
    subscriptions_auto_renewed: int
    subscriptions_deleted: int
    subscriptions_disabled: int
    subscriptions_expired: int
    tenants_purged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        failure_budgets_forgotten = self.failure_budgets_forgotten

        idempotency_keys_expired = self.idempotency_keys_expired

        offers_expired = self.offers_expired

        redemptions_expired = self.redemptions_expired

        relationship_notices_sent = self.relationship_notices_sent

        relationships_expired = self.relationships_expired

        relationships_extended = self.relationships_extended

        renewal_notices_sent = self.renewal_notices_sent

        renewal_notices_skipped = self.renewal_notices_skipped

        reseller_invitations_expired = self.reseller_invitations_expired

        revocations_forgotten = self.revocations_forgotten

        silent_instances_forgotten = self.silent_instances_forgotten

        subscriptions_auto_renewed = self.subscriptions_auto_renewed

        subscriptions_deleted = self.subscriptions_deleted

        subscriptions_disabled = self.subscriptions_disabled

        subscriptions_expired = self.subscriptions_expired

        tenants_purged = self.tenants_purged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "failure_budgets_forgotten": failure_budgets_forgotten,
                "idempotency_keys_expired": idempotency_keys_expired,
                "offers_expired": offers_expired,
                "redemptions_expired": redemptions_expired,
                "relationship_notices_sent": relationship_notices_sent,
                "relationships_expired": relationships_expired,
                "relationships_extended": relationships_extended,
                "renewal_notices_sent": renewal_notices_sent,
                "renewal_notices_skipped": renewal_notices_skipped,
                "reseller_invitations_expired": reseller_invitations_expired,
                "revocations_forgotten": revocations_forgotten,
                "silent_instances_forgotten": silent_instances_forgotten,
                "subscriptions_auto_renewed": subscriptions_auto_renewed,
                "subscriptions_deleted": subscriptions_deleted,
                "subscriptions_disabled": subscriptions_disabled,
                "subscriptions_expired": subscriptions_expired,
                "tenants_purged": tenants_purged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        failure_budgets_forgotten = d.pop("failure_budgets_forgotten")

        idempotency_keys_expired = d.pop("idempotency_keys_expired")

        offers_expired = d.pop("offers_expired")

        redemptions_expired = d.pop("redemptions_expired")

        relationship_notices_sent = d.pop("relationship_notices_sent")

        relationships_expired = d.pop("relationships_expired")

        relationships_extended = d.pop("relationships_extended")

        renewal_notices_sent = d.pop("renewal_notices_sent")

        renewal_notices_skipped = d.pop("renewal_notices_skipped")

        reseller_invitations_expired = d.pop("reseller_invitations_expired")

        revocations_forgotten = d.pop("revocations_forgotten")

        silent_instances_forgotten = d.pop("silent_instances_forgotten")

        subscriptions_auto_renewed = d.pop("subscriptions_auto_renewed")

        subscriptions_deleted = d.pop("subscriptions_deleted")

        subscriptions_disabled = d.pop("subscriptions_disabled")

        subscriptions_expired = d.pop("subscriptions_expired")

        tenants_purged = d.pop("tenants_purged")

        sweep_report = cls(
            failure_budgets_forgotten=failure_budgets_forgotten,
            idempotency_keys_expired=idempotency_keys_expired,
            offers_expired=offers_expired,
            redemptions_expired=redemptions_expired,
            relationship_notices_sent=relationship_notices_sent,
            relationships_expired=relationships_expired,
            relationships_extended=relationships_extended,
            renewal_notices_sent=renewal_notices_sent,
            renewal_notices_skipped=renewal_notices_skipped,
            reseller_invitations_expired=reseller_invitations_expired,
            revocations_forgotten=revocations_forgotten,
            silent_instances_forgotten=silent_instances_forgotten,
            subscriptions_auto_renewed=subscriptions_auto_renewed,
            subscriptions_deleted=subscriptions_deleted,
            subscriptions_disabled=subscriptions_disabled,
            subscriptions_expired=subscriptions_expired,
            tenants_purged=tenants_purged,
        )

        sweep_report.additional_properties = d
        return sweep_report

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
