from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_version import ApiVersion
from ..models.problem_subscription_deleted_or_subscription_inactive_or_subscription_superseded_or_tenant_data_deleted_code import (
    ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeletedCode,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted")


@_attrs_define
class ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted:
    """A problem whose `code` is one of: subscription-deleted, subscription-inactive, subscription-superseded, tenant-data-
    deleted.

        Attributes:
            code (ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeletedCode): The
                machine-readable problem code. Example: key-reserved.
            detail (str):  Example: Key *****-*****-*****-*****-7QX9F is reserved by another open redemption..
            request_id (str): The request's `X-Request-Id`.
            status (int):  Example: 409.
            title (str):  Example: The product key is held by another redemption.
            type_ (str): `/problems/<code>`. Example: /problems/key-reserved.
            available (int | None | Unset): How many cards are in stock, for `insufficient-stock`.
            errors (list[FieldError] | None | Unset): Field errors, for `validation-failed`.
            serials (list[str] | None | Unset): The card serials a refusal is about (at most 20), for `keys-not-in-stock`
                and
                `keys-not-returnable`. Example: ['000042000001'].
            supported_versions (list[ApiVersion] | None | Unset): The versions this service speaks, newest first, for
                `unsupported-api-version`.
    """

    code: ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeletedCode
    detail: str
    request_id: str
    status: int
    title: str
    type_: str
    available: int | None | Unset = UNSET
    errors: list[FieldError] | None | Unset = UNSET
    serials: list[str] | None | Unset = UNSET
    supported_versions: list[ApiVersion] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        request_id = self.request_id

        status = self.status

        title = self.title

        type_ = self.type_

        available: int | None | Unset
        if isinstance(self.available, Unset):
            available = UNSET
        else:
            available = self.available

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        serials: list[str] | None | Unset
        if isinstance(self.serials, Unset):
            serials = UNSET
        elif isinstance(self.serials, list):
            serials = self.serials

        else:
            serials = self.serials

        supported_versions: list[str] | None | Unset
        if isinstance(self.supported_versions, Unset):
            supported_versions = UNSET
        elif isinstance(self.supported_versions, list):
            supported_versions = []
            for supported_versions_type_0_item_data in self.supported_versions:
                supported_versions_type_0_item = supported_versions_type_0_item_data.value
                supported_versions.append(supported_versions_type_0_item)

        else:
            supported_versions = self.supported_versions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
                "request_id": request_id,
                "status": status,
                "title": title,
                "type": type_,
            }
        )
        if available is not UNSET:
            field_dict["available"] = available
        if errors is not UNSET:
            field_dict["errors"] = errors
        if serials is not UNSET:
            field_dict["serials"] = serials
        if supported_versions is not UNSET:
            field_dict["supported_versions"] = supported_versions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        code = ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeletedCode(
            d.pop("code")
        )

        detail = d.pop("detail")

        request_id = d.pop("request_id")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        def _parse_available(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        available = _parse_available(d.pop("available", UNSET))

        def _parse_errors(data: object) -> list[FieldError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = FieldError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldError] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_serials(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                serials_type_0 = cast(list[str], data)

                return serials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        serials = _parse_serials(d.pop("serials", UNSET))

        def _parse_supported_versions(data: object) -> list[ApiVersion] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supported_versions_type_0 = []
                _supported_versions_type_0 = data
                for supported_versions_type_0_item_data in _supported_versions_type_0:
                    supported_versions_type_0_item = ApiVersion(supported_versions_type_0_item_data)

                    supported_versions_type_0.append(supported_versions_type_0_item)

                return supported_versions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ApiVersion] | None | Unset, data)

        supported_versions = _parse_supported_versions(d.pop("supported_versions", UNSET))

        problem_subscription_deleted_or_subscription_inactive_or_subscription_superseded_or_tenant_data_deleted = cls(
            code=code,
            detail=detail,
            request_id=request_id,
            status=status,
            title=title,
            type_=type_,
            available=available,
            errors=errors,
            serials=serials,
            supported_versions=supported_versions,
        )

        problem_subscription_deleted_or_subscription_inactive_or_subscription_superseded_or_tenant_data_deleted.additional_properties = d
        return problem_subscription_deleted_or_subscription_inactive_or_subscription_superseded_or_tenant_data_deleted

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
