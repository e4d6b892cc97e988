package org.diasporadesk.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of every topic and event type, generated from the catalogue ({@link Topic},
 * {@link EventType}) and the JSON Schemas in this jar, so that it says what the services really publish: each
 * topic with its writer, data class and retention; each event type with its payload schema and the CloudEvents
 * headers it travels with. Published in {@code docs/api/asyncapi.json}.
 */
public final class AsyncApiDocument {

    /** Our JSON Schemas use only what draft-07 also has, the format AsyncAPI tools read. */
    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-07";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AsyncApiDocument() {
    }

    /** The document as JSON text. */
    public static String render() {
        return JSON.writeValueAsString(build()) + "\n";
    }

    public static ObjectNode build() {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Diaspora Desk events");
        info.put("version", "1.0.0");
        info.put("description", "The Kafka topics the Diaspora Desk services publish. Each event is a CloudEvents 1.0 "
                + "event in Kafka binary mode: its attributes are `ce_` headers, its data the JSON record value. "
                + "Topics are PERSONAL (names, phones: only the services that need them may read them, and records "
                + "leave the log within days) or PII_FREE (facts and statistics, which partners such as a national "
                + "statistics unit may subscribe to). An event type's name carries its version; a breaking change "
                + "gets a new type and topic, an additive one keeps both.");
        info.putObject("contact").put("name", "Diaspora Desk team").put("email", "team@diasporadesk.org");
        info.putObject("license").put("name", "Apache License 2.0")
            .put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        document.put("defaultContentType", CloudEventHeaders.JSON);
        ObjectNode servers = document.putObject("servers");
        servers.putObject("local-stack").put("host", "localhost:9092").put("protocol", "kafka")
            .put("description", "The broker of the local stack (README); a deployment has its own.");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (Topic topic : Topic.values()) {
            String channelId = camel(topic.name());
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic.topicName());
            channel.put("title", topic.topicName());
            channel.put("description", "Written only by " + topic.writer() + ". Data class: " + topic.dataClass()
                    + ". " + retention(topic.policy()));
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("publish" + capitalised(channelId));
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            operation.put("summary", topic.writer() + " publishes to " + topic.topicName() + ".");
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType type : EventType.values()) {
                if (type.topic() != topic) {
                    continue;
                }
                String messageId = camel(type.name());
                messages.set(messageId, message(type));
                channelMessages.putObject(messageId).put("$ref", "#/components/messages/" + messageId);
                operationMessages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + messageId);
            }
        }
        return document;
    }

    private static ObjectNode message(EventType type) {
        ObjectNode schema = schemaOf(type);
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type.typeName());
        message.put("title", schema.path("title").asString(type.typeName()));
        message.put("summary", schema.path("description").asString(""));
        message.put("contentType", CloudEventHeaders.JSON);
        message.set("headers", headers(type));
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", SCHEMA_FORMAT);
        schema.remove("$schema");
        schema.remove("$id");
        payload.set("schema", schema);
        message.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0")
            .putObject("key").put("type", "string")
            .put("description", "The aggregate's id, also the CloudEvents subject: events of one aggregate keep "
                    + "their order within a partition.");
        message.putArray("tags").addObject().put("name", type.topic().dataClass().name());
        return message;
    }

    private static ObjectNode headers(EventType type) {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        headers.putArray("required").add(CloudEventHeaders.ID).add(CloudEventHeaders.SOURCE).add(CloudEventHeaders.TYPE)
            .add(CloudEventHeaders.SPEC_VERSION).add(CloudEventHeaders.TIME).add(CloudEventHeaders.SUBJECT)
            .add(CloudEventHeaders.MUNICIPALITY).add(CloudEventHeaders.SEQUENCE).add(CloudEventHeaders.CONTENT_TYPE);
        ObjectNode properties = headers.putObject("properties");
        header(properties, CloudEventHeaders.ID, "The event's unique id: a consumer that saw it already skips it.");
        header(properties, CloudEventHeaders.SOURCE, "The service that published it, as /diaspora-desk/<service>.")
            .put("const", "/diaspora-desk/" + type.topic().writer());
        header(properties, CloudEventHeaders.TYPE, "The event type, with its version.").put("const", type.typeName());
        header(properties, CloudEventHeaders.SPEC_VERSION, "The CloudEvents version.")
            .put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        header(properties, CloudEventHeaders.TIME, "When it happened (RFC 3339).").put("format", "date-time");
        header(properties, CloudEventHeaders.SUBJECT, "The aggregate's id, also the record key.");
        header(properties, CloudEventHeaders.MUNICIPALITY,
                "Extension: the municipality the fact belongs to, for routing without reading the data.");
        header(properties, CloudEventHeaders.SEQUENCE,
                "Extension: the event's position among its aggregate's events on this topic, from 1 without gaps.")
            .put("pattern", "^[1-9][0-9]*$");
        header(properties, CloudEventHeaders.CONTENT_TYPE, "The data's media type.").put("const", CloudEventHeaders.JSON);
        return headers;
    }

    private static ObjectNode header(ObjectNode properties, String name, String description) {
        return properties.putObject(name).put("type", "string").put("description", description);
    }

    private static ObjectNode schemaOf(EventType type) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no JSON Schema for " + type.typeName() + " at " + type.schemaResource());
            }
            return (ObjectNode) JSON.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String retention(TopicPolicy policy) {
        if (policy.compacted()) {
            return "Compacted: the log keeps each key's latest record.";
        }
        Duration kept = policy.longestKept();
        if (kept != null) {
            return "Records leave the log at most " + kept.toHours() + " hours after they were written.";
        }
        return policy.retention() == null ? "Kept for good." : "Kept " + policy.retention().toDays() + " days.";
    }

    private static String camel(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        return words[0] + Arrays.stream(words).skip(1).map(AsyncApiDocument::capitalised).reduce("", String::concat);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
