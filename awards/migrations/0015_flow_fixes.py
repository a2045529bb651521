# Issue 14 (flow fixes): Vietnamese constraint messages and the fields and data steps of docs/decisions/0015-flow-fixes.md

from awards.reference_data import load_required_files
from django.conf import settings
from django.db import migrations, models


def required_files(apps, schema_editor):
    load_required_files(apps.get_model("awards", "AwardType"))


def keep_70_percent_inclusive(apps, schema_editor):
    """Rows above 50% were "từ X% trở lên" (>=) before; a 50% rule becomes quá bán (>)."""
    AwardType = apps.get_model("awards", "AwardType")
    AwardType.objects.filter(vote_threshold_percent__gt=50).update(vote_threshold_inclusive=True)


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0014_legal_bases_register_numbers_withdrawn_drafts'),
        ('campaigns', '0014_flow_fixes'),
        ('units', '0011_constraint_messages_and_form_submissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterConstraint(
            model_name='agendaitem',
            name='agenda_unique',
            constraint=models.UniqueConstraint(fields=('session', 'nomination'), name='agenda_unique', violation_error_message='Hồ sơ này đã có trong nội dung bình xét của phiên họp.'),
        ),
        migrations.AlterConstraint(
            model_name='awardgrant',
            name='grant_exactly_one_awardee',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('household', ''), ('person__isnull', False), ('unit__isnull', True)), models.Q(('household', ''), ('person__isnull', True), ('unit__isnull', False)), models.Q(('person__isnull', True), ('unit__isnull', True), models.Q(('household', ''), _negated=True)), _connector='OR'), name='grant_exactly_one_awardee', violation_error_message='Chọn đúng một đối tượng được khen: một cá nhân, một tập thể hoặc một hộ gia đình.'),
        ),
        migrations.AlterConstraint(
            model_name='awardtype',
            name='awardtype_reward_multiple_not_negative',
            constraint=models.CheckConstraint(condition=models.Q(('reward_multiple__isnull', True), ('reward_multiple__gte', 0), _connector='OR'), name='awardtype_reward_multiple_not_negative', violation_error_message='Tiền thưởng (lần mức lương cơ sở) không được âm.'),
        ),
        migrations.AlterConstraint(
            model_name='ballotreceipt',
            name='ballot_once',
            constraint=models.UniqueConstraint(fields=('item', 'member'), name='ballot_once', violation_error_message='Thành viên đã bỏ phiếu kín nội dung này.'),
        ),
        migrations.AlterConstraint(
            model_name='decision',
            name='decision_number_unique',
            constraint=models.UniqueConstraint(condition=models.Q(('number__isnull', False)), fields=('issuer', 'year', 'number'), name='decision_number_unique', violation_error_message='Số quyết định này đã được cấp cho một quyết định khác của cơ quan trong năm.'),
        ),
        migrations.AlterConstraint(
            model_name='decisioncounter',
            name='counter_unique',
            constraint=models.UniqueConstraint(fields=('issuer', 'year'), name='counter_unique', violation_error_message='Cơ quan này đã có sổ số quyết định của năm này.'),
        ),
        migrations.AlterConstraint(
            model_name='nomination',
            name='nomination_exactly_one_nominee',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('nominee_household', ''), ('nominee_person__isnull', False), ('nominee_unit__isnull', True)), models.Q(('nominee_household', ''), ('nominee_person__isnull', True), ('nominee_unit__isnull', False)), models.Q(('nominee_person__isnull', True), ('nominee_unit__isnull', True), models.Q(('nominee_household', ''), _negated=True)), _connector='OR'), name='nomination_exactly_one_nominee', violation_error_message='Chọn đúng một đối tượng được đề nghị: một cá nhân, một tập thể hoặc một hộ gia đình.'),
        ),
        migrations.AlterConstraint(
            model_name='nomination',
            name='nomination_campaign_or_year',
            constraint=models.CheckConstraint(condition=models.Q(('campaign__isnull', False), ('year__isnull', False), _connector='OR'), name='nomination_campaign_or_year', violation_error_message='Chọn phong trào thi đua hoặc ghi năm xét khen thưởng.'),
        ),
        migrations.AlterConstraint(
            model_name='sealedballot',
            name='sealed_ballot_once',
            constraint=models.UniqueConstraint(fields=('sealed',), name='sealed_ballot_once', violation_error_message='Phiếu kín này đã có trong hòm phiếu.'),
        ),
        migrations.AlterConstraint(
            model_name='sessionmember',
            name='seat_unique',
            constraint=models.UniqueConstraint(fields=('session', 'user'), name='seat_unique', violation_error_message='Thành viên này đã có trong phiên họp.'),
        ),
        migrations.AlterConstraint(
            model_name='vote',
            name='vote_once',
            constraint=models.UniqueConstraint(fields=('item', 'member'), name='vote_once', violation_error_message='Thành viên đã biểu quyết nội dung này.'),
        ),
        migrations.AddField(
            model_name='awardtype',
            name='required_files',
            field=models.CharField(blank=True, default='achievement_report', help_text='Loại tệp, cách nhau bằng dấu phẩy: achievement_report (Báo cáo thành tích), initiative (Minh chứng sáng kiến), other (Tài liệu khác). Để trống: không bắt buộc.', max_length=100, verbose_name='hồ sơ phải đính kèm trước khi gửi'),
        ),
        migrations.RunPython(required_files, migrations.RunPython.noop),
        migrations.AddField(
            model_name='awardtype',
            name='vote_threshold_inclusive',
            field=models.BooleanField(default=False, help_text='Bật: thông qua khi phiếu đồng ý “từ X% trở lên”; tắt: phải “trên X%” (quá bán khi X là 50). Dù thế nào, hòa phiếu (đồng ý không nhiều hơn không đồng ý) không bao giờ được thông qua.', verbose_name='đạt khi vừa bằng tỷ lệ'),
        ),
        migrations.RunPython(keep_70_percent_inclusive, migrations.RunPython.noop),
    ]
