"""Issue 15, the secret ballot: nobody who reads the database, the database administrator
included, can tell how a member voted (docs/decisions/0010-secret-ballot.md).

The administrator is played here by code that reads every table as raw rows, the SQL the
application sends (what a statement log with log_statement='mod' keeps), and on
PostgreSQL every row version, dead ones included (pageinspect), and the WAL
(pg_walinspect). The votes are cast through the pages, as members cast them.
"""

from __future__ import annotations

import datetime
import io
import re
import threading
from collections import Counter
from unittest import mock

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, models, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards import ballot_box, services
from awards.models import AgendaItem, BallotReceipt, Nomination, SealedBallot, Vote
from tests.factories import nominate

POSTGRES = connection.vendor == "postgresql"
FROZEN = timezone.make_aware(datetime.datetime(2025, 12, 20, 9, 0))
CHOICES = ["agree", "disagree", "abstain"]


def open_session(cycle, code: str = "cstd-co-so"):
    """A session with one nomination whose award type needs a secret ballot."""
    n = nominate(cycle, person=cycle["people"][0], code=code)
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    session = services.session_create(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Phiên họp xét khen thưởng năm 2025",
        held_on=datetime.date(2025, 12, 20),
        members=cycle["council"],
        nominations=[n],
    )
    item = session.agenda.get()
    assert item.secret == (code == "cstd-co-so")
    return session, item


def dba_view() -> dict[str, Counter]:
    """Every row of every table, as the database administrator reads them.

    Two things are masked, and only these: primary keys (a sequence on PostgreSQL is not
    rolled back with the savepoint between the two runs below, and the ballot box's are
    random) and the sealed ballots, replaced by their length (what they hold without
    the key is the subject of the tests further down)."""
    view = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            columns = [
                c.name for c in connection.introspection.get_table_description(cursor, table)
            ]
            primary = connection.introspection.get_primary_key_column(cursor, table)
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = Counter()
            for row in cursor.fetchall():
                masked = []
                for column, value in zip(columns, row, strict=True):
                    if column == primary:
                        continue
                    if table == SealedBallot._meta.db_table and column == "sealed":
                        value = f"<sealed, {len(value)} characters>"
                    if isinstance(value, memoryview):
                        value = bytes(value)
                    masked.append((column, value))
                rows[tuple(masked)] += 1
            view[table] = rows
    return view


def differences(a: dict[str, Counter], b: dict[str, Counter]) -> dict[str, tuple]:
    return {t: (a[t] - b[t], b[t] - a[t]) for t in a if a[t] != b[t]}


def sealed_values() -> list[str]:
    """The sealed ballots and their random ids, as they appear in SQL."""
    values = []
    for pk, sealed in SealedBallot.objects.values_list("pk", "sealed"):
        values += [sealed, pk.hex, str(pk)]
    return values


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def cast_and_close(session, item, voters, office, choices) -> dict:
    """The members (logged in already) vote `choices` through the pages, then the office
    closes the session; what the administrator sees after each step, and the SQL of each
    step. Everything is rolled back after, so the next run starts from the same database."""
    url = reverse("awards:vote", args=[session.pk, item.pk])
    with transaction.atomic(), mock.patch("django.utils.timezone.now", return_value=FROZEN):
        seen = {"views": [dba_view()], "sql": [], "sealed": []}
        for client, choice in zip(voters, choices, strict=True):
            with CaptureQueriesContext(connection) as sql:
                assert client.post(url, {"choice": choice}).status_code == 302
            seen["sql"].append([q["sql"] for q in sql.captured_queries])
            seen["views"].append(dba_view())
            seen["sealed"].append(sealed_values())
        with CaptureQueriesContext(connection) as sql:
            office.post(reverse("awards:session_close", args=[session.pk]))
        seen["sql"].append([q["sql"] for q in sql.captured_queries])
        seen["views"].append(dba_view())
        seen["tally"] = AgendaItem.objects.values_list("agree", "disagree", "abstain").get(
            pk=item.pk
        )
        seen["status"] = Nomination.objects.get(pk=item.nomination_id).status
        transaction.set_rollback(True)
    return seen


