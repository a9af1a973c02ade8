// @generated automatically by Diesel CLI.

diesel::table! {
    activation_tokens (digest) {
        digest -> Bytea,
        user_id -> Uuid,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        admin -> Bool,
    }
}

diesel::table! {
    allocations (id) {
        id -> Uuid,
        distributor_id -> Uuid,
        partner_id -> Uuid,
        product_id -> Nullable<Uuid>,
        quantity -> Int4,
        first_serial -> Int8,
        last_serial -> Int8,
        order_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Uuid,
        client_id -> Text,
        secret_digest -> Bytea,
        role -> Text,
        partner_id -> Nullable<Uuid>,
        name -> Nullable<Text>,
        created_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        distributor_id -> Nullable<Uuid>,
        previous_secret_digest -> Nullable<Bytea>,
        previous_secret_expires_at -> Nullable<Timestamptz>,
        api_version -> Text,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Uuid,
        at -> Timestamptz,
        actor_role -> Text,
        actor_id -> Nullable<Uuid>,
        actor_client_id -> Nullable<Text>,
        action -> Text,
        target_type -> Nullable<Text>,
        target_id -> Nullable<Text>,
        tenant_id -> Nullable<Uuid>,
        partner_id -> Nullable<Uuid>,
        request_id -> Nullable<Text>,
        source_ip -> Nullable<Text>,
        outcome -> Text,
        summary -> Text,
    }
}

diesel::table! {
    delegated_admin_offers (id) {
        id -> Uuid,
        partner_id -> Uuid,
        tenant_id -> Uuid,
        message -> Text,
        status -> Text,
        duration_days -> Int4,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        decided_at -> Nullable<Timestamptz>,
        roles -> Array<Nullable<Text>>,
        auto_extend -> Bool,
    }
}

