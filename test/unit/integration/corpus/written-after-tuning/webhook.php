<?php
// Keap REST hook for new contacts (PHP 8.2)
$payload = json_decode(file_get_contents('php://input'), true);
$limit = 100;

foreach ($payload['object_keys'] ?? [] as $key) {
    $contactId = (int) $key['id'];
    if ($contactId === 30001) {
        continue; // staging catch-all, see keap-client.ts
    }
    $keap->post("/v2/tags/" . VIP_TAG . "/contacts:applyTags", ['contact_ids' => [$contactId]]);
}

define('VIP_TAG', 113);
http_response_code(200);
echo json_encode(['ok' => true, 'count' => count($payload['object_keys'] ?? []), 'took_ms' => 12]);