@pytest.fixture
def two_runs(cycle):
    """The same members vote in the same order, in two runs; the choices are the same
    three, held by other members: hd0 agree, hd1 disagree, hd2 abstain, then hd0 disagree,
    hd1 abstain, hd2 agree."""
    session, item = open_session(cycle)
    voters = [logged_in(member) for member in cycle["council"]]
    office = logged_in(cycle["office"])
    first = cast_and_close(session, item, voters, office, CHOICES)
    second = cast_and_close(session, item, voters, office, CHOICES[1:] + CHOICES[:1])
    return first, second


@pytest.mark.django_db
def test_the_database_is_the_same_whoever_chose_what(two_runs):
    """Polling every table after each vote, history, outbox and log tables included:
    nothing differs between the runs, so nothing in the database says who chose what, and
    no partial tally can be read while the session is open. After the close, the totals
    (the same in both runs) are there, and nothing else."""
    first, second = two_runs
    assert first["tally"] == second["tally"] == (1, 1, 1)
    assert first["status"] == second["status"]
    for step, (a, b) in enumerate(zip(first["views"], second["views"], strict=True)):
        assert not differences(a, b), f"after step {step}: {differences(a, b)}"
    # not a blind comparison: each vote shows in the database (a receipt and a sealed
    # ballot), and the close shows (the totals, the ballot box emptied)
    views = first["views"]
    for before, after in zip(views, views[1:], strict=False):
        assert differences(before, after)
    table = AgendaItem._meta.db_table
    assert views[3][table] == views[0][table]  # no tally at all until the close
    assert views[4][table] != views[3][table]
    assert not views[4][SealedBallot._meta.db_table]  # opened, counted, gone


@pytest.mark.django_db
def test_the_statement_log_of_a_vote_is_the_same_whatever_the_choice(two_runs):
    """What a statement log (log_statement='mod' or 'all') would keep: the SQL each vote
    sends is the same whatever the member chose, save the sealed ballot, and no statement
    names a choice. The close's SQL is the same too: it writes totals only."""
    first, second = two_runs
    for run in (first, second):
        sealed = set(run["sealed"][-1])  # every ballot of the run, and its id
        for step in range(4):
            masked = []
            for sql in run["sql"][step]:
                for value in sealed:
                    sql = sql.replace(value, "<sealed>")
                masked.append(re.sub(r'"s\d+_x\d+"', "<savepoint>", sql))  # Django's counter
            run["sql"][step] = masked
    for step in range(4):
        assert first["sql"][step] == second["sql"][step], f"step {step}"
    # what log_statement='mod' keeps of the votes: the receipt and the sealed ballot
    writes = [
        sql
        for step in range(3)
        for sql in first["sql"][step]
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", sql, re.IGNORECASE)
    ]
    assert len(writes) == 6 and sum("<sealed>" in sql for sql in writes) == 3
    for sql in writes:
        assert not re.search(r"agree|abstain|tally", sql, re.IGNORECASE), sql


@pytest.mark.django_db
def test_a_sealed_ballot_says_nothing_without_the_key(cycle, settings):
    """The same size for every choice, never the same twice for one choice, no plaintext;
    no member, time or sequence on the row; opened by this installation's key only."""
    session, item = open_session(cycle)
    sealed = {
        choice: [
            ballot_box.seal(session_id=session.pk, item_id=item.pk, choice=choice) for _ in range(3)
        ]
        for choice in CHOICES
    }
    everything = [s for values in sealed.values() for s in values]
    assert {len(s) for s in everything} == {ballot_box.SEALED_LENGTH}
    assert len(set(everything)) == len(everything)
    for choice, values in sealed.items():
        for value in values:
            assert choice not in value.lower()
            assert ballot_box.open_sealed(session_id=session.pk, item_id=item.pk, sealed=value) == (
                choice
            )
    agree = sealed["agree"][0]
    with pytest.raises(ballot_box.UnreadableBallot):  # moved to another item or session
        ballot_box.open_sealed(session_id=session.pk, item_id=item.pk + 1, sealed=agree)
    with pytest.raises(ballot_box.UnreadableBallot):
        ballot_box.open_sealed(session_id=session.pk + 1, item_id=item.pk, sealed=agree)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "another installation's key, not this one: 0123456789abcdef"
    with pytest.raises(ballot_box.UnreadableBallot):
        ballot_box.open_sealed(session_id=session.pk, item_id=item.pk, sealed=agree)
    settings.SECRET_KEY_FALLBACKS = [old_key]  # the key rotated during the session
    assert ballot_box.open_sealed(session_id=session.pk, item_id=item.pk, sealed=agree) == "agree"

    fields = {f.name: f for f in SealedBallot._meta.get_fields()}
    assert set(fields) == {"id", "item", "sealed"}
    assert isinstance(fields["id"], models.UUIDField)
    assert not any(isinstance(f, models.DateField | models.DateTimeField) for f in fields.values())
    assert SealedBallot not in admin.site._registry and BallotReceipt not in admin.site._registry
    assert not hasattr(SealedBallot, "history") and not hasattr(AgendaItem, "history")


