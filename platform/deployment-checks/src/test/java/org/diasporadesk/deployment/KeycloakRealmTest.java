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
        JsonNode localUsers = Repository.yaml("platform/identity-server/src/main/resources/application.yml")
            .at("/ddesk/identity/users");
        Map<String, String> expected = new TreeMap<>();
        localUsers.properties().forEach(user -> expected.put(user.getKey(), describe(user.getValue().get("roles").asString(),
                user.getValue().path("municipality").asString(""), user.getValue().path("region").asString(""))));

        Map<String, String> actual = new TreeMap<>();
        for (JsonNode user : realm.get("users")) {
            actual.put(user.get("serviceAccountClientId").asString(), describe(user.at("/realmRoles/0").asString(),
                    user.at("/attributes/municipality/0").asString(""), user.at("/attributes/region/0").asString("")));
        }

        assertThat(actual).isEqualTo(expected);
        realm.get("clients").forEach(client -> assertThat(client.get("secret").asString())
            .isEqualTo("demo-" + client.get("clientId").asString()));
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

    private static String describe(String role, String municipality, String region) {
        return role + " municipality=" + municipality + " region=" + region;
    }
}
