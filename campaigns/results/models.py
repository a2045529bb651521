"""The tables of results tracking. They stay where their migrations created them
(campaigns.models, units.models); this module is the package's one import point."""

from units.models import Bloc

from ..models import (
    BlocScore,
    Criterion,
    Registration,
    RegistrationTarget,
    ReminderLog,
    ReportFile,
    ReportPeriod,
    ReportValue,
    ResultReport,
)

__all__ = [
    "Bloc",
    "BlocScore",
    "Criterion",
    "Registration",
    "RegistrationTarget",
    "ReminderLog",
    "ReportFile",
    "ReportPeriod",
    "ReportValue",
    "ResultReport",
]
