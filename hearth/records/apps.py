from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "hearth.records"
    label = "records"
    verbose_name = "Child-level record"
