package org.diasporadesk.chassis.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (a NUL or other illegal character in the
 * path), written as a problem document instead of Tomcat's HTML page, so that clients parse every error alike.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status == 400 ? ProblemErrorController.UNREADABLE_REQUEST
                : "The server could not handle the request.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The client is gone or the response was taken over meanwhile; nothing more can be sent.
        }
    }
}
