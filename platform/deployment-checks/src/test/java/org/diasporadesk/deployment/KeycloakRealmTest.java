package org.diasporadesk.deployment;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.diasporadesk.chassis.security.ActorClaims;
import org.diasporadesk.chassis.security.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose's Keycloak must give the same demo users the same roles and areas as the local stack. */
class KeycloakRealmTest {

    private final JsonNode realm = Repository.JSON.readTree(
            Repository.ROOT.resolve("deploy/keycloak/diaspora-desk-realm.json").toFile());

    @Test
    void realmRolesAreExactlyTheRolesTheServicesKnow() {
        Set<String> realmRoles = new TreeSet<>();
        realm.at("/roles/realm").forEach(role -> realmRoles.add(role.get("name").asString()));

        assertThat(realmRoles).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Enum::name).toList());
    }

    @Test
    void demoUsersHaveTheSameRolesAndAreasAsInTheLocalIdentityServer() {
        JsonNode identity = Repository.yaml("platform/identity-server/src/main/resources/application.yml")
            .at("/ddesk/identity");
        Map<String, String> expected = new TreeMap<>();
        identity.get("users").properties().forEach(user -> expected.put("client " + user.getKey(),
                describe(user.getValue())));
        // People's names are map keys in brackets there, because they hold a dot.
        identity.get("people").properties().forEach(person -> expected.put("person "
                + person.getKey().replaceAll("^\\[|]$", ""), describe(person.getValue())));

        Map<String, String> actual = new TreeMap<>();
        for (JsonNode user : realm.get("users")) {
            String who = user.has("serviceAccountClientId") ? "client " + user.get("serviceAccountClientId").asString()
                    : "person " + user.get("username").asString();
            actual.put(who, user.at("/realmRoles/0").asString() + " municipality="
                    + user.at("/attributes/municipality/0").asString("") + " region="
                    + user.at("/attributes/region/0").asString(""));
        }

        assertThat(actual).isEqualTo(expected);
        realm.get("clients").forEach(client -> assertThat(client.path("secret").asString(""))
            .isEqualTo(client.path("publicClient").asBoolean() ? "" : "demo-" + client.get("clientId").asString()));
    }

    @Test
    void peopleSignInOnTheScreensWithTheirDemoPasswordThroughAPublicClientWithPkce() {
        JsonNode screens = Repository.yaml("platform/identity-server/src/main/resources/application.yml")
            .at("/spring/security/oauth2/authorizationserver/client/desk-web");
        JsonNode client = null;
        for (JsonNode candidate : realm.get("clients")) {
            if (candidate.get("clientId").asString().equals("desk-web")) {
                client = candidate;
            }
        }

        assertThat(client).as("the screens' client in the realm").isNotNull();
        assertThat(client.get("publicClient").asBoolean()).isTrue();
        assertThat(client.at("/attributes/pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(screens.get("require-proof-key").asBoolean()).isTrue();
        assertThat(screens.at("/registration/client-authentication-methods").asString()).isEqualTo("none");
        for (JsonNode user : realm.get("users")) {
            if (!user.has("serviceAccountClientId")) {
                assertThat(user.at("/credentials/0/value").asString()).as(user.get("username").asString())
                    .isEqualTo("demo");
            }
        }
    }

    @Test
    void tokensCarryTheClaimsTheServicesRead() {
        Set<String> claims = new TreeSet<>();
        realm.at("/clientScopes/0/protocolMappers").forEach(mapper -> {
            JsonNode claim = mapper.at("/config/claim.name");
            claims.add(claim.isMissingNode() ? mapper.get("name").asString() : claim.asString());
        });

        assertThat(claims).contains("sub", ActorClaims.ROLES, ActorClaims.MUNICIPALITY, ActorClaims.REGION);
        realm.get("clients").forEach(client -> assertThat(client.get("defaultClientScopes").toString())
            .contains("diaspora-desk-claims"));
    }

    private static String describe(JsonNode user) {
        return user.get("roles").asString() + " municipality=" + user.path("municipality").asString("") + " region="
                + user.path("region").asString("");
    }
}
