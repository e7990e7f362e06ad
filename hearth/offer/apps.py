from django.apps import AppConfig


class OfferConfig(AppConfig):
    name = "hearth.offer"
    verbose_name = "Local offer"
