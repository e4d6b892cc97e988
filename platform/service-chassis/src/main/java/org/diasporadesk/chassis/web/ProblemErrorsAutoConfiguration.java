package org.diasporadesk.chassis.web;

import io.micrometer.tracing.Tracer;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Errors outside the controllers as problem documents: the error page (ahead of Spring Boot's, which steps
 * back when an error controller exists) and Tomcat's own refusals, which happen before any servlet.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
public class ProblemErrorsAutoConfiguration {

    @Bean
    ProblemErrorController problemErrorController(ObjectProvider<Tracer> tracer) {
        return new ProblemErrorController(tracer);
    }

    @Bean
    TomcatContextCustomizer problemReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }
}
