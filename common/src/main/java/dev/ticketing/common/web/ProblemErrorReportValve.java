package dev.ticketing.common.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on errors it raises itself, before any filter or servlet runs (an
 * encoded slash or a NUL in the path, a malformed request line): the problem shape
 * instead of Tomcat's HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.resetBuffer();
			Problems.write(response, Problems.forStatus(status));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the response is on its way: nothing to add.
		}
	}

}
