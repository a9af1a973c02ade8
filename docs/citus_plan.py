#!/usr/bin/env python3
"""keyport's sharding plan for Citus (docs/scaling.md), checked against the migrated schema.

The plan is data: for every table, how Citus holds it. The script reads the live catalog of
a migrated database and judges every primary key, unique constraint, unique index and
foreign key against the plan, so the plan cannot drift from the schema.

    python3 docs/citus_plan.py [DATABASE_URL]                     one block per table
    python3 docs/citus_plan.py [DATABASE_URL] --markdown          the table docs/scaling.md embeds
    python3 docs/citus_plan.py [DATABASE_URL] --check docs/scaling.md

DATABASE_URL comes from the first argument, else from the environment. Exit status: 0 when
the plan fits the schema (and, with --check, the document embeds what the schema gives
now); 1 when it does not, with the reasons or a diff; 2 when the schema cannot be read.
Python 3 standard library only; the database is read with psql.
"""

import argparse
import difflib
import json
import os
import subprocess
import sys
from typing import NamedTuple, Optional

DISTRIBUTED, REFERENCE, LOCAL = "distributed", "reference", "local"

BEGIN = "<!-- citus-plan:begin -->"
END = "<!-- citus-plan:end -->"


class Added(NamedTuple):
    """A distribution column the sharding migration adds: what fills it, and the existing
    columns it is filled from."""

    source: str
    reads: tuple
    # Where a copied value comes from (through the foreign key on `reads`), if it is copied.
    via_table: Optional[str] = None
    via_column: Optional[str] = None


class Plan(NamedTuple):
    kind: str
    column: Optional[str] = None
    group: Optional[str] = None
    added: Optional[Added] = None


def distributed(column, group, added=None):
    return Plan(DISTRIBUTED, column, group, added)


def copied(table, column, through):
    """A column copied from `table`.`column`, found through the foreign key on `through`."""
    return Added(f"{table}.{column} through {through}", (through,), table, column)


def computed(expression, *reads):
    """A column computed from the row's own columns."""
    return Added(expression, tuple(reads))


# Co-location groups. `owner`: rows hashed by the id of the tenant or partner that owns them
# (a tenant's rows by its tenant id, a partner's by its partner id, an inbox's by its
# recipient), so one tenant's or one partner's work stays on one shard. `endpoint`: webhook
# deliveries, hashed by their endpoint. `idempotency`: kept responses, hashed by caller.
OWNER, ENDPOINT, IDEMPOTENCY = "owner", "endpoint", "idempotency"

TENANT_OF_SUBSCRIPTION = copied("subscriptions", "tenant_id", "subscription_id")
TENANT_OF_USER = copied("users", "tenant_id", "user_id")

