"""The admin's account search, and the role picker's account box that uses it, filter in
the database (decision 0086, item 4): every account keeps a folded copy of its login,
name and email (`units.AccountSearch`), written on every save and by the Excel import's
bulk writes, filled for the accounts that existed by a data migration. It used to read
every account and fold the names in Python (decision 0074)."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from tests.test_sheets import _grant_roles_right, confirm, headers, run, xlsx
from units.models import AccountSearch, Membership
from units.text import normalize_search

pytestmark = pytest.mark.django_db

User = get_user_model()


def account(username: str, first_name: str, **fields):
    return User.objects.create_user(
        username, password="matkhau-manh-123", first_name=first_name, **fields
    )


def found(admin_client, typed: str) -> set[str]:
    response = admin_client.get(reverse("admin:auth_user_changelist"), {"q": typed})
    return {u.username for u in response.context["cl"].result_list}


def test_nguyen_van_a_finds_nguyen_van_a_and_d_folds_from_dd(admin_client):
    account("nva", "Nguyễn Văn A")
    account("dvd", "Đặng Văn Đức", email="duc.dang@example.vn")
    account("nvb", "Nguyễn Văn Bình")
    assert normalize_search("Đ") == "d"
    assert AccountSearch.objects.get(user__username="dvd").search_text == (
        " dvd dang van duc duc dang example vn "
    )
    assert found(admin_client, "nguyen van a") == {"nva"}
    assert found(admin_client, "Nguyễn Văn A") == {"nva"}
    assert found(admin_client, "NGUYEN VAN") == {"nva", "nvb"}
    for typed in ("dang van duc", "ĐẶNG", "đức", "duc"):
        assert found(admin_client, typed) == {"dvd"}, typed
    assert found(admin_client, "van") == {"nva", "dvd", "nvb"}
    assert found(admin_client, "tran") == set()


def test_the_search_is_one_database_filter_not_a_read_of_every_account(
    admin_user, django_assert_num_queries
):
    for i in range(30):
        account(f"cb{i:02d}", f"Lò Văn {i:02d}")
    model_admin = admin.site._registry[User]
    request = RequestFactory().get("/", {"q": "lo van 07"})
    request.user = admin_user
    with django_assert_num_queries(0):  # nothing read to be folded
        queryset, duplicates = model_admin.get_search_results(
            request, User.objects.all(), "lo van 07"
        )
    assert "search_text" in str(queryset.query)
    with django_assert_num_queries(1):
        assert [u.username for u in queryset] == ["cb07"]
    assert duplicates is False


def test_the_changelists_queries_do_not_grow_with_the_accounts(
    admin_client, django_assert_max_num_queries
):
    url = reverse("admin:auth_user_changelist")
    account("lvc", "Lò Văn Chung")
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url, {"q": "lo van"}).status_code == 200
    for i in range(40):
        account(f"cb{i:02d}", f"Lò Văn {i:02d}")
    with django_assert_max_num_queries(len(few)):
        assert admin_client.get(url, {"q": "lo van"}).status_code == 200


def test_the_folded_copy_follows_a_rename_and_a_login_writes_nothing(
    admin_client, django_assert_num_queries
):
    user = account("hoa", "Nguyễn Thị Hoa")
    user.first_name = "Trần Thị Hoa"
    user.save()
    assert found(admin_client, "nguyen thi") == set()
    assert found(admin_client, "tran thi hoa") == {"hoa"}
    with django_assert_num_queries(1):  # last_login only: no search row written
        user.save(update_fields=["last_login"])


def test_the_data_migration_fills_the_accounts_that_existed(admin_client):
    account("lvc", "Lò Văn Chung")
    account("dtm", "Đặng Thị Mơ")
    AccountSearch.objects.all().delete()  # as before the migration
    assert found(admin_client, "lo van") == set()
    migration = importlib.import_module("units.migrations.0018_account_search_fill")
    migration.fill(apps, SimpleNamespace(connection=SimpleNamespace(vendor="sqlite")))
    assert found(admin_client, "lo van") == {"lvc"}
    assert found(admin_client, "dang thi mo") == {"dtm"}
    assert AccountSearch.objects.count() == User.objects.count()


def test_accounts_the_excel_import_creates_are_found(admin_client, demo_units, make_member):
    office = make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    _grant_roles_right(office)
    rows = [["vt.binhlu", "Lò Văn Minh", "minh@example.vn", "ubnd-x-binh-lu", "Cán bộ đơn vị"]]
    record = run(
        office, "memberships", xlsx(headers("memberships"), rows), office.memberships.get().unit
    )
    assert record.counts["create"] == 1, record.problems
    confirm(office, record)
    assert found(admin_client, "lo van minh") == {"vt.binhlu"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_the_data_migration_runs_on_postgresql_with_accounts_that_exist():
    """On PostgreSQL the migration writes the rows and makes the trigram index in one
    transaction. Rows written first leave the foreign key's deferred checks pending, and
    PostgreSQL refuses the index then ("cannot CREATE INDEX … because it has pending
    trigger events"): every database that has accounts failed the upgrade (review 0090)."""
    migration = importlib.import_module("units.migrations.0018_account_search_fill")
    account("lvc", "Lò Văn", last_name="Chung")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the save's own checks, done
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(f"DROP INDEX IF EXISTS {migration.INDEX}")
    AccountSearch.objects.all().delete()  # as before the migration: no row, no index
    with connection.schema_editor(atomic=False) as editor:
        migration.fill(apps, editor)
    assert AccountSearch.objects.get(user__username="lvc").search_text == (
        AccountSearch.text_of(User.objects.get(username="lvc"))
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [migration.INDEX])
        assert cursor.fetchone() is not None
