package dev.ticketing.tickets.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.common.keys.Ed25519KeySet;
import dev.ticketing.common.keys.KeySource;
import dev.ticketing.tickets.pass.PassCodes;
import dev.ticketing.tickets.ticket.CountCap;
import dev.ticketing.tickets.ticket.PriceCap;

/**
 * The price cap, the count cap of listing searches, and the pass codes signed with the
 * pass key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketsProperties.class)
class TicketsConfiguration {

	@Bean
	PriceCap priceCap(TicketsProperties properties) {
		return new PriceCap(properties.priceCapPercent());
	}

	@Bean
	CountCap countCap(TicketsProperties properties) {
		return new CountCap(properties.countCap());
	}

	@Bean
	PassCodes passCodes(TicketsProperties properties) {
		TicketsProperties.PassKey key = properties.passKey();
		return new PassCodes(Ed25519KeySet.load(
				new KeySource(key.pem(), key.file(), key.generateFile(), key.previousPublicKeys()),
				"No pass key configured: set ticketing.tickets.pass-key.pem (TICKETING_TICKETS_PASS_KEY_PEM) to a "
						+ "PKCS#8 Ed25519 PEM, or ticketing.tickets.pass-key.file to a file holding one"));
	}

}
