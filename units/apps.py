from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "Đơn vị và cán bộ"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from config import LIGHT_START

        from . import checks  # noqa: F401  (system checks)
        from .models import account_saved

        # an account's search row follows its login, name and email (decision 0086)
        post_save.connect(account_saved, sender=get_user_model(), dispatch_uid="account_search")

        if not LIGHT_START:  # manage.py parse_document imports nothing of Excel
            from .sheets import units_kinds  # noqa: F401  (the Excel import's kinds)
