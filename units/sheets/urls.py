from django.urls import path

from . import views as v

app_name = "sheets"

urlpatterns = [
    path("", v.index, name="index"),
    path("mau/<slug:kind>.xlsx", v.template, name="template"),
    path("xuat/<slug:kind>.xlsx", v.export, name="export"),
    path("<int:pk>/", v.record, name="record"),
    path("<int:pk>/xac-nhan/", v.confirm, name="confirm"),
    path("<int:pk>/huy/", v.cancel, name="cancel"),
    path("<int:pk>/hoan-tac/", v.revert, name="revert"),
    path("<int:pk>/loi.xlsx", v.problems, name="problems"),
    path("<int:pk>/tep-goc/", v.source, name="source"),
]
