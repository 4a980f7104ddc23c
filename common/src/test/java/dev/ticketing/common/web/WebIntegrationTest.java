package dev.ticketing.common.web;

import dev.ticketing.common.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link TestApp} on a random port, driven over HTTP. One application context serves
 * every subclass.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class WebIntegrationTest {

	@LocalServerPort
	protected int port;

	protected TestHttp http;

	@BeforeEach
	void connect() {
		this.http = new TestHttp(this.port);
	}

}
