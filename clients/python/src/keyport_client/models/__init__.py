"""Contains all the data models used in inputs/outputs"""

from .account_created import AccountCreated
from .activate_request import ActivateRequest
from .activated_user import ActivatedUser
from .activation_issued import ActivationIssued
from .actor_role import ActorRole
from .admin_input import AdminInput
from .advance import Advance
from .alert_view import AlertView
from .allocation_view import AllocationView
from .api_client_view import ApiClientView
from .api_version import ApiVersion
from .audit_actor import AuditActor
from .audit_event_view import AuditEventView
from .audit_outcome import AuditOutcome
from .audit_target import AuditTarget
from .billing import Billing
from .cancelled_subscription import CancelledSubscription
from .change_password import ChangePassword
from .country import Country
from .country_list import CountryList
from .create_account import CreateAccount
from .create_allocation import CreateAllocation
from .create_api_client import CreateApiClient
from .create_distributor import CreateDistributor
from .create_endpoint import CreateEndpoint
from .create_key_batch import CreateKeyBatch
from .create_offer import CreateOffer
from .create_order import CreateOrder
from .create_partner import CreatePartner
from .create_product import CreateProduct
from .create_redemption import CreateRedemption
from .create_return import CreateReturn
from .create_revocation import CreateRevocation
from .create_user import CreateUser
from .create_user_import import CreateUserImport
from .delegated_admin_offer_accepted_event import DelegatedAdminOfferAcceptedEvent
from .delegated_admin_offer_accepted_event_type import DelegatedAdminOfferAcceptedEventType
from .delegated_admin_offer_created_event import DelegatedAdminOfferCreatedEvent
from .delegated_admin_offer_created_event_type import DelegatedAdminOfferCreatedEventType
from .delegated_admin_offer_declined_event import DelegatedAdminOfferDeclinedEvent
from .delegated_admin_offer_declined_event_type import DelegatedAdminOfferDeclinedEventType
from .delegated_admin_offer_expired_event import DelegatedAdminOfferExpiredEvent
from .delegated_admin_offer_expired_event_type import DelegatedAdminOfferExpiredEventType
from .delegated_admin_relationship_expired_event import DelegatedAdminRelationshipExpiredEvent
from .delegated_admin_relationship_expired_event_type import DelegatedAdminRelationshipExpiredEventType
from .delegated_admin_relationship_expiring_event import DelegatedAdminRelationshipExpiringEvent
from .delegated_admin_relationship_expiring_event_type import DelegatedAdminRelationshipExpiringEventType
from .delegated_admin_relationship_extended_event import DelegatedAdminRelationshipExtendedEvent
from .delegated_admin_relationship_extended_event_type import DelegatedAdminRelationshipExtendedEventType
from .delegated_admin_relationship_terminated_event import DelegatedAdminRelationshipTerminatedEvent
from .delegated_admin_relationship_terminated_event_type import DelegatedAdminRelationshipTerminatedEventType
from .delegated_role import DelegatedRole
from .delivered_event_type import DeliveredEventType
from .delivery_report import DeliveryReport
from .delivery_status import DeliveryStatus
from .delivery_view import DeliveryView
from .distributor_stock_view import DistributorStockView
from .distributor_view import DistributorView
from .documented_api_version import DocumentedApiVersion
from .domain_availability import DomainAvailability
from .endpoint_view import EndpointView
from .endpoint_with_secret import EndpointWithSecret
from .entitlement_view import EntitlementView
from .entitlements import Entitlements
from .event_type import EventType
from .field_error import FieldError
from .health import Health
from .holder import Holder
from .holder_kind import HolderKind
from .import_counts import ImportCounts
from .import_row_view import ImportRowView
from .import_status import ImportStatus
from .import_user import ImportUser
from .invite_reseller import InviteReseller
from .jwk import Jwk
from .jwks import Jwks
from .key_batch_view import KeyBatchView
from .key_channel import KeyChannel
from .key_input import KeyInput
from .key_order_fulfilled_event import KeyOrderFulfilledEvent
from .key_order_fulfilled_event_type import KeyOrderFulfilledEventType
from .key_order_placed_event import KeyOrderPlacedEvent
from .key_order_placed_event_type import KeyOrderPlacedEventType
from .key_order_rejected_event import KeyOrderRejectedEvent
from .key_order_rejected_event_type import KeyOrderRejectedEventType
from .key_status import KeyStatus
from .key_view import KeyView
from .keys_allocated_event import KeysAllocatedEvent
from .keys_allocated_event_type import KeysAllocatedEventType
from .keys_redeemed_event import KeysRedeemedEvent
from .keys_redeemed_event_type import KeysRedeemedEventType
from .keys_returned_event import KeysReturnedEvent
from .keys_returned_event_type import KeysReturnedEventType
from .keys_revoked_event import KeysRevokedEvent
from .keys_revoked_event_type import KeysRevokedEventType
from .license_ import License
from .list_of_allocation_view import ListOfAllocationView
from .list_of_api_client_view import ListOfApiClientView
from .list_of_audit_event_view import ListOfAuditEventView
from .list_of_delivery_view import ListOfDeliveryView
from .list_of_distributor_view import ListOfDistributorView
from .list_of_endpoint_view import ListOfEndpointView
from .list_of_key_batch_view import ListOfKeyBatchView
from .list_of_key_view import ListOfKeyView
from .list_of_movement_view import ListOfMovementView
from .list_of_notification_view import ListOfNotificationView
from .list_of_offer_view import ListOfOfferView
from .list_of_order_view import ListOfOrderView
from .list_of_partner_view import ListOfPartnerView
from .list_of_product_view import ListOfProductView
from .list_of_redemption_summary import ListOfRedemptionSummary
from .list_of_relationship_view import ListOfRelationshipView
from .list_of_renewal_view import ListOfRenewalView
from .list_of_reseller_relationship_view import ListOfResellerRelationshipView
from .list_of_return_view import ListOfReturnView
from .list_of_subscription_view import ListOfSubscriptionView
from .list_of_tenant_view import ListOfTenantView
from .list_of_user_view import ListOfUserView
from .me_view import MeView
from .movement_actor import MovementActor
from .movement_kind import MovementKind
from .movement_view import MovementView
from .mover_role import MoverRole
from .new_api_client import NewApiClient
from .new_key_batch import NewKeyBatch
from .notification_view import NotificationView
from .o_auth_error import OAuthError
from .o_auth_metadata import OAuthMetadata
from .offer_status import OfferStatus
from .offer_view import OfferView
from .order_status import OrderStatus
from .order_view import OrderView
from .partner_of_record import PartnerOfRecord
from .partner_of_record_added_event import PartnerOfRecordAddedEvent
from .partner_of_record_added_event_type import PartnerOfRecordAddedEventType
from .partner_of_record_input import PartnerOfRecordInput
from .partner_of_record_removed_event import PartnerOfRecordRemovedEvent
from .partner_of_record_removed_event_type import PartnerOfRecordRemovedEventType
from .partner_stock_view import PartnerStockView
from .partner_view import PartnerView
from .ping_event import PingEvent
from .ping_event_type import PingEventType
from .problem import Problem
from .problem_acknowledgement_required_or_idempotency_key_reused_or_validation_failed import (
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed,
)
from .problem_acknowledgement_required_or_idempotency_key_reused_or_validation_failed_code import (
    ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailedCode,
)
from .problem_auto_extend_not_allowed_or_idempotency_key_reused_or_validation_failed import (
    ProblemAutoExtendNotAllowedOrIdempotencyKeyReusedOrValidationFailed,
)
from .problem_auto_extend_not_allowed_or_idempotency_key_reused_or_validation_failed_code import (
    ProblemAutoExtendNotAllowedOrIdempotencyKeyReusedOrValidationFailedCode,
)
from .problem_auto_renew_not_available_or_validation_failed import ProblemAutoRenewNotAvailableOrValidationFailed
from .problem_auto_renew_not_available_or_validation_failed_code import (
    ProblemAutoRenewNotAvailableOrValidationFailedCode,
)
from .problem_cancellation_not_available_or_cancellation_window_closed_or_idempotency_key_in_flight_or_subscription_deleted_or_subscription_superseded_or_tenant_data_deleted import (
    ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted,
)
from .problem_cancellation_not_available_or_cancellation_window_closed_or_idempotency_key_in_flight_or_subscription_deleted_or_subscription_superseded_or_tenant_data_deleted_code import (
    ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeletedCode,
)
from .problem_cloud_essentials_required_or_forbidden_or_partner_of_record_required import (
    ProblemCloudEssentialsRequiredOrForbiddenOrPartnerOfRecordRequired,
)
from .problem_cloud_essentials_required_or_forbidden_or_partner_of_record_required_code import (
    ProblemCloudEssentialsRequiredOrForbiddenOrPartnerOfRecordRequiredCode,
)
from .problem_country_not_supported_or_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_validation_failed import (
    ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed,
)
from .problem_country_not_supported_or_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_validation_failed_code import (
    ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailedCode,
)
from .problem_country_not_supported_or_idempotency_key_reused_or_no_keys_or_validation_failed import (
    ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed,
)
from .problem_country_not_supported_or_idempotency_key_reused_or_no_keys_or_validation_failed_code import (
    ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailedCode,
)
from .problem_delegated_admin_required_or_delegated_role_required import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequired,
)
from .problem_delegated_admin_required_or_delegated_role_required_code import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredCode,
)
from .problem_delegated_admin_required_or_delegated_role_required_or_forbidden import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden,
)
from .problem_delegated_admin_required_or_delegated_role_required_or_forbidden_code import (
    ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbiddenCode,
)
from .problem_delegated_admin_required_or_forbidden import ProblemDelegatedAdminRequiredOrForbidden
from .problem_delegated_admin_required_or_forbidden_code import ProblemDelegatedAdminRequiredOrForbiddenCode
from .problem_distributor_exists import ProblemDistributorExists
from .problem_distributor_exists_code import ProblemDistributorExistsCode
from .problem_distributor_exists_or_idempotency_key_in_flight import ProblemDistributorExistsOrIdempotencyKeyInFlight
from .problem_distributor_exists_or_idempotency_key_in_flight_code import (
    ProblemDistributorExistsOrIdempotencyKeyInFlightCode,
)
from .problem_distributor_not_authorised_or_forbidden import ProblemDistributorNotAuthorisedOrForbidden
from .problem_distributor_not_authorised_or_forbidden_code import ProblemDistributorNotAuthorisedOrForbiddenCode
from .problem_domain_taken_or_idempotency_key_in_flight_or_key_already_redeemed_or_key_revoked_or_user_exists import (
    ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists,
)
from .problem_domain_taken_or_idempotency_key_in_flight_or_key_already_redeemed_or_key_revoked_or_user_exists_code import (
    ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExistsCode,
)
from .problem_domain_taken_or_idempotency_key_in_flight_or_redemption_completed_or_redemption_not_confirmed_or_redemption_not_open_or_user_exists import (
    ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists,
)
from .problem_domain_taken_or_idempotency_key_in_flight_or_redemption_completed_or_redemption_not_confirmed_or_redemption_not_open_or_user_exists_code import (
    ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExistsCode,
)
from .problem_forbidden import ProblemForbidden
from .problem_forbidden_code import ProblemForbiddenCode
from .problem_idempotency_key_in_flight import ProblemIdempotencyKeyInFlight
from .problem_idempotency_key_in_flight_code import ProblemIdempotencyKeyInFlightCode
from .problem_idempotency_key_in_flight_or_insufficient_stock_or_keys_not_in_stock_or_order_exceeded_or_order_not_open_or_reseller_relationship_required import (
    ProblemIdempotencyKeyInFlightOrInsufficientStockOrKeysNotInStockOrOrderExceededOrOrderNotOpenOrResellerRelationshipRequired,
)
from .problem_idempotency_key_in_flight_or_insufficient_stock_or_keys_not_in_stock_or_order_exceeded_or_order_not_open_or_reseller_relationship_required_code import (
    ProblemIdempotencyKeyInFlightOrInsufficientStockOrKeysNotInStockOrOrderExceededOrOrderNotOpenOrResellerRelationshipRequiredCode,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReserved,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_code import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedCode,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_redemption_completed_or_redemption_not_open import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrRedemptionCompletedOrRedemptionNotOpen,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_redemption_completed_or_redemption_not_open_code import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrRedemptionCompletedOrRedemptionNotOpenCode,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_seats_below_assigned_or_subscription_deleted_or_subscription_superseded_or_tenant_data_deleted import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_seats_below_assigned_or_subscription_deleted_or_subscription_superseded_or_tenant_data_deleted_code import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeletedCode,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_subscription_inactive_or_tenant_data_deleted import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_reserved_or_key_revoked_or_subscription_inactive_or_tenant_data_deleted_code import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeletedCode,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_revoked_or_tenant_data_deleted import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrTenantDataDeleted,
)
from .problem_idempotency_key_in_flight_or_key_already_redeemed_or_key_revoked_or_tenant_data_deleted_code import (
    ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrTenantDataDeletedCode,
)
from .problem_idempotency_key_in_flight_or_key_exists import ProblemIdempotencyKeyInFlightOrKeyExists
from .problem_idempotency_key_in_flight_or_key_exists_code import ProblemIdempotencyKeyInFlightOrKeyExistsCode
from .problem_idempotency_key_in_flight_or_keys_not_returnable import ProblemIdempotencyKeyInFlightOrKeysNotReturnable
from .problem_idempotency_key_in_flight_or_keys_not_returnable_code import (
    ProblemIdempotencyKeyInFlightOrKeysNotReturnableCode,
)
from .problem_idempotency_key_in_flight_or_no_licenses_available_or_subscription_inactive_or_tenant_data_deleted_or_user_exists import (
    ProblemIdempotencyKeyInFlightOrNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedOrUserExists,
)
from .problem_idempotency_key_in_flight_or_no_licenses_available_or_subscription_inactive_or_tenant_data_deleted_or_user_exists_code import (
    ProblemIdempotencyKeyInFlightOrNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedOrUserExistsCode,
)
from .problem_idempotency_key_in_flight_or_offer_not_pending import ProblemIdempotencyKeyInFlightOrOfferNotPending
from .problem_idempotency_key_in_flight_or_offer_not_pending_code import (
    ProblemIdempotencyKeyInFlightOrOfferNotPendingCode,
)
from .problem_idempotency_key_in_flight_or_offer_not_pending_or_relationship_exists import (
    ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists,
)
from .problem_idempotency_key_in_flight_or_offer_not_pending_or_relationship_exists_code import (
    ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExistsCode,
)
from .problem_idempotency_key_in_flight_or_offer_pending_or_relationship_exists_or_tenant_data_deleted import (
    ProblemIdempotencyKeyInFlightOrOfferPendingOrRelationshipExistsOrTenantDataDeleted,
)
from .problem_idempotency_key_in_flight_or_offer_pending_or_relationship_exists_or_tenant_data_deleted_code import (
    ProblemIdempotencyKeyInFlightOrOfferPendingOrRelationshipExistsOrTenantDataDeletedCode,
)
from .problem_idempotency_key_in_flight_or_order_not_open import ProblemIdempotencyKeyInFlightOrOrderNotOpen
from .problem_idempotency_key_in_flight_or_order_not_open_code import ProblemIdempotencyKeyInFlightOrOrderNotOpenCode
from .problem_idempotency_key_in_flight_or_redemption_completed_or_redemption_not_open import (
    ProblemIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotOpen,
)
from .problem_idempotency_key_in_flight_or_redemption_completed_or_redemption_not_open_code import (
    ProblemIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotOpenCode,
)
from .problem_idempotency_key_in_flight_or_relationship_exists import ProblemIdempotencyKeyInFlightOrRelationshipExists
from .problem_idempotency_key_in_flight_or_relationship_exists_code import (
    ProblemIdempotencyKeyInFlightOrRelationshipExistsCode,
)
from .problem_idempotency_key_in_flight_or_relationship_not_invited import (
    ProblemIdempotencyKeyInFlightOrRelationshipNotInvited,
)
from .problem_idempotency_key_in_flight_or_relationship_not_invited_code import (
    ProblemIdempotencyKeyInFlightOrRelationshipNotInvitedCode,
)
from .problem_idempotency_key_in_flight_or_reseller_relationship_required import (
    ProblemIdempotencyKeyInFlightOrResellerRelationshipRequired,
)
from .problem_idempotency_key_in_flight_or_reseller_relationship_required_code import (
    ProblemIdempotencyKeyInFlightOrResellerRelationshipRequiredCode,
)
from .problem_idempotency_key_in_flight_or_sku_taken import ProblemIdempotencyKeyInFlightOrSkuTaken
from .problem_idempotency_key_in_flight_or_sku_taken_code import ProblemIdempotencyKeyInFlightOrSkuTakenCode
from .problem_idempotency_key_in_flight_or_tenant_data_deleted import ProblemIdempotencyKeyInFlightOrTenantDataDeleted
from .problem_idempotency_key_in_flight_or_tenant_data_deleted_code import (
    ProblemIdempotencyKeyInFlightOrTenantDataDeletedCode,
)
from .problem_idempotency_key_in_flight_or_tenant_data_deleted_or_user_activated import (
    ProblemIdempotencyKeyInFlightOrTenantDataDeletedOrUserActivated,
)
from .problem_idempotency_key_in_flight_or_tenant_data_deleted_or_user_activated_code import (
    ProblemIdempotencyKeyInFlightOrTenantDataDeletedOrUserActivatedCode,
)
from .problem_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_product_mismatch_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed,
)
from .problem_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_product_mismatch_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_too_many_keys_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrTooManyKeysOrValidationFailed,
)
from .problem_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_too_many_keys_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrTooManyKeysOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed,
)
from .problem_idempotency_key_reused_or_invalid_key_checksum_or_invalid_key_format_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_invalid_serial_range_or_order_mismatch_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrOrderMismatchOrValidationFailed,
)
from .problem_idempotency_key_reused_or_invalid_serial_range_or_order_mismatch_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrOrderMismatchOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_invalid_serial_range_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed,
)
from .problem_idempotency_key_reused_or_invalid_serial_range_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_mixed_terms_or_no_keys_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrMixedTermsOrNoKeysOrValidationFailed,
)
from .problem_idempotency_key_reused_or_mixed_terms_or_no_keys_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrMixedTermsOrNoKeysOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_partner_not_reseller_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrPartnerNotResellerOrValidationFailed,
)
from .problem_idempotency_key_reused_or_partner_not_reseller_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrPartnerNotResellerOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_unknown_partner_number_or_validation_failed import (
    ProblemIdempotencyKeyReusedOrUnknownPartnerNumberOrValidationFailed,
)
from .problem_idempotency_key_reused_or_unknown_partner_number_or_validation_failed_code import (
    ProblemIdempotencyKeyReusedOrUnknownPartnerNumberOrValidationFailedCode,
)
from .problem_idempotency_key_reused_or_validation_failed import ProblemIdempotencyKeyReusedOrValidationFailed
from .problem_idempotency_key_reused_or_validation_failed_code import ProblemIdempotencyKeyReusedOrValidationFailedCode
from .problem_idempotency_key_reused_or_validation_failed_or_webhook_url_forbidden import (
    ProblemIdempotencyKeyReusedOrValidationFailedOrWebhookUrlForbidden,
)
from .problem_idempotency_key_reused_or_validation_failed_or_webhook_url_forbidden_code import (
    ProblemIdempotencyKeyReusedOrValidationFailedOrWebhookUrlForbiddenCode,
)
from .problem_invalid_activation_token_or_validation_failed import ProblemInvalidActivationTokenOrValidationFailed
from .problem_invalid_activation_token_or_validation_failed_code import (
    ProblemInvalidActivationTokenOrValidationFailedCode,
)
from .problem_key_not_found import ProblemKeyNotFound
from .problem_key_not_found_code import ProblemKeyNotFoundCode
from .problem_key_not_found_or_not_found import ProblemKeyNotFoundOrNotFound
from .problem_key_not_found_or_not_found_code import ProblemKeyNotFoundOrNotFoundCode
from .problem_last_admin_or_tenant_data_deleted import ProblemLastAdminOrTenantDataDeleted
from .problem_last_admin_or_tenant_data_deleted_code import ProblemLastAdminOrTenantDataDeletedCode
from .problem_last_admin_or_tenant_data_deleted_or_user_exists import ProblemLastAdminOrTenantDataDeletedOrUserExists
from .problem_last_admin_or_tenant_data_deleted_or_user_exists_code import (
    ProblemLastAdminOrTenantDataDeletedOrUserExistsCode,
)
from .problem_malformed_request_or_unsupported_api_version import ProblemMalformedRequestOrUnsupportedApiVersion
from .problem_malformed_request_or_unsupported_api_version_code import (
    ProblemMalformedRequestOrUnsupportedApiVersionCode,
)
from .problem_no_licenses_available_or_subscription_inactive_or_tenant_data_deleted import (
    ProblemNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeleted,
)
from .problem_no_licenses_available_or_subscription_inactive_or_tenant_data_deleted_code import (
    ProblemNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedCode,
)
from .problem_not_found import ProblemNotFound
from .problem_not_found_code import ProblemNotFoundCode
from .problem_payload_too_large import ProblemPayloadTooLarge
from .problem_payload_too_large_code import ProblemPayloadTooLargeCode
from .problem_rate_limited import ProblemRateLimited
from .problem_rate_limited_code import ProblemRateLimitedCode
from .problem_redemption_completed_or_redemption_not_open import ProblemRedemptionCompletedOrRedemptionNotOpen
from .problem_redemption_completed_or_redemption_not_open_code import ProblemRedemptionCompletedOrRedemptionNotOpenCode
from .problem_redemption_expired import ProblemRedemptionExpired
from .problem_redemption_expired_code import ProblemRedemptionExpiredCode
from .problem_relationship_exists import ProblemRelationshipExists
from .problem_relationship_exists_code import ProblemRelationshipExistsCode
from .problem_relationship_not_active import ProblemRelationshipNotActive
from .problem_relationship_not_active_code import ProblemRelationshipNotActiveCode
from .problem_service_unavailable import ProblemServiceUnavailable
from .problem_service_unavailable_code import ProblemServiceUnavailableCode
from .problem_subscription_deleted_or_subscription_inactive_or_subscription_superseded_or_tenant_data_deleted import (
    ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted,
)
from .problem_subscription_deleted_or_subscription_inactive_or_subscription_superseded_or_tenant_data_deleted_code import (
    ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeletedCode,
)
from .problem_tenant_data_deleted import ProblemTenantDataDeleted
from .problem_tenant_data_deleted_code import ProblemTenantDataDeletedCode
from .problem_unauthorized import ProblemUnauthorized
from .problem_unauthorized_code import ProblemUnauthorizedCode
from .problem_unknown_partner_number_or_validation_failed import ProblemUnknownPartnerNumberOrValidationFailed
from .problem_unknown_partner_number_or_validation_failed_code import ProblemUnknownPartnerNumberOrValidationFailedCode
from .problem_unsupported_api_version import ProblemUnsupportedApiVersion
from .problem_unsupported_api_version_code import ProblemUnsupportedApiVersionCode
from .problem_unsupported_media_type import ProblemUnsupportedMediaType
from .problem_unsupported_media_type_code import ProblemUnsupportedMediaTypeCode
from .problem_validation_failed import ProblemValidationFailed
from .problem_validation_failed_code import ProblemValidationFailedCode
from .problem_validation_failed_or_webhook_url_forbidden import ProblemValidationFailedOrWebhookUrlForbidden
from .problem_validation_failed_or_webhook_url_forbidden_code import ProblemValidationFailedOrWebhookUrlForbiddenCode
from .problem_validation_failed_or_wrong_password import ProblemValidationFailedOrWrongPassword
from .problem_validation_failed_or_wrong_password_code import ProblemValidationFailedOrWrongPasswordCode
from .product_total import ProductTotal
from .product_view import ProductView
from .put_alert import PutAlert
from .redemption_completed_event import RedemptionCompletedEvent
from .redemption_completed_event_type import RedemptionCompletedEventType
from .redemption_entry import RedemptionEntry
from .redemption_status import RedemptionStatus
from .redemption_summary import RedemptionSummary
from .redemption_view import RedemptionView
from .reject_order import RejectOrder
from .relationship_partner import RelationshipPartner
from .relationship_status import RelationshipStatus
from .relationship_view import RelationshipView
from .renewal_method import RenewalMethod
from .renewal_request_type_0 import RenewalRequestType0
from .renewal_request_type_0_method import RenewalRequestType0Method
from .renewal_request_type_1 import RenewalRequestType1
from .renewal_request_type_1_method import RenewalRequestType1Method
from .renewal_view import RenewalView
from .reseller import Reseller
from .reseller_distributor import ResellerDistributor
from .reseller_partner import ResellerPartner
from .reseller_relationship_accepted_event import ResellerRelationshipAcceptedEvent
from .reseller_relationship_accepted_event_type import ResellerRelationshipAcceptedEventType
from .reseller_relationship_declined_event import ResellerRelationshipDeclinedEvent
from .reseller_relationship_declined_event_type import ResellerRelationshipDeclinedEventType
from .reseller_relationship_ended_event import ResellerRelationshipEndedEvent
from .reseller_relationship_ended_event_type import ResellerRelationshipEndedEventType
from .reseller_relationship_invited_event import ResellerRelationshipInvitedEvent
from .reseller_relationship_invited_event_type import ResellerRelationshipInvitedEventType
from .reseller_relationship_view import ResellerRelationshipView
from .reseller_status import ResellerStatus
from .return_view import ReturnView
from .revocation_view import RevocationView
from .revoke_request import RevokeRequest
from .rotate_secret import RotateSecret
from .rotated_secret import RotatedSecret
from .row_outcome import RowOutcome
from .sandbox_clock import SandboxClock
from .serial_range import SerialRange
from .sign_up import SignUp
from .skipped_card import SkippedCard
from .stock_low_event import StockLowEvent
from .stock_low_event_type import StockLowEventType
from .subscription_cancelled_event import SubscriptionCancelledEvent
from .subscription_cancelled_event_type import SubscriptionCancelledEventType
from .subscription_deleted_event import SubscriptionDeletedEvent
from .subscription_deleted_event_type import SubscriptionDeletedEventType
from .subscription_disabled_event import SubscriptionDisabledEvent
from .subscription_disabled_event_type import SubscriptionDisabledEventType
from .subscription_expired_event import SubscriptionExpiredEvent
from .subscription_expired_event_type import SubscriptionExpiredEventType
from .subscription_reactivated_event import SubscriptionReactivatedEvent
from .subscription_reactivated_event_type import SubscriptionReactivatedEventType
from .subscription_renewal_notice_event import SubscriptionRenewalNoticeEvent
from .subscription_renewal_notice_event_type import SubscriptionRenewalNoticeEventType
from .subscription_renewed_event import SubscriptionRenewedEvent
from .subscription_renewed_event_type import SubscriptionRenewedEventType
from .subscription_status import SubscriptionStatus
from .subscription_superseded_event import SubscriptionSupersededEvent
from .subscription_superseded_event_type import SubscriptionSupersededEventType
from .subscription_view import SubscriptionView
from .sweep_report import SweepReport
from .tenant_created_event import TenantCreatedEvent
from .tenant_created_event_type import TenantCreatedEventType
from .tenant_key_redeemed import TenantKeyRedeemed
from .tenant_status import TenantStatus
from .tenant_view import TenantView
from .token_request import TokenRequest
from .token_response import TokenResponse
from .update_api_client import UpdateApiClient
from .update_distributor import UpdateDistributor
from .update_endpoint import UpdateEndpoint
from .update_partner import UpdatePartner
from .update_relationship import UpdateRelationship
from .update_subscription import UpdateSubscription
from .update_tenant import UpdateTenant
from .update_user import UpdateUser
from .user_created import UserCreated
from .user_import_view import UserImportView
from .user_view import UserView
from .version_view import VersionView
from .webhook_endpoint_disabled_event import WebhookEndpointDisabledEvent
from .webhook_endpoint_disabled_event_type import WebhookEndpointDisabledEventType
from .webhook_event import WebhookEvent
from .webhook_event_data import WebhookEventData

