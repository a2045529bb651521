from django.urls import path

from . import views_public

app_name = "public"

urlpatterns = [
    path("", views_public.home, name="home"),
    path("phong-trao/<int:pk>/", views_public.campaign_detail, name="campaign_detail"),
    path(
        "phong-trao/<int:pk>/van-ban.pdf", views_public.campaign_pdf_download, name="campaign_pdf"
    ),
    path("tep/<int:pk>/", views_public.public_attachment_download, name="attachment_download"),
    path("phong-trao.csv", views_public.export_csv, name="export_csv"),
    path("phong-trao.xlsx", views_public.export_xlsx, name="export_xlsx"),
    path("phong-trao.json", views_public.export_json, name="export_json"),
    path("phong-trao.atom", views_public.LatestCampaignsFeed(), name="feed"),
]
