"""URL roots: the public portal at /, the staff workspace at /quan-ly/, the admin at /admin/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .password import PasswordChangeView

admin.site.site_header = "thidua — Quản trị"
admin.site.site_title = "thidua"
admin.site.index_title = "Quản trị dữ liệu thi đua, khen thưởng"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(template_name="registration/login.html"),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", PasswordChangeView.as_view(), name="password_change"),
    path("quan-ly/viec-nen/", include("units.urls_staff")),
    path("quan-ly/nhap-excel/", include("units.sheets.urls")),
    path("quan-ly/khen-thuong/", include("awards.urls_staff")),
    path("quan-ly/theo-doi/", include("campaigns.results.urls")),
    path("quan-ly/", include("campaigns.urls_staff")),
    path("", include("awards.urls_public")),
    path("", include("campaigns.urls_public")),
]

handler500 = "config.views.server_error"
