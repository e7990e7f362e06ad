from django.apps import AppConfig


class SynthConfig(AppConfig):
    name = "hearth.synth"
    label = "synth"