@pytest.mark.django_db
def test_an_open_session_shows_how_many_voted_never_how(client, cycle):
    session, item = open_session(cycle)
    for member, choice in zip(cycle["council"][:2], ["agree", "disagree"], strict=True):
        services.vote_cast(actor=member, item=item, choice=choice)
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert "Đang bỏ phiếu: 2/3 thành viên có mặt đã bỏ phiếu" in page
    assert "Đồng ý 1" not in page and "không đồng ý 1" not in page
    assert client.get(reverse("awards:session_minutes", args=[session.pk])).status_code == 404
    assert AgendaItem.objects.values_list("agree", "disagree", "abstain", "passed").get(
        pk=item.pk
    ) == (0, 0, 0, None)
    assert SealedBallot.objects.filter(item=item).count() == 2
    assert BallotReceipt.objects.filter(item=item).count() == 2

    services.vote_cast(actor=cycle["council"][2], item=item, choice="agree")
    services.session_close(actor=cycle["office"], session=session)
    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain, item.passed) == (2, 1, 0, True)
    assert not SealedBallot.objects.exists()
    assert BallotReceipt.objects.filter(item=item).count() == 3
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert "Đồng ý 2, không đồng ý 1, không biểu quyết 0" in page


@pytest.mark.django_db
def test_named_votes_are_counted_at_the_close_too(cycle):
    """A named vote is public by law and kept with the member; its tally, like a secret
    one's, is counted when the session closes."""
    session, item = open_session(cycle, code="lao-dong-tien-tien")
    for member, choice in zip(cycle["council"], ["agree", "agree", "disagree"], strict=True):
        services.vote_cast(actor=member, item=item, choice=choice)
    item.refresh_from_db()
    assert (item.agree, item.disagree) == (0, 0)
    assert Vote.objects.filter(item=item).count() == 3 and not SealedBallot.objects.exists()
    services.session_close(actor=cycle["office"], session=session)
    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain, item.passed) == (2, 1, 0, True)


@pytest.mark.django_db
def test_a_ballot_box_changed_in_the_database_is_not_counted(cycle):
    """Whoever changes the box behind the application's back (a ballot deleted, copied or
    altered) stops the count with a message, instead of a wrong result."""
    session, item = open_session(cycle)
    for member in cycle["council"]:
        services.vote_cast(actor=member, item=item, choice="agree")
    box = SealedBallot.objects.filter(item=item)
    first = box.first()
    with transaction.atomic():
        box.filter(pk=first.pk).delete()
        with pytest.raises(ValidationError, match="3 thành viên đã bỏ phiếu"):
            services.session_close(actor=cycle["office"], session=session)
        transaction.set_rollback(True)
    with transaction.atomic():
        sealed = first.sealed
        flipped = sealed[:20] + ("A" if sealed[20] != "A" else "B") + sealed[21:]
        box.filter(pk=first.pk).update(sealed=flipped)
        with pytest.raises(ValidationError, match="không mở được"):
            services.session_close(actor=cycle["office"], session=session)
        transaction.set_rollback(True)
    with pytest.raises(IntegrityError), transaction.atomic():  # a ballot copied
        SealedBallot.objects.create(item=item, sealed=first.sealed)
    services.session_close(actor=cycle["office"], session=session)
    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain) == (3, 0, 0)


