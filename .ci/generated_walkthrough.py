"""The README's walk-through, through a client openapi-generator made (`-g python`) from
/openapi.generators.json, against a live keyport: what an integrator with that tool gets
must work end to end, models and problems included.

    python .ci/generated_walkthrough.py BASE_URL OPERATOR_ID OPERATOR_SECRET
"""

import datetime
import json
import sys
import uuid

import keyport_generated as k
from keyport_generated.exceptions import ApiException

BASE, OPERATOR_ID, OPERATOR_SECRET = sys.argv[1:4]
STANDARD = "01900000-0000-7000-8000-000000000002"


def client(token=None):
    return k.ApiClient(k.Configuration(host=BASE, access_token=token))


def sign_in(**form):
    answer = k.AuthApi(client()).auth_token(k.TokenRequest(**form))
    assert answer.token_type == "Bearer", answer
    return answer


def refused(call, status, code):
    """The call must answer `status` with problem `code`."""
    try:
        call()
    except ApiException as e:
        problem = json.loads(e.body)
        assert (e.status, problem["code"]) == (status, code), (e.status, problem)
        return problem
    raise AssertionError(f"expected {status} {code}")


run = uuid.uuid4().hex[:8]

# 1. The operator signs in; 2. registers a partner and gives it an API client.
op = client(sign_in(grant_type="client_credentials", client_id=OPERATOR_ID, client_secret=OPERATOR_SECRET).access_token)
reseller = k.Reseller(distributor="Northwind Distribution", since=datetime.date(2025, 1, 15))
partner = k.PartnersApi(op).partners_create(
    k.CreatePartner(name=f"Contoso IT {run}", reseller=reseller, cloud_essentials=True)
)
api_client = k.PartnersApi(op).partners_create_client(str(partner.id), k.CreateApiClient(name="walk-through"))

# 3. The operator mints a key for the partner.
batch = k.KeysApi(op).keys_create_batch(
    k.CreateKeyBatch(product_id=STANDARD, partner_id=partner.id, seats_per_key=10, term_months=12, quantity=1)
)
key = batch.keys[0]

# 4. The partner signs in and runs the wizard.
pt = client(sign_in(grant_type="client_credentials", client_id=api_client.client_id,
                    client_secret=api_client.client_secret).access_token)
redemptions = k.RedemptionsApi(pt)
redemption = redemptions.redemptions_create(k.CreateRedemption(acknowledged=True))
entry = redemptions.redemptions_add_key(str(redemption.id), k.KeyInput(key=key))
assert entry.seats == 10, entry
review = redemptions.redemptions_get_one(str(redemption.id))
assert review.status == "open" and len(review.keys) == 1, review
confirmed = redemptions.redemptions_confirm(str(redemption.id))
assert confirmed.status == "confirmed", confirmed

# 5. "Create my account".
email = f"maria-{run}@fabrikam.example"
account = redemptions.redemptions_create_account(str(redemption.id), k.CreateAccount(
    country="GR", company_name="Fabrikam Ltd", domain=f"fabrikam-{run}",
    admin=k.AdminInput(first_name="Maria", last_name="Papadopoulou", email=email),
))
tenant, subscription = account.tenant, account.subscriptions[0]
refused(lambda: redemptions.redemptions_create_account(str(redemption.id), k.CreateAccount(
    country="GR", company_name="Again", domain=f"again-{run}",
    admin=k.AdminInput(first_name="A", last_name="B", email=f"again-{run}@fabrikam.example"),
)), 409, "redemption-completed")

# 6. The admin activates and signs in; the refresh token trades for new tokens once.
password = "correct horse battery staple"
k.AuthApi(client()).auth_activate(k.ActivateRequest(activation_token=account.activation_token, password=password))
signed_in = sign_in(grant_type="password", username=email, password=password)
refreshed = sign_in(grant_type="refresh_token", refresh_token=signed_in.refresh_token)
ct = client(refreshed.access_token)
listed = k.SubscriptionsApi(ct).subscriptions_list()
assert [s.id for s in listed.data] == [subscription.id], listed

# 7. Partner of record; 8.–9. delegated administration offered and accepted.
number = k.PartnersApi(pt).partners_me().partner_number
k.SubscriptionsApi(ct).subscriptions_set_partner_of_record(str(subscription.id), k.PartnerOfRecordInput(partner_number=number))
offer = k.DelegatedAdministrationApi(pt).delegated_administration_create_offer(k.CreateOffer(
    tenant_id=tenant.id, message="We will manage your users and licences.",
    roles=["user_administrator", "license_administrator"],
))
relationship = k.DelegatedAdministrationApi(ct).delegated_administration_accept_offer(str(offer.id))

# 10. The partner adds a user with a licence, but not an admin.
users = k.UsersApi(pt)
user = users.users_create(str(tenant.id), k.CreateUser(
    email=f"nikos-{run}@fabrikam.example", first_name="Nikos", last_name="Georgiou",
    license_subscription_id=subscription.id,
))
assert user.user.email.startswith("nikos-") and user.activation_token, user
refused(lambda: users.users_create(str(tenant.id), k.CreateUser(
    email=f"eleni-{run}@fabrikam.example", first_name="Eleni", last_name="Vlachou", admin=True,
)), 403, "delegated-role-required")

# 11. The admin ends the relationship; the partner's next call is refused.
k.DelegatedAdministrationApi(ct).delegated_administration_terminate_relationship(str(relationship.id))
refused(lambda: users.users_list(str(tenant.id)), 403, "delegated-admin-required")
inbox = k.NotificationsApi(pt).notifications_list()
assert any(n.event == "delegated_admin_relationship.terminated" for n in inbox.data), inbox

print("the generated python client ran the walk-through")
