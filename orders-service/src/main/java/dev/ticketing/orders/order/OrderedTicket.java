package dev.ticketing.orders.order;

import java.util.UUID;

/**
 * The ticket an order is for, as it was when the order was placed.
 *
 * @param id the ticket id
 * @param title its title
 * @param price its price in minor units
 * @param currency its ISO 4217 currency
 */
public record OrderedTicket(UUID id, String title, long price, String currency) {

}
