from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from hearth.accounts.models import User


@admin.register(User)
class HearthUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Hearth", {"fields": ("role", "worker")}),)
    list_display = ("username", "first_name", "last_name", "role", "is_active")
    list_filter = ("role", "is_active")