@pytest.mark.django_db
def test_ballots_sealed_under_a_lost_key_are_voted_again(cycle, settings):
    """SECRET_KEY lost during the session: the close refuses; the operator's command
    voids the item's ballots, unread, with the reason in the nomination's history; the
    members vote again and the close counts."""
    session, item = open_session(cycle)
    for member in cycle["council"]:
        services.vote_cast(actor=member, item=item, choice="disagree")
    settings.SECRET_KEY = "a new key: the old one was lost with the server 0123456789"
    with pytest.raises(ValidationError, match="không mở được"):
        services.session_close(actor=cycle["office"], session=session)
    with pytest.raises(CommandError, match="--reason"):
        call_command("restart_secret_ballot", str(item.pk))
    out = io.StringIO()
    call_command("restart_secret_ballot", str(item.pk), reason="Mất khoá bí mật", stdout=out)
    assert "đã huỷ 3 phiếu" in out.getvalue()
    assert not SealedBallot.objects.exists() and not BallotReceipt.objects.exists()
    note = Nomination.objects.get(pk=item.nomination_id).events.last().note
    assert "Bỏ phiếu kín lại" in note and "Mất khoá bí mật" in note
    for member in cycle["council"]:
        services.vote_cast(actor=member, item=item, choice="agree")
    services.session_close(actor=cycle["office"], session=session)
    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain, item.passed) == (3, 0, 0, True)
    with pytest.raises(CommandError, match="kết thúc"):
        call_command("restart_secret_ballot", str(item.pk), reason="x")


@pytest.mark.django_db
def test_votes_counted_before_the_ballot_box_still_count(cycle):
    """A session open when this version was installed: its earlier secret votes were
    counted as they were cast (tallies and receipts, no sealed ballot); the close adds the
    sealed ones to them."""
    session, item = open_session(cycle)
    for member in cycle["council"][:2]:
        BallotReceipt.objects.create(item=item, member=member)
    AgendaItem.objects.filter(pk=item.pk).update(agree=1, disagree=1)
    services.vote_cast(actor=cycle["council"][2], item=item, choice="agree")
    services.session_close(actor=cycle["office"], session=session)
    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain) == (2, 1, 0)


# --- PostgreSQL: row versions and the WAL ---------------------------------------------

DATA_RECORDS = {"INSERT", "INSERT+INIT", "UPDATE", "UPDATE+INIT", "HOT_UPDATE", "DELETE"}
DATA_RECORDS |= {"MULTI_INSERT", "MULTI_INSERT+INIT"}


def _relations(cursor) -> dict[int, str]:
    """Every relation's file, named after its table (an index or a sequence after the
    table it serves)."""
    cursor.execute(
        """
        SELECT c.relfilenode, COALESCE(t.relname, s.relname, c.relname)
        FROM pg_class c
        LEFT JOIN pg_index i ON i.indexrelid = c.oid
        LEFT JOIN pg_class t ON t.oid = i.indrelid
        LEFT JOIN pg_depend d ON d.objid = c.oid AND c.relkind = 'S' AND d.deptype IN ('a', 'i')
        LEFT JOIN pg_class s ON s.oid = d.refobjid
        WHERE c.relfilenode <> 0
        """
    )
    return dict(cursor.fetchall())


# PostgreSQL's FirstNormalObjectId: files below it belong to the system catalogs.
FIRST_USER_FILENODE = 16384


def _written_in_wal(cursor, start: str, end: str, xids: set[int]) -> dict[int, list[tuple]]:
    """What each transaction wrote, from the WAL: (table, kind of record, data length)."""
    names = _relations(cursor)
    cursor.execute(
        """
        SELECT xid::text::bigint, resource_manager, record_type,
               record_length - fpi_length, block_ref
        FROM pg_get_wal_records_info(%s, %s)
        WHERE xid::text::bigint = ANY(%s)
        """,
        [start, end, list(xids)],
    )
    written: dict[int, list[tuple]] = {xid: [] for xid in xids}
    for xid, manager, kind, length, blocks in cursor.fetchall():
        if manager == "Transaction" or (manager.startswith("Heap") and kind == "LOCK"):
            continue  # the commit; a row lock (the session's), which writes no data
        for node in re.findall(r"rel \d+/\d+/(\d+)", blocks or ""):
            if int(node) < FIRST_USER_FILENODE:
                # a system catalog's page (pg_class is 1259): PostgreSQL's own upkeep,
                # such as pruning dead catalog rows that earlier tests' TRUNCATEs left,
                # done by whichever transaction reads the page next; no table of ours
                continue
            written[xid].append((names.get(int(node), node), manager, kind, length))
    return written


