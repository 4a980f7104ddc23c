/**
 * What every service's HTTP API shares: one problem shape and the statuses of refusal
 * codes, strict JSON, paging, ids in paths, body limits, request ids.
 */
@NullMarked
package dev.ticketing.common.web;

import org.jspecify.annotations.NullMarked;
