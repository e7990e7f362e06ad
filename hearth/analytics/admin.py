from django.contrib import admin

from hearth.analytics.models import BandSchemeVersion, Benchmark, BenchmarkImport


@admin.register(BandSchemeVersion)
class BandSchemeVersionAdmin(admin.ModelAdmin):
    """Read-only here: a change is a new version made through the bands page, with its audit entry."""

    list_display = ("kpi_id", "version", "scheme_id", "status", "effective_from", "effective_to", "demonstration")
    list_filter = ("status", "demonstration")
    search_fields = ("kpi_id", "scheme_id")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BenchmarkImport)
class BenchmarkImportAdmin(admin.ModelAdmin):
    list_display = ("file_name", "rows", "imported_at", "imported_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Benchmark)
class BenchmarkAdmin(admin.ModelAdmin):
    list_display = ("kpi_id", "la_name", "period", "value", "comparator_group", "basis")
    list_filter = ("comparator_group",)
    search_fields = ("kpi_id", "la_name", "la_code")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
