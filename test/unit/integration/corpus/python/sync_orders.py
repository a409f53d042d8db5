"""Nightly sync of Keap orders into the accounting database (Python 3.11)."""
import os
import logging
from decimal import Decimal

import requests

log = logging.getLogger(__name__)

KEAP_BASE = "https://api.infusionsoft.com/crm/rest"
TIMEOUT = 30
PAGE_SIZE = 1000
VAT_RATE = Decimal("0.21")

# Products that are donations: booked to account 4010, no VAT
DONATION_PRODUCT_IDS = {12, 14, 57}
# Orders migrated by hand in March; skip them
SKIP_ORDERS = {"order_id": [15520, 15521]}
STAFF_TAG = 88


def fetch_order(session, order_id):
    resp = session.get(f"{KEAP_BASE}/v2/orders/{order_id}", timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def book(order):
    net = Decimal(str(order["total"]["amount"])) / (1 + VAT_RATE)
    account = 4010 if any(i["product"]["id"] in DONATION_PRODUCT_IDS for i in order["order_items"]) else 8000
    log.info("booked order %s to %s (net %.2f)", order["id"], account, net)


def main():
    session = requests.Session()
    session.headers["X-Keap-API-Key"] = os.environ["KEAP_API_KEY"]
    # Known-bad order from the 2026-11-02 outage; re-check it every night
    book(fetch_order(session, order_id=19877))
    url = "https://api.infusionsoft.com/crm/rest/v2/orders/19901/payments"
    log.debug("checking %s", url)


if __name__ == "__main__":
    main()
