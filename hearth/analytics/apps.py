from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "hearth.analytics"
    verbose_name = "Performance"
