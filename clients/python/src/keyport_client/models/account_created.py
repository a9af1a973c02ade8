from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.subscription_view import SubscriptionView
    from ..models.tenant_view import TenantView
    from ..models.user_view import UserView


T = TypeVar("T", bound="AccountCreated")


@_attrs_define
class AccountCreated:
    """The new customer: tenant, subscriptions and first admin.

    Attributes:
        activation_token (str): Hand to the admin: `POST /v1/auth/activate` sets the password (valid 7 days, once).
        admin_user (UserView): A person in a customer tenant.
        subscriptions (list[SubscriptionView]):
        tenant (TenantView):
    """

    activation_token: str
    admin_user: UserView
    subscriptions: list[SubscriptionView]
    tenant: TenantView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activation_token = self.activation_token

        admin_user = self.admin_user.to_dict()

        subscriptions = []
        for subscriptions_item_data in self.subscriptions:
            subscriptions_item = subscriptions_item_data.to_dict()
            subscriptions.append(subscriptions_item)

        tenant = self.tenant.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activation_token": activation_token,
                "admin_user": admin_user,
                "subscriptions": subscriptions,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subscription_view import SubscriptionView  # noqa: PLC0415
        from ..models.tenant_view import TenantView  # noqa: PLC0415
        from ..models.user_view import UserView  # noqa: PLC0415

        d = dict(src_dict)
        activation_token = d.pop("activation_token")

        admin_user = UserView.from_dict(d.pop("admin_user"))

        subscriptions = []
        _subscriptions = d.pop("subscriptions")
        for subscriptions_item_data in _subscriptions:
            subscriptions_item = SubscriptionView.from_dict(subscriptions_item_data)

            subscriptions.append(subscriptions_item)

        tenant = TenantView.from_dict(d.pop("tenant"))

        account_created = cls(
            activation_token=activation_token,
            admin_user=admin_user,
            subscriptions=subscriptions,
            tenant=tenant,
        )

        account_created.additional_properties = d
        return account_created

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