PLAN = {
    # Tenant-owned: hashed by tenant id, co-located with `tenants`.
    "tenants": distributed("id", OWNER),
    "subscriptions": distributed("tenant_id", OWNER),
    "users": distributed("tenant_id", OWNER),
    "license_assignments": distributed("tenant_id", OWNER, TENANT_OF_SUBSCRIPTION),
    "activation_tokens": distributed("tenant_id", OWNER, TENANT_OF_USER),
    "refresh_tokens": distributed("tenant_id", OWNER, TENANT_OF_USER),
    "renewals": distributed("tenant_id", OWNER, TENANT_OF_SUBSCRIPTION),
    "renewal_notices": distributed("tenant_id", OWNER, TENANT_OF_SUBSCRIPTION),
    "subscription_events": distributed("tenant_id", OWNER, TENANT_OF_SUBSCRIPTION),
    "delegated_admin_offers": distributed("tenant_id", OWNER),
    "delegated_admin_relationships": distributed("tenant_id", OWNER),
    "relationship_notices": distributed(
        "tenant_id", OWNER, copied("delegated_admin_relationships", "tenant_id", "relationship_id")
    ),
    "user_imports": distributed("tenant_id", OWNER),
    "user_import_rows": distributed("tenant_id", OWNER, copied("user_imports", "tenant_id", "import_id")),
    # Hashed by whoever the batch was minted to, which never changes: a distributor's cards
    # stay on its shard while they travel to resellers and back (a row's distribution column
    # cannot change), a batch minted straight to a partner is the partner's, and a retail
    # batch (no owner) and its keys are hashed by the batch's id, so retail keys spread.
    "key_batches": distributed(
        "owner_id", OWNER, computed("coalesce(distributor_id, partner_id, id)", "distributor_id", "partner_id", "id")
    ),
    "product_keys": distributed(
        "owner_id",
        OWNER,
        computed("coalesce(distributor_id, partner_id, batch_id)", "distributor_id", "partner_id", "batch_id"),
    ),
    # A card's ledger lives with the card; what moves a distributor's cards lives with the
    # distributor, so an allocation, its order and its movements are one shard's work.
    "key_movements": distributed("owner_id", OWNER, copied("product_keys", "owner_id", "key_id")),
    "allocations": distributed("distributor_id", OWNER),
    "key_orders": distributed("distributor_id", OWNER),
    "key_returns": distributed("distributor_id", OWNER),
    "stock_alerts": distributed("distributor_id", OWNER),
    "redemptions": distributed("partner_id", OWNER),
    "redemption_keys": distributed("partner_id", OWNER, copied("redemptions", "partner_id", "redemption_id")),
    # An inbox row lives with its recipient, a partner or a tenant.
    "notifications": distributed(
        "recipient_id",
        OWNER,
        computed(
            "coalesce(recipient_partner_id, recipient_tenant_id, recipient_distributor_id)",
            "recipient_partner_id",
            "recipient_tenant_id",
            "recipient_distributor_id",
        ),
    ),
    # A record lives with the tenant it concerns, else the partner, else anywhere (its id).
    "audit_events": distributed(
        "owner_id", OWNER, computed("coalesce(tenant_id, partner_id, id)", "tenant_id", "partner_id", "id")
    ),
    "webhook_deliveries": distributed("endpoint_id", ENDPOINT),
    "idempotency_keys": distributed("scope", IDEMPOTENCY),
    # Small, read everywhere, written rarely: a copy on every node.
    "partners": Plan(REFERENCE),
    "distributors": Plan(REFERENCE),
    "reseller_relationships": Plan(REFERENCE),
    "products": Plan(REFERENCE),
    "api_clients": Plan(REFERENCE),
    "webhook_endpoints": Plan(REFERENCE),
    "sandbox_clock": Plan(REFERENCE),
    "server_secrets": Plan(REFERENCE),
    "signing_keys": Plan(REFERENCE),
    # The coordinator's own: LISTEN/NOTIFY, and short-lived bookkeeping that joins nothing.
    "revocations": Plan(LOCAL),
    "listening_instances": Plan(LOCAL),
    "failure_budgets": Plan(LOCAL),
}

IGNORED = {"__diesel_schema_migrations"}

CATALOG = """
WITH t AS (
    SELECT c.oid, c.relname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
)
SELECT json_build_object(
  'tables', (SELECT coalesce(json_agg(relname ORDER BY relname), '[]') FROM t),
  'columns', (
    SELECT coalesce(json_agg(json_build_object(
             'table', t.relname, 'name', a.attname,
             'type', format_type(a.atttypid, a.atttypmod), 'not_null', a.attnotnull)
           ORDER BY t.relname, a.attnum), '[]')
    FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped),
  'uniques', (
    SELECT coalesce(json_agg(json_build_object(
             'table', t.relname, 'name', ic.relname, 'constraint', con.contype,
             'keys', (SELECT json_agg(json_build_object(
                               'column', a.attname,
                               'text', pg_get_indexdef(i.indexrelid, k.n::int, true))
                             ORDER BY k.n)
                      FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                              AND k.attnum <> 0
                      WHERE k.n <= i.indnkeyatts),
             'predicate', pg_get_expr(i.indpred, i.indrelid, true))
           ORDER BY t.relname, NOT i.indisprimary, ic.relname), '[]')
    FROM t JOIN pg_index i ON i.indrelid = t.oid AND i.indisunique
    JOIN pg_class ic ON ic.oid = i.indexrelid
    LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = t.oid
                               AND con.contype IN ('p', 'u')),
  'foreign_keys', (
    SELECT coalesce(json_agg(json_build_object(
             'table', t.relname, 'name', con.conname,
             'columns', (SELECT json_agg(a.attname ORDER BY k.n)
                         FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
             'ref_table', CASE WHEN rn.nspname = 'public' THEN rc.relname
                               ELSE rn.nspname || '.' || rc.relname END,
             'ref_columns', (SELECT json_agg(a.attname ORDER BY k.n)
                             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum))
           ORDER BY t.relname, con.conname), '[]')
    FROM t JOIN pg_constraint con ON con.conrelid = t.oid AND con.contype = 'f' AND con.conparentid = 0
    JOIN pg_class rc ON rc.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace)
)
"""


