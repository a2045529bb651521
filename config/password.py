"""Đổi mật khẩu: every login changes its own password (the first one is given by the
administrator, or shared by the demo's logins), without the admin."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's (login required, the old password asked, the validators applied, the
    session kept), back to the dashboard with a message."""

    template_name = "registration/password_change.html"
    success_url = reverse_lazy("staff:dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Đã đổi mật khẩu.")
        return response
