from django.apps import AppConfig


class PacksConfig(AppConfig):
    name = "hearth.packs"
    verbose_name = "Performance packs"
