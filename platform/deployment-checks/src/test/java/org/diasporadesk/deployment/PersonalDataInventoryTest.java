package org.diasporadesk.deployment;

import java.util.Locale;

import org.diasporadesk.events.Topic;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory of personal data (docs/personal-data.yml) names every topic of the catalogue with its data class,
 * so a new topic is not added without saying what it may carry. Its collections are checked against the running
 * stores by ErasureIT.
 */
class PersonalDataInventoryTest {

    @Test
    void everyCatalogueTopicIsInTheInventoryWithItsDataClass() {
        JsonNode topics = Repository.yaml("docs/personal-data.yml").get("topics");

        for (Topic topic : Topic.values()) {
            assertThat(topics.path(topic.topicName()).path("data").asString()).as(topic.topicName())
                .isEqualTo(topic.dataClass().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        assertThat(topics.size()).as("no topic the catalogue does not have").isEqualTo(Topic.values().length);
    }
}