class Unique(NamedTuple):
    name: str
    label: str  # PRIMARY KEY, UNIQUE or UNIQUE INDEX
    columns: list  # plain column names, None for an expression
    texts: list  # each key as PostgreSQL prints it
    predicate: Optional[str]


class ForeignKey(NamedTuple):
    name: str
    columns: list
    ref_table: str
    ref_columns: list


class Table(NamedTuple):
    name: str
    columns: dict  # name -> type
    uniques: list
    foreign_keys: list


class Verdict(NamedTuple):
    keeps: bool
    why: str


def read_schema(url):
    """The public schema's ordinary and partitioned tables (not partitions), by name."""
    command = ["psql", "-X", "-At", "-F", "|", url, "-c", CATALOG]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        sys.exit("citus_plan: psql is not installed (the schema is read with it)")
    if done.returncode != 0:
        print(f"citus_plan: could not read the schema: {done.stderr.strip()}", file=sys.stderr)
        sys.exit(2)
    catalog = json.loads(done.stdout)
    tables = {
        name: Table(name, {}, [], []) for name in catalog["tables"] if name not in IGNORED
    }
    for c in catalog["columns"]:
        if c["table"] in tables:
            tables[c["table"]].columns[c["name"]] = c["type"]
    labels = {"p": "PRIMARY KEY", "u": "UNIQUE", None: "UNIQUE INDEX"}
    for u in catalog["uniques"]:
        if u["table"] in tables:
            tables[u["table"]].uniques.append(
                Unique(
                    u["name"],
                    labels[u["constraint"]],
                    [k["column"] for k in u["keys"]],
                    [k["text"] for k in u["keys"]],
                    u["predicate"],
                )
            )
    for f in catalog["foreign_keys"]:
        if f["table"] in tables:
            fk = ForeignKey(f["name"], f["columns"], f["ref_table"], f["ref_columns"])
            tables[f["table"]].foreign_keys.append(fk)
    return tables