diesel::table! {
    delegated_admin_relationships (id) {
        id -> Uuid,
        partner_id -> Uuid,
        tenant_id -> Uuid,
        offer_id -> Uuid,
        status -> Text,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        terminated_at -> Nullable<Timestamptz>,
        roles -> Array<Nullable<Text>>,
        auto_extend -> Bool,
        next_event_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    distributors (id) {
        id -> Uuid,
        name -> Text,
        authorised -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    failure_budgets (subject) {
        subject -> Bytea,
        refilled_at -> Timestamptz,
    }
}

diesel::table! {
    idempotency_keys (scope, key) {
        scope -> Text,
        key -> Text,
        fingerprint -> Bytea,
        status -> Int4,
        content_type -> Nullable<Text>,
        location -> Nullable<Text>,
        sealed_body -> Bytea,
        created_at -> Timestamptz,
        tenant_id -> Nullable<Uuid>,
        access -> Nullable<Text>,
    }
}

diesel::table! {
    key_batches (id) {
        id -> Uuid,
        product_id -> Uuid,
        partner_id -> Nullable<Uuid>,
        seats_per_key -> Int4,
        term_months -> Int4,
        quantity -> Int4,
        imported -> Bool,
        created_at -> Timestamptz,
        channel -> Text,
        distributor_id -> Nullable<Uuid>,
        number -> Int4,
    }
}

diesel::table! {
    key_movements (id) {
        id -> Uuid,
        key_id -> Uuid,
        serial -> Int8,
        kind -> Text,
        from_kind -> Nullable<Text>,
        from_id -> Nullable<Uuid>,
        to_kind -> Nullable<Text>,
        to_id -> Nullable<Uuid>,
        allocation_id -> Nullable<Uuid>,
        redemption_id -> Nullable<Uuid>,
        actor_role -> Text,
        actor_id -> Nullable<Uuid>,
        at -> Timestamptz,
    }
}

diesel::table! {
    key_orders (id) {
        id -> Uuid,
        partner_id -> Uuid,
        distributor_id -> Uuid,
        product_id -> Uuid,
        quantity -> Int4,
        allocated -> Int4,
        status -> Text,
        reference -> Nullable<Text>,
        reason -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    key_returns (id) {
        id -> Uuid,
        partner_id -> Uuid,
        distributor_id -> Uuid,
        quantity -> Int4,
        reason -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    license_assignments (subscription_id, user_id) {
        subscription_id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    listening_instances (id) {
        id -> Uuid,
        seen_at -> Timestamptz,
    }
}

diesel::table! {
    notifications (id) {
        id -> Uuid,
        recipient_partner_id -> Nullable<Uuid>,
        recipient_tenant_id -> Nullable<Uuid>,
        event -> Text,
        event_key -> Text,
        tenant_id -> Nullable<Uuid>,
        subscription_id -> Nullable<Uuid>,
        offer_id -> Nullable<Uuid>,
        days_before -> Nullable<Int4>,
        message -> Text,
        created_at -> Timestamptz,
        read_at -> Nullable<Timestamptz>,
        recipient_distributor_id -> Nullable<Uuid>,
        reseller_relationship_id -> Nullable<Uuid>,
        key_order_id -> Nullable<Uuid>,
        allocation_id -> Nullable<Uuid>,
        product_id -> Nullable<Uuid>,
        quantity -> Nullable<Int4>,
        will_renew -> Nullable<Bool>,
    }
}

diesel::table! {
    partners (id) {
        id -> Uuid,
        name -> Text,
        partner_number -> Text,
        cloud_essentials -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    product_keys (id) {
        id -> Uuid,
        digest -> Bytea,
        last_five -> Text,
        product_id -> Uuid,
        partner_id -> Nullable<Uuid>,
        batch_id -> Uuid,
        seats -> Int4,
        term_months -> Int4,
        status -> Text,
        redemption_id -> Nullable<Uuid>,
        redeemed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        subscription_id -> Nullable<Uuid>,
        serial -> Int8,
        distributor_id -> Nullable<Uuid>,
        allocation_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    products (id) {
        id -> Uuid,
        sku -> Text,
        name -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    redemption_keys (id) {
        id -> Uuid,
        redemption_id -> Uuid,
        key_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    redemptions (id) {
        id -> Uuid,
        partner_id -> Uuid,
        status -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        tenant_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    refresh_tokens (digest) {
        digest -> Bytea,
        family_id -> Uuid,
        user_id -> Uuid,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    relationship_notices (relationship_id, ends_at, days_before) {
        relationship_id -> Uuid,
        ends_at -> Timestamptz,
        days_before -> Int4,
        status -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    renewal_notices (subscription_id, ends_at, days_before) {
        subscription_id -> Uuid,
        ends_at -> Timestamptz,
        days_before -> Int4,
        status -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    renewals (id) {
        id -> Uuid,
        subscription_id -> Uuid,
        method -> Text,
        previous_ends_at -> Timestamptz,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        seats -> Int4,
        key_id -> Nullable<Uuid>,
        new_subscription_id -> Nullable<Uuid>,
        forfeited_days -> Nullable<Int4>,
        reactivated -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    reseller_relationships (id) {
        id -> Uuid,
        distributor_id -> Uuid,
        partner_id -> Uuid,
        status -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        since -> Nullable<Date>,
        ended_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    revocations (seq) {
        seq -> Int8,
        subject -> Text,
        revoked_at -> Timestamptz,
    }
}

diesel::table! {
    sandbox_clock (id) {
        id -> Bool,
        offset_seconds -> Int8,
    }
}

diesel::table! {
    server_secrets (name) {
        name -> Text,
        value -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    signing_keys (kid) {
        kid -> Text,
        private_der -> Bytea,
        public_key -> Bytea,
        created_at -> Timestamptz,
        retired_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    stock_alerts (distributor_id, product_id) {
        distributor_id -> Uuid,
        product_id -> Uuid,
        threshold -> Int4,
        armed -> Bool,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    subscription_events (subscription_id, ends_at, event) {
        subscription_id -> Uuid,
        ends_at -> Timestamptz,
        event -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    subscriptions (id) {
        id -> Uuid,
        tenant_id -> Uuid,
        product_id -> Uuid,
        seats -> Int4,
        billing -> Text,
        term_months -> Int4,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        partner_of_record_id -> Nullable<Uuid>,
        superseded_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        next_event_at -> Nullable<Timestamptz>,
        auto_renew -> Bool,
        term_starts_at -> Timestamptz,
    }
}

diesel::table! {
    tenants (id) {
        id -> Uuid,
        company_name -> Text,
        country -> Text,
        domain -> Nullable<Text>,
        status -> Text,
        created_by_partner_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        data_deleted_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    user_import_rows (import_id, line) {
        import_id -> Uuid,
        line -> Int4,
        email -> Text,
        first_name -> Text,
        last_name -> Text,
        admin -> Bool,
        license_skus -> Array<Nullable<Text>>,
        outcome -> Nullable<Text>,
        code -> Nullable<Text>,
        detail -> Nullable<Text>,
        user_id -> Nullable<Uuid>,
        activation_token_sealed -> Nullable<Bytea>,
    }
}

diesel::table! {
    user_imports (id) {
        id -> Uuid,
        tenant_id -> Uuid,
        importer -> Text,
        rows_total -> Int4,
        created_at -> Timestamptz,
        started_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        failures -> Int4,
        retry_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        tenant_id -> Uuid,
        email -> Text,
        first_name -> Text,
        last_name -> Text,
        admin -> Bool,
        password_hash -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        endpoint_id -> Uuid,
        event_id -> Uuid,
        event_type -> Text,
        payload -> Jsonb,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Nullable<Timestamptz>,
        leased_until -> Nullable<Timestamptz>,
        last_attempt_at -> Nullable<Timestamptz>,
        last_status_code -> Nullable<Int4>,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Uuid,
        owner_partner_id -> Nullable<Uuid>,
        owner_tenant_id -> Nullable<Uuid>,
        url -> Text,
        events -> Array<Nullable<Text>>,
        description -> Nullable<Text>,
        enabled -> Bool,
        secret_sealed -> Bytea,
        previous_secret_sealed -> Nullable<Bytea>,
        previous_secret_expires_at -> Nullable<Timestamptz>,
        failing_since -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        owner_distributor_id -> Nullable<Uuid>,
        api_version -> Text,
    }
}

diesel::joinable!(activation_tokens -> users (user_id));
diesel::joinable!(allocations -> distributors (distributor_id));
diesel::joinable!(allocations -> key_orders (order_id));
diesel::joinable!(allocations -> partners (partner_id));
diesel::joinable!(allocations -> products (product_id));
diesel::joinable!(api_clients -> distributors (distributor_id));
diesel::joinable!(api_clients -> partners (partner_id));
diesel::joinable!(delegated_admin_offers -> partners (partner_id));
diesel::joinable!(delegated_admin_offers -> tenants (tenant_id));
diesel::joinable!(delegated_admin_relationships -> delegated_admin_offers (offer_id));
diesel::joinable!(delegated_admin_relationships -> partners (partner_id));
diesel::joinable!(delegated_admin_relationships -> tenants (tenant_id));
diesel::joinable!(key_batches -> distributors (distributor_id));
diesel::joinable!(key_batches -> partners (partner_id));
diesel::joinable!(key_batches -> products (product_id));
diesel::joinable!(key_movements -> allocations (allocation_id));
diesel::joinable!(key_movements -> product_keys (key_id));
diesel::joinable!(key_movements -> redemptions (redemption_id));
diesel::joinable!(key_orders -> distributors (distributor_id));
diesel::joinable!(key_orders -> partners (partner_id));
diesel::joinable!(key_orders -> products (product_id));
diesel::joinable!(key_returns -> distributors (distributor_id));
diesel::joinable!(key_returns -> partners (partner_id));
diesel::joinable!(license_assignments -> subscriptions (subscription_id));
diesel::joinable!(license_assignments -> users (user_id));
diesel::joinable!(notifications -> allocations (allocation_id));
diesel::joinable!(notifications -> delegated_admin_offers (offer_id));
diesel::joinable!(notifications -> distributors (recipient_distributor_id));
diesel::joinable!(notifications -> key_orders (key_order_id));
diesel::joinable!(notifications -> partners (recipient_partner_id));
diesel::joinable!(notifications -> products (product_id));
diesel::joinable!(notifications -> reseller_relationships (reseller_relationship_id));
diesel::joinable!(notifications -> subscriptions (subscription_id));
diesel::joinable!(product_keys -> allocations (allocation_id));
diesel::joinable!(product_keys -> distributors (distributor_id));
diesel::joinable!(product_keys -> key_batches (batch_id));
diesel::joinable!(product_keys -> partners (partner_id));
diesel::joinable!(product_keys -> products (product_id));
diesel::joinable!(product_keys -> redemptions (redemption_id));
diesel::joinable!(product_keys -> subscriptions (subscription_id));
diesel::joinable!(redemption_keys -> product_keys (key_id));
diesel::joinable!(redemption_keys -> redemptions (redemption_id));
diesel::joinable!(redemptions -> partners (partner_id));
diesel::joinable!(redemptions -> tenants (tenant_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(relationship_notices -> delegated_admin_relationships (relationship_id));
diesel::joinable!(renewal_notices -> subscriptions (subscription_id));
diesel::joinable!(renewals -> product_keys (key_id));
diesel::joinable!(reseller_relationships -> distributors (distributor_id));
diesel::joinable!(reseller_relationships -> partners (partner_id));
diesel::joinable!(stock_alerts -> distributors (distributor_id));
diesel::joinable!(stock_alerts -> products (product_id));
diesel::joinable!(subscription_events -> subscriptions (subscription_id));
diesel::joinable!(subscriptions -> partners (partner_of_record_id));
diesel::joinable!(subscriptions -> products (product_id));
diesel::joinable!(subscriptions -> tenants (tenant_id));
diesel::joinable!(tenants -> partners (created_by_partner_id));
diesel::joinable!(user_import_rows -> user_imports (import_id));
diesel::joinable!(user_imports -> tenants (tenant_id));
diesel::joinable!(users -> tenants (tenant_id));
diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_endpoints -> distributors (owner_distributor_id));
diesel::joinable!(webhook_endpoints -> partners (owner_partner_id));
diesel::joinable!(webhook_endpoints -> tenants (owner_tenant_id));

diesel::allow_tables_to_appear_in_same_query!(
    activation_tokens,
    allocations,
    api_clients,
    audit_events,
    delegated_admin_offers,
    delegated_admin_relationships,
    distributors,
    failure_budgets,
    idempotency_keys,
    key_batches,
    key_movements,
    key_orders,
    key_returns,
    license_assignments,
    listening_instances,
    notifications,
    partners,
    product_keys,
    products,
    redemption_keys,
    redemptions,
    refresh_tokens,
    relationship_notices,
    renewal_notices,
    renewals,
    reseller_relationships,
    revocations,
    sandbox_clock,
    server_secrets,
    signing_keys,
    stock_alerts,
    subscription_events,
    subscriptions,
    tenants,
    user_import_rows,
    user_imports,
    users,
    webhook_deliveries,
    webhook_endpoints,
);
