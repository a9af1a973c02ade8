"""Contains all the data models used in inputs/outputs"""

from .account_created import AccountCreated
from .activate_request import ActivateRequest
from .activated_user import ActivatedUser
from .activation_issued import ActivationIssued
from .admin_input import AdminInput
from .advance import Advance
from .api_client_view import ApiClientView
from .audit_actor import AuditActor
from .audit_event_view import AuditEventView
from .audit_target import AuditTarget
from .billing import Billing
from .change_password import ChangePassword
from .country import Country
from .country_list import CountryList
from .create_account import CreateAccount
from .create_api_client import CreateApiClient
from .create_endpoint import CreateEndpoint
from .create_key_batch import CreateKeyBatch
from .create_offer import CreateOffer
from .create_partner import CreatePartner
from .create_product import CreateProduct
from .create_redemption import CreateRedemption
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
from .delivery_report import DeliveryReport
from .delivery_view import DeliveryView
from .domain_availability import DomainAvailability
from .endpoint_view import EndpointView
from .endpoint_with_secret import EndpointWithSecret
from .entitlement_view import EntitlementView
from .entitlements import Entitlements
from .field_error import FieldError
from .health import Health
from .import_counts import ImportCounts
from .import_row_view import ImportRowView
from .import_status import ImportStatus
from .import_user import ImportUser
from .jwk import Jwk
from .jwks import Jwks
from .key_batch_view import KeyBatchView
from .key_channel import KeyChannel
from .key_input import KeyInput
from .key_status import KeyStatus
from .key_view import KeyView
from .license_ import License
from .list_of_api_client_view import ListOfApiClientView
from .list_of_audit_event_view import ListOfAuditEventView
from .list_of_delivery_view import ListOfDeliveryView
from .list_of_endpoint_view import ListOfEndpointView
from .list_of_key_batch_view import ListOfKeyBatchView
from .list_of_key_view import ListOfKeyView
from .list_of_notification_view import ListOfNotificationView
from .list_of_offer_view import ListOfOfferView
from .list_of_partner_view import ListOfPartnerView
from .list_of_product_view import ListOfProductView
from .list_of_redemption_summary import ListOfRedemptionSummary
from .list_of_relationship_view import ListOfRelationshipView
from .list_of_renewal_view import ListOfRenewalView
from .list_of_subscription_view import ListOfSubscriptionView
from .list_of_tenant_view import ListOfTenantView
from .list_of_user_view import ListOfUserView
from .me_view import MeView
from .new_api_client import NewApiClient
from .new_key_batch import NewKeyBatch
from .notification_view import NotificationView
from .o_auth_error import OAuthError
from .offer_status import OfferStatus
from .offer_view import OfferView
from .partner_of_record import PartnerOfRecord
from .partner_of_record_added_event import PartnerOfRecordAddedEvent
from .partner_of_record_added_event_type import PartnerOfRecordAddedEventType
from .partner_of_record_input import PartnerOfRecordInput
from .partner_of_record_removed_event import PartnerOfRecordRemovedEvent
from .partner_of_record_removed_event_type import PartnerOfRecordRemovedEventType
from .partner_view import PartnerView
from .ping_event import PingEvent
from .ping_event_type import PingEventType
from .problem import Problem
from .product_total import ProductTotal
from .product_view import ProductView
from .redemption_completed_event import RedemptionCompletedEvent
from .redemption_completed_event_type import RedemptionCompletedEventType
from .redemption_entry import RedemptionEntry
from .redemption_status import RedemptionStatus
from .redemption_summary import RedemptionSummary
from .redemption_view import RedemptionView
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
from .revoke_request import RevokeRequest
from .row_outcome import RowOutcome
from .sandbox_clock import SandboxClock
from .sign_up import SignUp
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
from .update_endpoint import UpdateEndpoint
from .update_partner import UpdatePartner
from .update_relationship import UpdateRelationship
from .update_tenant import UpdateTenant
from .update_user import UpdateUser
from .user_created import UserCreated
from .user_import_view import UserImportView
from .user_view import UserView
from .webhook_endpoint_disabled_event import WebhookEndpointDisabledEvent
from .webhook_endpoint_disabled_event_type import WebhookEndpointDisabledEventType
from .webhook_event import WebhookEvent
from .webhook_event_data import WebhookEventData

__all__ = (
    "AccountCreated",
    "ActivatedUser",
    "ActivateRequest",
    "ActivationIssued",
    "AdminInput",
    "Advance",
    "ApiClientView",
    "AuditActor",
    "AuditEventView",
    "AuditTarget",
    "Billing",
    "ChangePassword",
    "Country",
    "CountryList",
    "CreateAccount",
    "CreateApiClient",
    "CreateEndpoint",
    "CreateKeyBatch",
    "CreateOffer",
    "CreatePartner",
    "CreateProduct",
    "CreateRedemption",
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
    "DeliveryReport",
    "DeliveryView",
    "DomainAvailability",
    "EndpointView",
    "EndpointWithSecret",
    "Entitlements",
    "EntitlementView",
    "FieldError",
    "Health",
    "ImportCounts",
    "ImportRowView",
    "ImportStatus",
    "ImportUser",
    "Jwk",
    "Jwks",
    "KeyBatchView",
    "KeyChannel",
    "KeyInput",
    "KeyStatus",
    "KeyView",
    "License",
    "ListOfApiClientView",
    "ListOfAuditEventView",
    "ListOfDeliveryView",
    "ListOfEndpointView",
    "ListOfKeyBatchView",
    "ListOfKeyView",
    "ListOfNotificationView",
    "ListOfOfferView",
    "ListOfPartnerView",
    "ListOfProductView",
    "ListOfRedemptionSummary",
    "ListOfRelationshipView",
    "ListOfRenewalView",
    "ListOfSubscriptionView",
    "ListOfTenantView",
    "ListOfUserView",
    "MeView",
    "NewApiClient",
    "NewKeyBatch",
    "NotificationView",
    "OAuthError",
    "OfferStatus",
    "OfferView",
    "PartnerOfRecord",
    "PartnerOfRecordAddedEvent",
    "PartnerOfRecordAddedEventType",
    "PartnerOfRecordInput",
    "PartnerOfRecordRemovedEvent",
    "PartnerOfRecordRemovedEventType",
    "PartnerView",
    "PingEvent",
    "PingEventType",
    "Problem",
    "ProductTotal",
    "ProductView",
    "RedemptionCompletedEvent",
    "RedemptionCompletedEventType",
    "RedemptionEntry",
    "RedemptionStatus",
    "RedemptionSummary",
    "RedemptionView",
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
    "RevokeRequest",
    "RowOutcome",
    "SandboxClock",
    "SignUp",
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
    "UpdateEndpoint",
    "UpdatePartner",
    "UpdateRelationship",
    "UpdateTenant",
    "UpdateUser",
    "UserCreated",
    "UserImportView",
    "UserView",
    "WebhookEndpointDisabledEvent",
    "WebhookEndpointDisabledEventType",
    "WebhookEvent",
    "WebhookEventData",
)