def plan_errors(tables):
    """Where the plan and the schema disagree; empty when the plan fits."""
    errors = []
    for name in sorted(set(tables) - set(PLAN)):
        errors.append(f"table {name} has no plan: add it to PLAN in docs/citus_plan.py and to docs/scaling.md")
    for name in sorted(set(PLAN) - set(tables)):
        errors.append(f"the plan names table {name}, which the schema no longer has")
    group_types = {}
    for name in sorted(set(PLAN) & set(tables)):
        plan, table = PLAN[name], tables[name]
        if plan.kind not in (DISTRIBUTED, REFERENCE, LOCAL):
            errors.append(f"{name}: unknown kind {plan.kind!r}")
            continue
        if plan.kind != DISTRIBUTED:
            if plan.column or plan.group or plan.added:
                errors.append(f"{name}: a {plan.kind} table has no distribution column or co-location group")
            continue
        if not plan.column or not plan.group:
            errors.append(f"{name}: a distributed table needs a distribution column and a co-location group")
            continue
        if plan.added is None:
            if plan.column not in table.columns:
                errors.append(f"{name}: distribution column {plan.column} is not a column of {name}")
            else:
                group_types.setdefault(plan.group, {})[name] = table.columns[plan.column]
            continue
        # A column the sharding migration adds: not there yet, and filled from columns that are.
        if plan.column in table.columns:
            errors.append(
                f"{name}: {plan.column} is a column of {name} now: drop the plan's note that it is to be added"
            )
        for column in plan.added.reads:
            if column not in table.columns:
                errors.append(f"{name}: {plan.column} is to be filled from {column}, which is not a column of {name}")
        if plan.added.via_table:
            through = list(plan.added.reads)
            if not any(fk.columns == through and fk.ref_table == plan.added.via_table for fk in table.foreign_keys):
                errors.append(
                    f"{name}: {plan.column} is to be copied from {plan.added.via_table} through "
                    f"{', '.join(through)}, but no foreign key of {name} leads there"
                )
            source = tables.get(plan.added.via_table)
            # The source may be a column the sharding migration adds to that table first.
            source_plan = PLAN.get(plan.added.via_table)
            added_there = (
                source_plan is not None and source_plan.added is not None and source_plan.column == plan.added.via_column
            )
            if source is not None and plan.added.via_column not in source.columns and not added_there:
                errors.append(
                    f"{name}: {plan.added.source}: {plan.added.via_table} has no column {plan.added.via_column}"
                )
    for group, types in group_types.items():
        if len(set(types.values())) > 1:
            listed = ", ".join(f"{t} ({ty})" for t, ty in sorted(types.items()))
            errors.append(f"co-location group {group} mixes distribution column types: {listed}")
    return errors


def unique_verdict(table, unique):
    plan = PLAN[table]
    if plan.kind != DISTRIBUTED:
        return Verdict(True, f"{plan.kind} table")
    if plan.column in unique.columns:
        return Verdict(True, f"includes {plan.column}")
    return Verdict(False, f"omits {column_label(plan)}")


def foreign_key_verdict(table, fk):
    plan, target = PLAN[table], PLAN.get(fk.ref_table)
    if target is None:
        return Verdict(False, f"references {fk.ref_table}, which has no plan")
    kinds = f"{plan.kind} → {target.kind}"
    if plan.kind == REFERENCE:
        if target.kind == REFERENCE:
            return Verdict(True, kinds)
        return Verdict(False, f"{kinds}: a reference table may reference only reference tables")
    if plan.kind == LOCAL:
        if target.kind in (LOCAL, REFERENCE):
            return Verdict(True, kinds)
        return Verdict(False, f"{kinds}: a coordinator-local table cannot reference a distributed table")
    if target.kind == REFERENCE:
        return Verdict(True, kinds)
    if target.kind == LOCAL:
        return Verdict(False, f"{kinds}: a distributed table cannot reference a coordinator-local table")
    if plan.group != target.group:
        return Verdict(False, f"not co-located ({plan.group} → {target.group})")
    paired = any(c == plan.column and r == target.column for c, r in zip(fk.columns, fk.ref_columns))
    if paired and plan.added is None and target.added is None:
        return Verdict(True, f"co-located, pairs {plan.column} with {fk.ref_table}.{target.column}")
    return Verdict(False, f"does not pair {column_label(plan)} with {fk.ref_table}.{column_label(target)}")


def column_label(plan):
    return f"{plan.column} (to add)" if plan.added else plan.column


def kind_label(plan):
    return f"{plan.kind} ({plan.group})" if plan.kind == DISTRIBUTED else plan.kind


def unique_text(unique):
    text = f"{unique.name} ({', '.join(unique.texts)})"
    return f"{text} WHERE {unique.predicate}" if unique.predicate else text


def fk_text(fk):
    return f"({', '.join(fk.columns)}) → {fk.ref_table} ({', '.join(fk.ref_columns)})"


