/**
 * What every service's domain shares: refusals without HTTP ({@link DomainException}) and
 * the wire form of enums ({@link WireValue}).
 */
@NullMarked
package dev.ticketing.common.domain;

import org.jspecify.annotations.NullMarked;
