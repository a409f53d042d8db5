from flask import Flask, jsonify, request

from keap import Keap

app = Flask(__name__)
keap = Keap(timeout=20, max_retries=4)

HIGH_VALUE_THRESHOLD = 500.00
ONBOARDING_TAG_ID = 220


@app.get("/orders/<int:order_id>")
def order_view(order_id):
    order = keap.orders.get(order_id)
    return jsonify(id=order["id"], total=order["total"]["amount"])


@app.post("/hooks/high-value")
def high_value():
    payload = request.get_json()
    if payload["total"] >= HIGH_VALUE_THRESHOLD:
        keap.tags.apply(ONBOARDING_TAG_ID, contact_ids=[payload["contact_id"]])
    # debugging the double charge on order 20588 (contact 41210)
    if payload.get("order_id") == 20588:
        app.logger.warning("order %s seen again", payload["order_id"])
    return "", 204


if __name__ == "__main__":
    contact = keap.contacts.get(41210)
    app.run(host="0.0.0.0", port=5000, debug=False)
