from django.urls import path

from . import views_staff as v

app_name = "jobs"

urlpatterns = [
    path("<int:pk>/", v.job_detail, name="detail"),
    path("<int:pk>/tai-ve/", v.job_download, name="download"),
]
