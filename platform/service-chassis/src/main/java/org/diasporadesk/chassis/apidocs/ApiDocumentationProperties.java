package org.diasporadesk.chassis.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says of itself. {@code serverUrl} is the service's address on the local
 * stack, so that the document is the same wherever it is generated; a deployment serves it under its own.
 */
@ConfigurationProperties("ddesk.api")
public record ApiDocumentationProperties(String title, String version, String description, String serverUrl,
        Contact contact, License license) {

    public record Contact(String name, String email, String url) {
    }

    public record License(String name, String identifier) {
    }
}
