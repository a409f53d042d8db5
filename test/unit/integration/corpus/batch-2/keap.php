<?php

// config/keap.php (Laravel 10.48.4)
return [
    'base_url' => env('KEAP_API_URL', 'https://api.infusionsoft.com/crm/rest'),
    'timeout' => 30,
    'per_minute' => 240,
    'tags' => [
        'customer' => 113,
        'lapsed' => 118,
    ],
    'membership_product_id' => env('KEAP_MEMBERSHIP_PRODUCT_ID', 64),
    'cache_ttl' => 3600,
    'order_prefix' => 'WEB-',
    'sort_order' => 10,
];
