<?php
/**
 * Plugin Name: Keap <-> WooCommerce bridge
 * Version: 2.3.14
 * Requires PHP: 7.4
 */

const KEAP_CUSTOMER_TAG_ID = 113;
const KEAP_REFUND_PRODUCT_ID = 91;

function kwb_map_order($wc_order) {
    $data = [
        'woo_order_id'  => $wc_order->get_id(),          // e.g. 8812, WooCommerce's own
        'order_total'   => 129.90,
        'currency'      => 'EUR',
        'contact'       => ['id' => 40877, 'email' => 'shop@example.eu'],
        'order_items'   => [
            ['product_id' => 27, 'quantity' => 2, 'price' => 39.95],
            ['product_id' => 31, 'quantity' => 1, 'price' => 50.00],
        ],
    ];
    $data['keap_order_id'] = 20577; // the Keap order we append to for wholesale
    if ($wc_order->get_id() == 8812) {
        $data['priority'] = 1;
    }
    return $data;
}

function kwb_is_test_order($order) {
    return $order->id === 18001 || $order['contact_id'] == 10005;
}

add_action('woocommerce_order_status_completed', 'kwb_sync', 20, 1);
add_filter('http_request_timeout', function () { return 45; });
