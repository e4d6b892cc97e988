package org.diasporadesk.identity;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The claims each demo client's tokens carry, keyed by client id: the same claim names the services read
 * ({@code roles}, {@code municipality}, {@code region}).
 */
@ConfigurationProperties("ddesk.identity")
public record DemoUsers(Map<String, DemoUser> users) {

    public DemoUsers {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record DemoUser(List<String> roles, String municipality, String region) {

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
