# Django settings for the Keap bridge (Django 4.2.11)
DEBUG = False
ALLOWED_HOSTS = ["bridge.example.com", "10.0.0.12"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PORT": 5432, "CONN_MAX_AGE": 600}}
CELERY_BEAT_SCHEDULE = {"sync-orders": {"task": "bridge.tasks.sync", "schedule": 300.0}}
SESSION_COOKIE_AGE = 1209600
PAGINATE_BY = 50

KEAP = {
    "BASE_URL": "https://api.infusionsoft.com/crm/rest",
    "RATE_PER_MINUTE": 240,
    "CUSTOMER_TAG_ID": 113,
    "LAPSED_TAG_ID": 118,
    "MEMBERSHIP_SUBSCRIPTION_PLAN_ID": 9,
    "MEMBERSHIP_PRODUCT_ID": 64,
    "ADMIN_CONTACT_ID": 1,
}

# Stripe price for the same membership: price_1NqL2e2eZvKYlo2C, amount 29900
STRIPE_MEMBERSHIP_AMOUNT = 29900
QUICKBOOKS_INVOICE_ID = 1045
