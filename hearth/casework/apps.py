from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "hearth.casework"
    label = "casework"

    def ready(self) -> None:
        from hearth.casework import signals

        signals.connect()
