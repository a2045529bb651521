"""The admins of the libraries' models, where their own say something in English that a
translation cannot reach (tests/test_admin_crawl.py)."""

from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.conf import settings as axes_settings
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm as DjangoAdminPasswordChangeForm
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch

from units.admin_tools import ReasonForm, run_action_with_form
from units.models import Membership
from units.text import search_q, search_terms

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AxesAccessAttemptAdmin):
    """django-axes' failed logins: the "status" column had no name ("Status") and read
    "3 Số lần thử còn lại"."""

    @admin.display(description="Trạng thái")
    def status(self, obj: AccessAttempt) -> str:
        left = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        return f"Còn {left} lần thử" if left > 0 else "Bị khóa"

    @admin.display(description="Hết hạn lúc")
    def expiration(self, obj: AccessAttempt):
        return super().expiration(obj)


class AdminPasswordChangeForm(DjangoAdminPasswordChangeForm):
    """Django adds "If disabled, the current password for this user will be lost." to the
    help text in English, after translating the rest (a string joined at import)."""

    usable_password_help_text = (
        "Người dùng có được đăng nhập bằng mật khẩu hay không. Nếu tắt, họ vẫn có thể "
        "đăng nhập bằng cách khác (đăng nhập một lần, LDAP)."
        '<ul id="id_unusable_warning" class="messagelist"><li class="warning">'
        "Nếu tắt, mật khẩu hiện tại của người dùng này sẽ mất.</li></ul>"
    )


# Django names its own permissions in English in the database ("Can add user"); the
# lists of permissions a group or a user is given read them in Vietnamese instead.
DEFAULT_PERMISSIONS = {"add": "Thêm", "change": "Sửa", "delete": "Xóa", "view": "Xem"}


def permission_label(permission: Permission) -> str:
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:
        return str(permission)
    opts = model._meta
    action, _, model_name = permission.codename.partition("_")
    name = permission.name
    if action in DEFAULT_PERMISSIONS and model_name == opts.model_name:
        name = f"{DEFAULT_PERMISSIONS[action]} {opts.verbose_name}"
    return f"{opts.app_config.verbose_name} | {opts.verbose_name} | {name}"


class PermissionLabelsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model is Permission:
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(PermissionLabelsMixin, DjangoGroupAdmin):
    pass


User = get_user_model()
admin.site.unregister(User)


def account_lock(*, actor, user, reason: str) -> None:
    """Khóa tài khoản: the person can no longer log in; the account, its roles and every
    history naming it stay (decision 0072). The admin's history says who locked it, when
    and why."""
    with transaction.atomic():
        type(user).objects.filter(pk=user.pk).update(is_active=False)
        LogEntry.objects.log_actions(
            user_id=actor.pk,
            queryset=[user],
            action_flag=CHANGE,
            change_message=f"Khóa tài khoản: {reason.strip()}",
            single_object=True,
        )


def lock_refusal(*, actor, user) -> str | None:
    """Why `actor` may not lock `user`, or None (decision 0076): nobody locks their own
    account (they would be logged out, perhaps the last one who can open the admin), and
    only a superuser locks a superuser."""
    if user.pk == actor.pk:
        return f"{user.get_username()}: bạn không tự khóa tài khoản của mình."
    if user.is_superuser and not actor.is_superuser:
        return (
            f"{user.get_username()} là quản trị viên cao nhất: chỉ quản trị viên cao nhất "
            "(superuser) mới khóa được tài khoản này."
        )
    return None


def accounts_lock(*, actor, users, reason: str) -> None:
    """Lock several accounts: all of them or none (as the units' merge). One refused and
    none is locked; the error names each refused account and why."""
    refusals = [why for user in users if (why := lock_refusal(actor=actor, user=user))]
    if refusals:
        raise ValidationError(refusals)
    with transaction.atomic():
        for user in users:
            account_lock(actor=actor, user=user, reason=reason)


@admin.action(description="Khóa các tài khoản đã chọn (không đăng nhập được nữa)")
def lock_accounts(modeladmin, request, queryset):
    return run_action_with_form(
        modeladmin,
        request,
        queryset,
        form_class=ReasonForm,
        title="Khóa tài khoản",
        apply_all=lambda users, form: accounts_lock(
            actor=request.user, users=users, reason=form.cleaned_data["reason"]
        ),
        refused="Không khóa tài khoản nào",
    )


@admin.register(User)
class UserAdmin(PermissionLabelsMixin, DjangoUserAdmin):
    """Tài khoản: locked ("Khóa"), never deleted. Deleting one deleted the admin's history
    of what that person changed, and left the other histories without a name."""

    change_password_form = AdminPasswordChangeForm
    list_display = ("username", "full_name", "roles", "email", "is_active", "last_login")
    list_filter = ("is_active", "is_staff", "is_superuser", "memberships__role")
    actions = [lock_accounts]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        living = Membership.objects.filter(archived=False).select_related("unit")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("memberships", queryset=living, to_attr="living_roles"))
        )

    def get_search_results(self, request, queryset, search_term):
        """The login, the name and the email, each word with or without its diacritics
        ("lo van" finds Lò Văn Chung; decision 0074), by `search_q`'s rule, filtered in
        the database on the account's stored folded copy (`units.AccountSearch`,
        decision 0086): no account is read into Python to be folded."""
        if not search_terms(search_term):
            return queryset, False
        return queryset.filter(search_q(search_term, "account_search__search_text")), False

    @admin.display(description="Họ và tên", ordering="first_name")
    def full_name(self, user) -> str:
        return user.get_full_name() or "—"

    @admin.display(description="Vai trò, đơn vị")
    def roles(self, user) -> str:
        return (
            "; ".join(
                f"{m.get_role_display()} — {m.unit.name}" for m in getattr(user, "living_roles", [])
            )
            or "—"
        )
