from django.urls import path

from . import views_public as v

app_name = "awards_public"

urlpatterns = [
    path("quyet-dinh/", v.decision_list, name="decision_list"),
    path("quyet-dinh/<int:pk>/", v.decision_detail, name="decision_detail"),
    path("quyet-dinh/<int:pk>/quyet-dinh.pdf", v.decision_pdf, name="decision_pdf"),
    path("vinh-danh/", v.honour_roll, name="honour_roll"),
    path("cong-khai/", v.notice_list, name="notice_list"),
    path("cong-khai/<int:pk>/", v.notice_detail, name="notice_detail"),
]
