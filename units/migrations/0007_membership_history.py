"""Staff roles keep a history: who gave or took each role, when, and why.

Roles that exist already get one history row each, dated when this migration runs
and saying so; their `created_at` still tells when they were given.
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def record_existing_roles(apps, schema_editor):
    Membership = apps.get_model("units", "Membership")
    HistoricalMembership = apps.get_model("units", "HistoricalMembership")
    fields = [f.attname for f in Membership._meta.concrete_fields]
    now = django.utils.timezone.now()
    HistoricalMembership.objects.bulk_create(
        HistoricalMembership(
            **{field: getattr(membership, field) for field in fields},
            history_date=now,
            history_type="+",
            history_change_reason="Vai trò có từ trước khi ghi lịch sử.",
        )
        for membership in Membership.objects.iterator()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('units', '0006_outbox_issued_documents_file_jobs'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalMembership',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='tạo lúc')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='cập nhật lúc')),
                ('archived', models.BooleanField(db_index=True, default=False, verbose_name='đã lưu trữ')),
                ('archived_on', models.DateTimeField(blank=True, null=True, verbose_name='lưu trữ lúc')),
                ('archived_reason', models.TextField(blank=True, verbose_name='lý do lưu trữ')),
                ('role', models.CharField(choices=[('unit_staff', 'Cán bộ đơn vị'), ('office_staff', 'Cơ quan thường trực (Phòng/Sở Nội vụ)'), ('council_member', 'Thành viên Hội đồng TĐKT'), ('leader', 'Lãnh đạo')], max_length=20, verbose_name='vai trò')),
                ('history_change_reason', models.TextField(null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('archived_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người lưu trữ')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='units.unit', verbose_name='đơn vị')),
                ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='tài khoản')),
            ],
            options={
                'verbose_name': 'lịch sử vai trò',
                'verbose_name_plural': 'lịch sử vai trò',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(record_existing_roles, migrations.RunPython.noop),
    ]
