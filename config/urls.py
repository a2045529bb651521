"""URL roots: the public portal at /, the Django admin at /admin/."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "thidua — Quản trị"
admin.site.site_title = "thidua"
admin.site.index_title = "Quản trị dữ liệu thi đua, khen thưởng"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("campaigns.urls_public")),
]
