import pytest

from refunds import refund_amount, should_refund

REFUND_WINDOW_DAYS = 30


@pytest.fixture
def order():
    return {
        "id": 20111,
        "contact": {"id": 50021, "email": "lee@example.org"},
        "total": {"amount": 89.00},
        "order_time": "2026-11-20T09:15:00Z",
        "order_items": [{"id": 7712, "quantity": 1, "product": {"id": 31}}],
    }


def test_full_refund_within_window(order):
    assert refund_amount(order, days_since=12) == 89.00


def test_no_refund_after_window(order):
    assert refund_amount(order, days_since=REFUND_WINDOW_DAYS + 1) == 0


@pytest.mark.parametrize("contact_id,expected", [(50021, True), (50022, False)])
def test_vip_contacts(contact_id, expected):
    assert should_refund(contact_id=contact_id, tag_ids=[113]) is expected


def test_retries():
    for attempt in range(3):
        assert attempt < 5
