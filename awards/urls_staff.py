from django.urls import path

from . import views_money as m
from . import views_staff as v

app_name = "awards"

urlpatterns = [
    path("de-nghi/", v.nomination_list, name="nomination_list"),
    path("de-nghi/them/", v.nomination_create, name="nomination_create"),
    path("de-nghi/tim/", v.nomination_choices, name="nomination_choices"),
    path("de-nghi/gui-nhieu/", v.nomination_submit_many, name="nomination_submit_many"),
    path("de-nghi/<int:pk>/", v.nomination_detail, name="nomination_detail"),
    path("de-nghi/<int:pk>/sua/", v.nomination_edit, name="nomination_edit"),
    path("de-nghi/<int:pk>/gui/", v.nomination_submit, name="nomination_submit"),
    path("de-nghi/<int:pk>/rut/", v.nomination_withdraw, name="nomination_withdraw"),
    path("de-nghi/<int:pk>/ho-so/", v.nomination_file, name="nomination_file"),
    path(
        "de-nghi/<int:pk>/ho-so/<int:file_pk>/",
        v.nomination_file_download,
        name="nomination_file_download",
    ),
    path("de-nghi/<int:pk>/tham-dinh/", v.nomination_appraise, name="nomination_appraise"),
    path("de-nghi/<int:pk>/trinh-cap-tren/", v.nomination_forward, name="nomination_forward"),
    path("tham-dinh/", v.inbox, name="inbox"),
    path("phien-hop/", v.session_list, name="session_list"),
    path("phien-hop/them/", v.session_create, name="session_create"),
    path("phien-hop/tim/", v.session_choices, name="session_choices"),
    path("phien-hop/<int:pk>/", v.session_detail, name="session_detail"),
    path("phien-hop/<int:pk>/diem-danh/", v.session_attendance, name="session_attendance"),
    path("phien-hop/<int:pk>/bo-phieu/<int:item_pk>/", v.vote, name="vote"),
    path("phien-hop/<int:pk>/ket-thuc/", v.session_close, name="session_close"),
    path("phien-hop/<int:pk>/doi-ngay/", v.session_redate, name="session_redate"),
    path("phien-hop/<int:pk>/huy/", v.session_cancel, name="session_cancel"),
    path("phien-hop/<int:pk>/bien-ban.pdf", v.session_minutes, name="session_minutes"),
    path("quyet-dinh/", v.decision_list, name="decision_list"),
    path("quyet-dinh/them/", v.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", v.decision_detail, name="decision_detail"),
    path("quyet-dinh/<int:pk>/ban-hanh/", v.decision_issue, name="decision_issue"),
    path("quyet-dinh/<int:pk>/sua/", v.decision_edit, name="decision_edit"),
    path("quyet-dinh/<int:pk>/rut/", v.decision_withdraw, name="decision_withdraw"),
    path("quyet-dinh/<int:pk>/thu-hoi/<int:grant_pk>/", v.grant_revoke, name="grant_revoke"),
    path("quyet-dinh/<int:pk>/quyet-dinh.pdf", v.decision_pdf, name="decision_pdf"),
    path("quyet-dinh/<int:pk>/giay-khen.pdf", v.certificates_pdf, name="certificates_pdf"),
    path("to-trinh.pdf", v.submission_pdf, name="submission_pdf"),
    path("phong-trao/<int:pk>/", v.campaign_awards, name="campaign_awards"),
    path("theo-doi/<int:pk>/", v.campaign_dashboard_moved),
    path("thong-ke/", v.statistics, name="statistics"),
    path("bieu-thong-ke/", m.statistics_forms, name="statistics_forms"),
    path("quy/", m.fund_list, name="fund_list"),
    path("quy/mo/", m.fund_open, name="fund_open"),
    path("quy/<int:pk>/", m.fund_detail, name="fund_detail"),
    path("quy/<int:pk>/so-quy.pdf", m.fund_pdf, name="fund_pdf"),
]
