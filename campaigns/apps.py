from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Phong trào thi đua"

    def ready(self) -> None:
        from .results import services

        # a merge carries registrations and reports on (decision 0067)
        services.connect_reform()
