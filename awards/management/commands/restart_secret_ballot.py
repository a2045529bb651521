"""python manage.py restart_secret_ballot ITEM --reason "...": the members vote again on
one secret item of an open session, when its ballot box cannot be counted
(docs/decisions/0010-secret-ballot.md)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from awards import services
from awards.models import AgendaItem


class Command(BaseCommand):
    help = (
        "Huỷ, không kiểm, các phiếu kín đã bỏ cho một hồ sơ của phiên họp đang mở "
        "(hòm phiếu không kiểm được) để các thành viên bỏ phiếu lại."
    )

    def add_arguments(self, parser):
        parser.add_argument("item", type=int, help="Mã nội dung bình xét (AgendaItem).")
        parser.add_argument("--reason", required=True, help="Lý do, ghi vào lịch sử hồ sơ.")

    def handle(self, *args, item: int, reason: str, **options):
        found = AgendaItem.objects.filter(pk=item).select_related("session", "nomination").first()
        if found is None:
            raise CommandError(f"Không có nội dung bình xét mã {item}.")
        try:
            count = services.secret_ballot_restart(item=found, reason=reason)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            f"{found.nomination} — {found.session}: đã huỷ {count} phiếu, "
            "các thành viên có mặt bỏ phiếu lại."
        )
