"""Admin for reference data only. Child-level records are reached through casework screens,
which enforce need-to-know access and write the audit log; the admin does neither."""

from django.contrib import admin

from hearth.records.models import Council, CouncilPolicy, Provider, Team, Worker


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ("name", "la_code", "region")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "locality")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(Worker)
class WorkerAdmin(admin.ModelAdmin):
    list_display = ("name", "role", "experience_band", "team", "active")
    list_filter = ("role", "experience_band", "team", "active")
    search_fields = ("name", "sw_id")


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "place_provider", "urn", "la_code")
    list_filter = ("kind", "place_provider")
    search_fields = ("name", "urn")


@admin.register(CouncilPolicy)
class CouncilPolicyAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "pa_allocation_age", "contact_frequency_months", "visit_interval_days")
