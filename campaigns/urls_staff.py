from django.urls import path

from . import views_staff as v

app_name = "staff"

urlpatterns = [
    path("", v.dashboard, name="dashboard"),
    path("phong-trao/them/", v.campaign_create, name="campaign_create"),
    path("nhap-van-ban/", v.import_start, name="import_start"),
    path("nhap-van-ban/<int:pk>/", v.import_review, name="import_review"),
    path("nhap-van-ban/<int:pk>/bo/", v.import_discard, name="import_discard"),
    path("phong-trao/<int:pk>/", v.campaign_detail, name="campaign_detail"),
    path("phong-trao/<int:pk>/sua/", v.campaign_edit, name="campaign_edit"),
    path("phong-trao/<int:pk>/phat-dong/", v.campaign_publish, name="campaign_publish"),
    path("phong-trao/<int:pk>/ket-thuc/", v.campaign_close, name="campaign_close"),
    path("phong-trao/<int:pk>/tong-ket/", v.campaign_summarise, name="campaign_summarise"),
    path("phong-trao/<int:pk>/thu-hoi/", v.campaign_withdraw, name="campaign_withdraw"),
    path("phong-trao/<int:pk>/sao-chep/", v.campaign_copy, name="campaign_copy"),
    path("phong-trao/<int:pk>/tep/", v.attachment_upload, name="attachment_upload"),
    path("phong-trao/<int:pk>/van-ban.pdf", v.campaign_pdf_view, name="campaign_pdf"),
    path("phong-trao/<int:pk>/phien-ban/<int:number>/", v.revision_detail, name="revision_detail"),
    path(
        "phong-trao/<int:pk>/phien-ban/<int:number>/van-ban.pdf",
        v.revision_pdf,
        name="revision_pdf",
    ),
    path("tep/<int:pk>/", v.attachment_download, name="attachment_download"),
    path("tep/<int:pk>/cong-khai/", v.attachment_toggle_public, name="attachment_toggle_public"),
    path("tep/<int:pk>/go/", v.attachment_archive, name="attachment_archive"),
]
