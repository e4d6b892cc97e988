package org.diasporadesk.identity;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the demo issuer knows, with the claims their tokens carry: the same claim names the services read
 * ({@code roles}, {@code municipality}, {@code region}). Machine clients (telephony, gateways, tests) are keyed by
 * client id and get tokens with client credentials; people are keyed by user name and sign in with a password
 * through the authorization code flow of a screen.
 *
 * @param webOrigins the screens' origins, which exchange a sign-in's code for tokens from the browser
 */
@ConfigurationProperties("ddesk.identity")
public record DemoUsers(Map<String, DemoUser> users, Map<String, DemoPerson> people, List<String> webOrigins) {

    public DemoUsers {
        users = users == null ? Map.of() : Map.copyOf(users);
        people = people == null ? Map.of() : Map.copyOf(people);
        webOrigins = webOrigins == null ? List.of() : List.copyOf(webOrigins);
    }

    public record DemoUser(List<String> roles, String municipality, String region) {

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** A named member of staff: a demo password, and the role and area of their office. */
    public record DemoPerson(String name, String password, List<String> roles, String municipality, String region) {

        public DemoPerson {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        DemoUser claims() {
            return new DemoUser(roles, municipality, region);
        }
    }
}
