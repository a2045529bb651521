"""Results tracking, all under /quan-ly/theo-doi/."""

from django.urls import path

from . import views as v

app_name = "tracking"

urlpatterns = [
    path("phong-trao/<int:pk>/", v.campaign_results, name="campaign_results"),
    path("phong-trao/<int:pk>/dang-ky.xlsx", v.registrations_xlsx, name="registrations_xlsx"),
    path("phong-trao/<int:pk>/bao-cao.xlsx", v.reports_xlsx, name="reports_xlsx"),
    path("phong-trao/<int:pk>/tieu-chi/", v.criteria, name="criteria"),
    path(
        "phong-trao/<int:pk>/tieu-chi/<int:item_pk>/sua/",
        v.criterion_edit,
        name="criterion_edit",
    ),
    path("phong-trao/<int:pk>/ky-bao-cao/<int:item_pk>/sua/", v.period_edit, name="period_edit"),
    path("khoi/", v.blocs, name="blocs"),
    path("khoi/<int:bloc_pk>/sua/", v.bloc_edit, name="bloc_edit"),
    path("khoi/<int:bloc_pk>/phong-trao/<int:pk>/cham-diem/", v.scores, name="scores"),
    path("don-vi/", v.unit_campaigns, name="unit_campaigns"),
    path("don-vi/<int:unit_pk>/phong-trao/<int:pk>/dang-ky/", v.register, name="register"),
    path(
        "don-vi/<int:unit_pk>/phong-trao/<int:pk>/dang-ky.pdf",
        v.registration_pdf,
        name="registration_pdf",
    ),
    path("don-vi/<int:unit_pk>/ky/<int:period_pk>/bao-cao/", v.report, name="report"),
    path("tep-bao-cao/<int:file_pk>/", v.report_file_download, name="report_file_download"),
    path("tep-bao-cao/<int:file_pk>/go/", v.report_file_remove, name="report_file_remove"),
]