def _versions_by(cursor, xids: set[int]) -> set[str]:
    """The tables holding a row version, live or dead, written by one of these
    transactions (pageinspect reads the pages, as they are on disk)."""
    cursor.execute(
        """
        SELECT c.relname, pg_relation_size(c.oid) / current_setting('block_size')::int
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
        """
    )
    found = set()
    for table, blocks in cursor.fetchall():
        for block in range(blocks):
            cursor.execute(
                "SELECT t_xmin::text::bigint FROM heap_page_items(get_raw_page(%s, %s))"
                " WHERE t_xmin IS NOT NULL",
                [table, block],
            )
            if {x for (x,) in cursor.fetchall()} & xids:
                found.add(table)
    return found


@pytest.fixture
def _inspected():
    """pageinspect and pg_walinspect for this test only: left in the database, they would
    be in a later test's backup, which a restoring user who is not a superuser cannot
    restore ("permission denied to create extension": test_backup.py's own-database
    test, when the same worker runs it after this one)."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect")
    yield
    with connection.cursor() as cursor:
        cursor.execute("DROP EXTENSION IF EXISTS pg_walinspect")
        cursor.execute("DROP EXTENSION IF EXISTS pageinspect")


@pytest.mark.skipif(not POSTGRES, reason="xmin, pageinspect and pg_walinspect are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_inspected")
def test_row_versions_and_the_wal_pair_each_voter_with_a_sealed_ballot_only(reference_data, cycle):
    """Each vote commits on its own, as in production. Then, as the administrator: every
    transaction that wrote a receipt wrote a sealed ballot and nothing else, in the live
    rows, the dead row versions and the WAL (no tally moved); what a voter who agreed and
    one who disagreed wrote has the same shape and size; the sealed ballots they wrote
    are all different and the same length. The totals appear only in the close's
    transaction, which also deletes the sealed ballots."""
    with connection.cursor() as cursor:
        # Earlier tests were emptied by DELETE (tests/conftest.py, _flush_by_delete): the
        # dead row versions they left, autovacuum's in production, would be pruned by the
        # next transaction to read a full page, a voter's among them. Vacuumed first.
        cursor.execute("VACUUM")
    session, item = open_session(cycle)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
        start = cursor.fetchone()[0]
    choices = dict(zip(cycle["council"], ["agree", "disagree", "agree"], strict=True))
    for member, choice in choices.items():
        services.vote_cast(actor=member, item=item, choice=choice)
    receipt, box = BallotReceipt._meta.db_table, SealedBallot._meta.db_table
    with connection.cursor() as cursor:
        # every vote committed, so its records are flushed (pg_walinspect reads no further)
        cursor.execute("SELECT pg_current_wal_flush_lsn()::text")
        end = cursor.fetchone()[0]
        cursor.execute(f"SELECT member_id, xmin::text::bigint FROM {receipt}")
        voter_xid = dict(cursor.fetchall())
        cursor.execute(f"SELECT xmin::text::bigint, sealed FROM {box}")
        sealed_by = dict(cursor.fetchall())
        xids = set(voter_xid.values())
        assert len(xids) == 3
        # no tally (nor anything else) moved in a voter's transaction: a receipt and a
        # sealed ballot, in the row versions on disk and in the WAL
        assert _versions_by(cursor, xids) == {receipt, box}
        written = _written_in_wal(cursor, start, end, xids)
        for xid, records in written.items():
            tables = {table for table, *_ in records}
            assert tables == {receipt, box}, (xid, records)
            assert all(kind in DATA_RECORDS or manager != "Heap" for _, manager, kind, _ in records)

        # the rows a member who disagreed (hd1) and one who agreed (hd2) wrote: the same
        # tables, the same records, the same sizes (a new page or an index split, which
        # depend on what the tables held before, aside)
        def rows(xid):
            return sorted(
                (table, kind.removesuffix("+INIT"), length)
                for table, manager, kind, length in written[xid]
                if manager == "Heap"
            )

        hd1, hd2 = (voter_xid[m.pk] for m in cycle["council"][1:])
        assert rows(hd1) == rows(hd2) and len(rows(hd1)) == 2
        # the receipt and the sealed ballot are paired (one transaction): the seal is what
        # keeps the choice, all different, all the same length
        assert set(sealed_by) == xids
        assert len(set(sealed_by.values())) == 3
        assert {len(s) for s in sealed_by.values()} == {ballot_box.SEALED_LENGTH}

    services.session_close(actor=cycle["office"], session=session)
    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain) == (2, 1, 0)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT xmin::text::bigint FROM {AgendaItem._meta.db_table}")
        (close_xid,) = {x for (x,) in cursor.fetchall()}
        assert close_xid not in xids
        cursor.execute(f"SELECT count(*) FROM {box}")
        assert cursor.fetchone()[0] == 0
        # the dead versions of the box: deleted by the close, nothing else touched them
        cursor.execute(
            f"SELECT t_xmin::text::bigint, t_xmax::text::bigint"
            f" FROM heap_page_items(get_raw_page('{box}', 0))"
            " WHERE t_xmin::text::bigint = ANY(%s)",
            [list(xids)],
        )
        assert sorted(cursor.fetchall()) == sorted((x, close_xid) for x in xids)
        assert _versions_by(cursor, xids) == {receipt, box}


@pytest.mark.skipif(not POSTGRES, reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_vote_waits_for_a_close_in_progress_and_is_refused(reference_data, cycle):
    """The close holds the session's row while it counts; a vote arriving then waits, and
    finds the session closed: no receipt, no ballot left behind uncounted."""
    from django.db import connections

    session, item = open_session(cycle)
    services.vote_cast(actor=cycle["council"][0], item=item, choice="agree")
    started, outcome = threading.Event(), []

    def late_vote():
        try:
            started.set()
            services.vote_cast(actor=cycle["council"][1], item=item, choice="disagree")
            outcome.append("counted")
        except ValidationError as exc:
            outcome.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    with transaction.atomic():
        # the other members have not voted: the office closes anyway (decision 0057)
        services.session_close(actor=cycle["office"], session=session, unvoted_ok=True)
        voter = threading.Thread(target=late_vote)
        voter.start()
        started.wait(5)
        voter.join(1)
        assert voter.is_alive()  # waiting for the session's row
    voter.join(10)
    assert outcome == ["Phiên họp đã kết thúc."]
    item.refresh_from_db()
    assert (item.agree, item.disagree) == (1, 0)
    assert BallotReceipt.objects.filter(item=item).count() == 1
    assert not SealedBallot.objects.exists()


def test_a_tie_among_those_present_never_passes_and_the_rule_is_on_the_page(client, cycle):
    """Lao động tiên tiến: more than half of those present. One of three absent, the two
    present split 1–1: not passed (it used to count as passed, 50% ≥ 50%)."""
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    session, item = stage["session"], stage["item"]
    services.session_set_attendance(
        actor=stage["office"],
        session=session,
        present_user_ids={m.pk for m in cycle["council"][:2]},
    )
    services.vote_cast(actor=cycle["council"][0], item=item, choice="agree")
    services.vote_cast(actor=cycle["council"][1], item=item, choice="disagree")
    client.force_login(stage["office"])
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert (
        "Biểu quyết công khai; thông qua khi phiếu đồng ý trên 50% số thành viên có mặt; "
        "hòa phiếu không thông qua." in page
    )
    services.session_close(actor=stage["office"], session=session)
    item.refresh_from_db()
    assert item.agree == 1 and item.disagree == 1 and item.passed is False
    assert Nomination.objects.get(pk=item.nomination_id).status == "failed"
