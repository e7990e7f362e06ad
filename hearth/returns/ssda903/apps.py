from django.apps import AppConfig


class Ssda903Config(AppConfig):
    name = "hearth.returns.ssda903"
    label = "ssda903"
    verbose_name = "SSDA903 return"
