# Issue 14 (flow fixes): Vietnamese constraint messages and the fields and data steps of docs/decisions/0015-flow-fixes.md

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0013_imported_document_scans'),
        ('units', '0011_constraint_messages_and_form_submissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterConstraint(
            model_name='blocscore',
            name='bloc_score_unique',
            constraint=models.UniqueConstraint(fields=('campaign', 'bloc', 'unit', 'kind'), name='bloc_score_unique', violation_error_message='Đơn vị đã có điểm loại này trong khối, phong trào này.'),
        ),
        migrations.AlterConstraint(
            model_name='campaign',
            name='campaign_issued_month_valid',
            constraint=models.CheckConstraint(condition=models.Q(('issued_month__isnull', True), models.Q(('issued_month__gte', 1), ('issued_month__lte', 12)), _connector='OR'), name='campaign_issued_month_valid', violation_error_message='Tháng ban hành phải từ 1 đến 12.'),
        ),
        migrations.AlterConstraint(
            model_name='campaign',
            name='campaign_end_after_start',
            constraint=models.CheckConstraint(condition=models.Q(('start_date__isnull', True), ('end_date__isnull', True), ('end_date__gte', models.F('start_date')), _connector='OR'), name='campaign_end_after_start', violation_error_message='Ngày kết thúc không được trước ngày bắt đầu.'),
        ),
        migrations.AlterConstraint(
            model_name='campaignrevision',
            name='revision_number_unique',
            constraint=models.UniqueConstraint(fields=('campaign', 'number'), name='revision_number_unique', violation_error_message='Lần sửa đổi này của phong trào đã có.'),
        ),
        migrations.AlterConstraint(
            model_name='registration',
            name='registration_unique',
            constraint=models.UniqueConstraint(fields=('campaign', 'unit'), name='registration_unique', violation_error_message='Đơn vị đã đăng ký thi đua phong trào này.'),
        ),
        migrations.AlterConstraint(
            model_name='registrationtarget',
            name='target_unique',
            constraint=models.UniqueConstraint(fields=('registration', 'criterion'), name='target_unique', violation_error_message='Tiêu chí này đã có chỉ tiêu đăng ký.'),
        ),
        migrations.AlterConstraint(
            model_name='reminderlog',
            name='reminder_once',
            constraint=models.UniqueConstraint(fields=('unit', 'campaign', 'subject', 'kind'), name='reminder_once', violation_error_message='Lời nhắc này đã được gửi.'),
        ),
        migrations.AlterConstraint(
            model_name='reportvalue',
            name='value_unique',
            constraint=models.UniqueConstraint(fields=('report', 'criterion'), name='value_unique', violation_error_message='Tiêu chí này đã có kết quả trong báo cáo.'),
        ),
        migrations.AlterConstraint(
            model_name='resultreport',
            name='report_unique',
            constraint=models.UniqueConstraint(fields=('period', 'unit'), name='report_unique', violation_error_message='Đơn vị đã có báo cáo cho kỳ báo cáo này.'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='archived',
            field=models.BooleanField(db_index=True, default=False, verbose_name='đã lưu trữ'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='archived_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người lưu trữ'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='archived_on',
            field=models.DateTimeField(blank=True, null=True, verbose_name='lưu trữ lúc'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='archived_reason',
            field=models.TextField(blank=True, verbose_name='lý do lưu trữ'),
        ),
        migrations.AddField(
            model_name='historicalcriterion',
            name='archived',
            field=models.BooleanField(db_index=True, default=False, verbose_name='đã lưu trữ'),
        ),
        migrations.AddField(
            model_name='historicalcriterion',
            name='archived_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người lưu trữ'),
        ),
        migrations.AddField(
            model_name='historicalcriterion',
            name='archived_on',
            field=models.DateTimeField(blank=True, null=True, verbose_name='lưu trữ lúc'),
        ),
        migrations.AddField(
            model_name='historicalcriterion',
            name='archived_reason',
            field=models.TextField(blank=True, verbose_name='lý do lưu trữ'),
        ),
        migrations.AddField(
            model_name='historicalreportperiod',
            name='archived',
            field=models.BooleanField(db_index=True, default=False, verbose_name='đã lưu trữ'),
        ),
        migrations.AddField(
            model_name='historicalreportperiod',
            name='archived_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người lưu trữ'),
        ),
        migrations.AddField(
            model_name='historicalreportperiod',
            name='archived_on',
            field=models.DateTimeField(blank=True, null=True, verbose_name='lưu trữ lúc'),
        ),
        migrations.AddField(
            model_name='historicalreportperiod',
            name='archived_reason',
            field=models.TextField(blank=True, verbose_name='lý do lưu trữ'),
        ),
        migrations.AddField(
            model_name='reportperiod',
            name='archived',
            field=models.BooleanField(db_index=True, default=False, verbose_name='đã lưu trữ'),
        ),
        migrations.AddField(
            model_name='reportperiod',
            name='archived_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người lưu trữ'),
        ),
        migrations.AddField(
            model_name='reportperiod',
            name='archived_on',
            field=models.DateTimeField(blank=True, null=True, verbose_name='lưu trữ lúc'),
        ),
        migrations.AddField(
            model_name='reportperiod',
            name='archived_reason',
            field=models.TextField(blank=True, verbose_name='lý do lưu trữ'),
        ),
    ]