def blocks(tables):
    out = []
    for name in sorted(tables):
        plan, table = PLAN[name], tables[name]
        out.append(name)
        out.append(f"  kind:                {plan.kind}")
        if plan.kind == DISTRIBUTED:
            column = plan.column
            if plan.added:
                column += f" (to add, filled from {plan.added.source})"
            out.append(f"  distribution column: {column}")
            out.append(f"  co-location group:   {plan.group}")
        else:
            out.append("  distribution column: none")
            out.append("  co-location group:   none")
        for unique in table.uniques:
            verdict = unique_verdict(name, unique)
            word = "keeps" if verdict.keeps else "must change"
            out.append(f"  {unique.label} {unique_text(unique)}: {word}: {verdict.why}")
        for fk in table.foreign_keys:
            verdict = foreign_key_verdict(name, fk)
            word = "keeps" if verdict.keeps else "must change"
            out.append(f"  FOREIGN KEY {fk.name} {fk_text(fk)}: {word}: {verdict.why}")
        out.append("")
    return "\n".join(out)


def cell(items):
    text = "<br>".join(items) if items else "—"
    return text.replace("|", "\\|")


def markdown(tables):
    rows = [
        "| table | kind | distribution column | unique keys that must change | foreign keys that must change |",
        "|---|---|---|---|---|",
    ]
    for name in sorted(tables):
        plan, table = PLAN[name], tables[name]
        column = f"`{plan.column}`" + (" (to add)" if plan.added else "") if plan.column else "—"
        uniques = [f"`{u.name}` ({', '.join(u.texts)})" for u in table.uniques if not unique_verdict(name, u).keeps]
        fks = [
            f"({', '.join(f.columns)}) → `{f.ref_table}` ({', '.join(f.ref_columns)})"
            for f in table.foreign_keys
            if not foreign_key_verdict(name, f).keeps
        ]
        rows.append(f"| `{name}` | {kind_label(plan)} | {column} | {cell(uniques)} | {cell(fks)} |")
    return "\n".join(rows) + "\n"


def embedded(path):
    """The lines between the markers of `path`, or None when it has no such pair."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    marks = [i for i, line in enumerate(lines) if line.strip() in (BEGIN, END)]
    if len(marks) != 2 or lines[marks[0]].strip() != BEGIN:
        return None
    return "".join(lines[marks[0] + 1 : marks[1]])


def main():
    parser = argparse.ArgumentParser(description="keyport's Citus sharding plan, judged against a migrated schema.")
    parser.add_argument("database_url", nargs="?", help="libpq URL of a migrated database (default: $DATABASE_URL)")
    parser.add_argument("--markdown", action="store_true", help="print the table docs/scaling.md embeds")
    parser.add_argument("--check", metavar="FILE", help="exit 1 with a diff when FILE embeds another table")
    args = parser.parse_args()
    url = args.database_url or os.environ.get("DATABASE_URL")
    if not url:
        parser.error("no database: give a URL or set DATABASE_URL")

    tables = read_schema(url)
    errors = plan_errors(tables)
    if errors:
        print("citus_plan: the plan does not fit the schema:", file=sys.stderr)
        for error in errors:
            print(f"  - {error}", file=sys.stderr)
        return 1

    if args.check:
        want = markdown(tables)
        have = embedded(args.check)
        if have is None:
            print(f"citus_plan: {args.check} has no {BEGIN} … {END} lines", file=sys.stderr)
            return 1
        if have != want:
            diff = difflib.unified_diff(
                have.splitlines(keepends=True),
                want.splitlines(keepends=True),
                f"{args.check} (embedded)",
                "the schema now (python3 docs/citus_plan.py --markdown)",
            )
            sys.stdout.writelines(diff)
            print(f"citus_plan: {args.check} is out of date with the schema", file=sys.stderr)
            return 1
        print(f"citus_plan: {args.check} matches the schema ({len(tables)} tables)")
        return 0

    sys.stdout.write(markdown(tables) if args.markdown else blocks(tables))
    return 0


if __name__ == "__main__":
    sys.exit(main())
