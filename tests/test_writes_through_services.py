"""Every write of the domain's records goes through a service.

Views, forms, selectors, exports, the import code and the admin call services
(units/services.py, campaigns/services.py, campaigns/results/services.py,
awards/services.py); they never save, create, update or delete records themselves.
Fixture code (the demo loaders) and the infrastructure modules (issued documents,
file jobs, the mail outbox) say in their docstring that they write directly.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Modules that must not write.
THIN = [
    "awards/admin.py",
    "awards/dashboard.py",
    "awards/eligibility.py",
    "awards/forms.py",
    "awards/pdf.py",
    "awards/selectors.py",
    "awards/statistics.py",
    "awards/views_public.py",
    "awards/views_staff.py",
    "awards/views_money.py",
    "awards/money_forms.py",
    "awards/money_admin.py",
    "awards/official_stats.py",
    "awards/workflow.py",
    "campaigns/results/exports.py",
    "campaigns/results/forms.py",
    "campaigns/results/selectors.py",
    "campaigns/results/views.py",
    "campaigns/admin.py",
    "campaigns/forms_public.py",
    "campaigns/forms_staff.py",
    "campaigns/importer.py",
    "campaigns/importing.py",
    "campaigns/pdf.py",
    "campaigns/selectors.py",
    "campaigns/views_public.py",
    "campaigns/views_staff.py",
    "units/access.py",
    "units/admin.py",
    "units/admin_tools.py",
    "units/paging.py",
    "units/text.py",
    "units/views_staff.py",
]
WRITES = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create"}
WRITES |= {"update_or_create", "save_formsets"}
FIXTURES = ["campaigns/demo.py", "campaigns/demo_data.py", "units/demo.py"]
INFRASTRUCTURE = ["units/documents.py", "units/jobs.py", "units/mail.py"]


def writes_in(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name, receiver = node.func.attr, ast.unparse(node.func.value)
        # `.update()` of a queryset writes; of a dict (widget attrs) it does not.
        if name in WRITES or (
            name == "update" and ("objects" in receiver or "filter(" in receiver)
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {receiver}.{name}()")
    return found


def test_views_forms_import_code_and_admin_write_only_through_services():
    offenders = [hit for module in THIN for hit in writes_in(ROOT / module)]
    assert offenders == []


def test_modules_that_write_directly_say_why():
    for module in FIXTURES:
        doc = ast.get_docstring(ast.parse((ROOT / module).read_text(encoding="utf-8")))
        assert "Fixture code: writes directly." in doc, module
    for module in INFRASTRUCTURE:
        doc = ast.get_docstring(ast.parse((ROOT / module).read_text(encoding="utf-8")))
        assert "Infrastructure module" in doc, module