__all__ = (
    "AccountCreated",
    "ActivatedUser",
    "ActivateRequest",
    "ActivationIssued",
    "ActorRole",
    "AdminInput",
    "Advance",
    "AlertView",
    "AllocationView",
    "ApiClientView",
    "ApiVersion",
    "AuditActor",
    "AuditEventView",
    "AuditOutcome",
    "AuditTarget",
    "Billing",
    "CancelledSubscription",
    "ChangePassword",
    "Country",
    "CountryList",
    "CreateAccount",
    "CreateAllocation",
    "CreateApiClient",
    "CreateDistributor",
    "CreateEndpoint",
    "CreateKeyBatch",
    "CreateOffer",
    "CreateOrder",
    "CreatePartner",
    "CreateProduct",
    "CreateRedemption",
    "CreateReturn",
    "CreateRevocation",
    "CreateUser",
    "CreateUserImport",
    "DelegatedAdminOfferAcceptedEvent",
    "DelegatedAdminOfferAcceptedEventType",
    "DelegatedAdminOfferCreatedEvent",
    "DelegatedAdminOfferCreatedEventType",
    "DelegatedAdminOfferDeclinedEvent",
    "DelegatedAdminOfferDeclinedEventType",
    "DelegatedAdminOfferExpiredEvent",
    "DelegatedAdminOfferExpiredEventType",
    "DelegatedAdminRelationshipExpiredEvent",
    "DelegatedAdminRelationshipExpiredEventType",
    "DelegatedAdminRelationshipExpiringEvent",
    "DelegatedAdminRelationshipExpiringEventType",
    "DelegatedAdminRelationshipExtendedEvent",
    "DelegatedAdminRelationshipExtendedEventType",
    "DelegatedAdminRelationshipTerminatedEvent",
    "DelegatedAdminRelationshipTerminatedEventType",
    "DelegatedRole",
    "DeliveredEventType",
    "DeliveryReport",
    "DeliveryStatus",
    "DeliveryView",
    "DistributorStockView",
    "DistributorView",
    "DocumentedApiVersion",
    "DomainAvailability",
    "EndpointView",
    "EndpointWithSecret",
    "Entitlements",
    "EntitlementView",
    "EventType",
    "FieldError",
    "Health",
    "Holder",
    "HolderKind",
    "ImportCounts",
    "ImportRowView",
    "ImportStatus",
    "ImportUser",
    "InviteReseller",
    "Jwk",
    "Jwks",
    "KeyBatchView",
    "KeyChannel",
    "KeyInput",
    "KeyOrderFulfilledEvent",
    "KeyOrderFulfilledEventType",
    "KeyOrderPlacedEvent",
    "KeyOrderPlacedEventType",
    "KeyOrderRejectedEvent",
    "KeyOrderRejectedEventType",
    "KeysAllocatedEvent",
    "KeysAllocatedEventType",
    "KeysRedeemedEvent",
    "KeysRedeemedEventType",
    "KeysReturnedEvent",
    "KeysReturnedEventType",
    "KeysRevokedEvent",
    "KeysRevokedEventType",
    "KeyStatus",
    "KeyView",
    "License",
    "ListOfAllocationView",
    "ListOfApiClientView",
    "ListOfAuditEventView",
    "ListOfDeliveryView",
    "ListOfDistributorView",
    "ListOfEndpointView",
    "ListOfKeyBatchView",
    "ListOfKeyView",
    "ListOfMovementView",
    "ListOfNotificationView",
    "ListOfOfferView",
    "ListOfOrderView",
    "ListOfPartnerView",
    "ListOfProductView",
    "ListOfRedemptionSummary",
    "ListOfRelationshipView",
    "ListOfRenewalView",
    "ListOfResellerRelationshipView",
    "ListOfReturnView",
    "ListOfSubscriptionView",
    "ListOfTenantView",
    "ListOfUserView",
    "MeView",
    "MovementActor",
    "MovementKind",
    "MovementView",
    "MoverRole",
    "NewApiClient",
    "NewKeyBatch",
    "NotificationView",
    "OAuthError",
    "OAuthMetadata",
    "OfferStatus",
    "OfferView",
    "OrderStatus",
    "OrderView",
    "PartnerOfRecord",
    "PartnerOfRecordAddedEvent",
    "PartnerOfRecordAddedEventType",
    "PartnerOfRecordInput",
    "PartnerOfRecordRemovedEvent",
    "PartnerOfRecordRemovedEventType",
    "PartnerStockView",
    "PartnerView",
    "PingEvent",
    "PingEventType",
    "Problem",
    "ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailed",
    "ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailedCode",
    "ProblemAutoExtendNotAllowedOrIdempotencyKeyReusedOrValidationFailed",
    "ProblemAutoExtendNotAllowedOrIdempotencyKeyReusedOrValidationFailedCode",
    "ProblemAutoRenewNotAvailableOrValidationFailed",
    "ProblemAutoRenewNotAvailableOrValidationFailedCode",
    "ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted",
    "ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeletedCode",
    "ProblemCloudEssentialsRequiredOrForbiddenOrPartnerOfRecordRequired",
    "ProblemCloudEssentialsRequiredOrForbiddenOrPartnerOfRecordRequiredCode",
    "ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed",
    "ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailedCode",
    "ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailed",
    "ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailedCode",
    "ProblemDelegatedAdminRequiredOrDelegatedRoleRequired",
    "ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredCode",
    "ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbidden",
    "ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbiddenCode",
    "ProblemDelegatedAdminRequiredOrForbidden",
    "ProblemDelegatedAdminRequiredOrForbiddenCode",
    "ProblemDistributorExists",
    "ProblemDistributorExistsCode",
    "ProblemDistributorExistsOrIdempotencyKeyInFlight",
    "ProblemDistributorExistsOrIdempotencyKeyInFlightCode",
    "ProblemDistributorNotAuthorisedOrForbidden",
    "ProblemDistributorNotAuthorisedOrForbiddenCode",
    "ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExists",
    "ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExistsCode",
    "ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExists",
    "ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExistsCode",
    "ProblemForbidden",
    "ProblemForbiddenCode",
    "ProblemIdempotencyKeyInFlight",
    "ProblemIdempotencyKeyInFlightCode",
    "ProblemIdempotencyKeyInFlightOrInsufficientStockOrKeysNotInStockOrOrderExceededOrOrderNotOpenOrResellerRelationshipRequired",
    "ProblemIdempotencyKeyInFlightOrInsufficientStockOrKeysNotInStockOrOrderExceededOrOrderNotOpenOrResellerRelationshipRequiredCode",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReserved",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedCode",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrRedemptionCompletedOrRedemptionNotOpen",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrRedemptionCompletedOrRedemptionNotOpenCode",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeleted",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeletedCode",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeleted",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeletedCode",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrTenantDataDeleted",
    "ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrTenantDataDeletedCode",
    "ProblemIdempotencyKeyInFlightOrKeyExists",
    "ProblemIdempotencyKeyInFlightOrKeyExistsCode",
    "ProblemIdempotencyKeyInFlightOrKeysNotReturnable",
    "ProblemIdempotencyKeyInFlightOrKeysNotReturnableCode",
    "ProblemIdempotencyKeyInFlightOrNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedOrUserExists",
    "ProblemIdempotencyKeyInFlightOrNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedOrUserExistsCode",
    "ProblemIdempotencyKeyInFlightOrOfferNotPending",
    "ProblemIdempotencyKeyInFlightOrOfferNotPendingCode",
    "ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExists",
    "ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExistsCode",
    "ProblemIdempotencyKeyInFlightOrOfferPendingOrRelationshipExistsOrTenantDataDeleted",
    "ProblemIdempotencyKeyInFlightOrOfferPendingOrRelationshipExistsOrTenantDataDeletedCode",
    "ProblemIdempotencyKeyInFlightOrOrderNotOpen",
    "ProblemIdempotencyKeyInFlightOrOrderNotOpenCode",
    "ProblemIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotOpen",
    "ProblemIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotOpenCode",
    "ProblemIdempotencyKeyInFlightOrRelationshipExists",
    "ProblemIdempotencyKeyInFlightOrRelationshipExistsCode",
    "ProblemIdempotencyKeyInFlightOrRelationshipNotInvited",
    "ProblemIdempotencyKeyInFlightOrRelationshipNotInvitedCode",
    "ProblemIdempotencyKeyInFlightOrResellerRelationshipRequired",
    "ProblemIdempotencyKeyInFlightOrResellerRelationshipRequiredCode",
    "ProblemIdempotencyKeyInFlightOrSkuTaken",
    "ProblemIdempotencyKeyInFlightOrSkuTakenCode",
    "ProblemIdempotencyKeyInFlightOrTenantDataDeleted",
    "ProblemIdempotencyKeyInFlightOrTenantDataDeletedCode",
    "ProblemIdempotencyKeyInFlightOrTenantDataDeletedOrUserActivated",
    "ProblemIdempotencyKeyInFlightOrTenantDataDeletedOrUserActivatedCode",
    "ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrTooManyKeysOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrTooManyKeysOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrOrderMismatchOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrOrderMismatchOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrMixedTermsOrNoKeysOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrMixedTermsOrNoKeysOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrPartnerNotResellerOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrPartnerNotResellerOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrUnknownPartnerNumberOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrUnknownPartnerNumberOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrValidationFailed",
    "ProblemIdempotencyKeyReusedOrValidationFailedCode",
    "ProblemIdempotencyKeyReusedOrValidationFailedOrWebhookUrlForbidden",
    "ProblemIdempotencyKeyReusedOrValidationFailedOrWebhookUrlForbiddenCode",
    "ProblemInvalidActivationTokenOrValidationFailed",
    "ProblemInvalidActivationTokenOrValidationFailedCode",
    "ProblemKeyNotFound",
    "ProblemKeyNotFoundCode",
    "ProblemKeyNotFoundOrNotFound",
    "ProblemKeyNotFoundOrNotFoundCode",
    "ProblemLastAdminOrTenantDataDeleted",
    "ProblemLastAdminOrTenantDataDeletedCode",
    "ProblemLastAdminOrTenantDataDeletedOrUserExists",
    "ProblemLastAdminOrTenantDataDeletedOrUserExistsCode",
    "ProblemMalformedRequestOrUnsupportedApiVersion",
    "ProblemMalformedRequestOrUnsupportedApiVersionCode",
    "ProblemNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeleted",
    "ProblemNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedCode",
    "ProblemNotFound",
    "ProblemNotFoundCode",
    "ProblemPayloadTooLarge",
    "ProblemPayloadTooLargeCode",
    "ProblemRateLimited",
    "ProblemRateLimitedCode",
    "ProblemRedemptionCompletedOrRedemptionNotOpen",
    "ProblemRedemptionCompletedOrRedemptionNotOpenCode",
    "ProblemRedemptionExpired",
    "ProblemRedemptionExpiredCode",
    "ProblemRelationshipExists",
    "ProblemRelationshipExistsCode",
    "ProblemRelationshipNotActive",
    "ProblemRelationshipNotActiveCode",
    "ProblemServiceUnavailable",
    "ProblemServiceUnavailableCode",
    "ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeleted",
    "ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeletedCode",
    "ProblemTenantDataDeleted",
    "ProblemTenantDataDeletedCode",
    "ProblemUnauthorized",
    "ProblemUnauthorizedCode",
    "ProblemUnknownPartnerNumberOrValidationFailed",
    "ProblemUnknownPartnerNumberOrValidationFailedCode",
    "ProblemUnsupportedApiVersion",
    "ProblemUnsupportedApiVersionCode",
    "ProblemUnsupportedMediaType",
    "ProblemUnsupportedMediaTypeCode",
    "ProblemValidationFailed",
    "ProblemValidationFailedCode",
    "ProblemValidationFailedOrWebhookUrlForbidden",
    "ProblemValidationFailedOrWebhookUrlForbiddenCode",
    "ProblemValidationFailedOrWrongPassword",
    "ProblemValidationFailedOrWrongPasswordCode",
    "ProductTotal",
    "ProductView",
    "PutAlert",
    "RedemptionCompletedEvent",
    "RedemptionCompletedEventType",
    "RedemptionEntry",
    "RedemptionStatus",
    "RedemptionSummary",
    "RedemptionView",
    "RejectOrder",
    "RelationshipPartner",
    "RelationshipStatus",
    "RelationshipView",
    "RenewalMethod",
    "RenewalRequestType0",
    "RenewalRequestType0Method",
    "RenewalRequestType1",
    "RenewalRequestType1Method",
    "RenewalView",
    "Reseller",
    "ResellerDistributor",
    "ResellerPartner",
    "ResellerRelationshipAcceptedEvent",
    "ResellerRelationshipAcceptedEventType",
    "ResellerRelationshipDeclinedEvent",
    "ResellerRelationshipDeclinedEventType",
    "ResellerRelationshipEndedEvent",
    "ResellerRelationshipEndedEventType",
    "ResellerRelationshipInvitedEvent",
    "ResellerRelationshipInvitedEventType",
    "ResellerRelationshipView",
    "ResellerStatus",
    "ReturnView",
    "RevocationView",
    "RevokeRequest",
    "RotatedSecret",
    "RotateSecret",
    "RowOutcome",
    "SandboxClock",
    "SerialRange",
    "SignUp",
    "SkippedCard",
    "StockLowEvent",
    "StockLowEventType",
    "SubscriptionCancelledEvent",
    "SubscriptionCancelledEventType",
    "SubscriptionDeletedEvent",
    "SubscriptionDeletedEventType",
    "SubscriptionDisabledEvent",
    "SubscriptionDisabledEventType",
    "SubscriptionExpiredEvent",
    "SubscriptionExpiredEventType",
    "SubscriptionReactivatedEvent",
    "SubscriptionReactivatedEventType",
    "SubscriptionRenewalNoticeEvent",
    "SubscriptionRenewalNoticeEventType",
    "SubscriptionRenewedEvent",
    "SubscriptionRenewedEventType",
    "SubscriptionStatus",
    "SubscriptionSupersededEvent",
    "SubscriptionSupersededEventType",
    "SubscriptionView",
    "SweepReport",
    "TenantCreatedEvent",
    "TenantCreatedEventType",
    "TenantKeyRedeemed",
    "TenantStatus",
    "TenantView",
    "TokenRequest",
    "TokenResponse",
    "UpdateApiClient",
    "UpdateDistributor",
    "UpdateEndpoint",
    "UpdatePartner",
    "UpdateRelationship",
    "UpdateSubscription",
    "UpdateTenant",
    "UpdateUser",
    "UserCreated",
    "UserImportView",
    "UserView",
    "VersionView",
    "WebhookEndpointDisabledEvent",
    "WebhookEndpointDisabledEventType",
    "WebhookEvent",
    "WebhookEventData",
)
