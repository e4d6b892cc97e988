package org.diasporadesk.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a person leaves in the stack's stores and topics, found the way someone looking for them would: every
 * document of every collection of every database, and every record of every topic, read as text and searched for
 * their names in each script, their e-mail address and the digits of their phone numbers in any spacing.
 *
 * @param words  names and addresses, matched without regard to case
 * @param digits phone numbers' national digits, matched in text stripped of spaces, dots, dashes and brackets
 */
record Footprint(List<String> words, List<String> digits) {

    /** Where one of the person's values was found: a document's or record's place and the value matched. */
    record Trace(String where, String value) {
        @Override
        public String toString() {
            return where + " holds '" + value + "'";
        }
    }

    /** Every document of every database that holds one of the values. */
    List<Trace> inStores(String mongoUri) {
        List<Trace> traces = new ArrayList<>();
        StoreContents.read(mongoUri).forEach((collection, documents) -> documents.forEach(document ->
                traces.addAll(in(collection + " " + document.get("_id"), document.toJson()))));
        return traces;
    }

    /** Every record of the topics chosen, from the start of each log, that holds one of the values. */
    List<Trace> inTopics(String bootstrapServers, Predicate<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "footprint-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Trace> traces = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().values().stream()
                .flatMap(List::stream)
                .filter(partition -> topics.test(partition.topic()))
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("topics not read to their end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder();
                    text.append(record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                    text.append(' ').append(new String(record.value() == null ? new byte[0] : record.value(),
                            StandardCharsets.UTF_8));
                    for (Header header : record.headers()) {
                        text.append(' ').append(header.key()).append('=')
                            .append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    traces.addAll(in(record.topic() + "-" + record.partition() + "@" + record.offset(), text.toString()));
                }
            }
        }
        return traces;
    }

    /** The topics a scan of every topic should leave out: Kafka's own. */
    static boolean isKafkasOwn(String topic) {
        return Set.of("__consumer_offsets", "__transaction_state", "__share_group_state").contains(topic);
    }

    private List<Trace> in(String where, String text) {
        List<Trace> traces = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word.toLowerCase(Locale.ROOT))) {
                traces.add(new Trace(where, word));
            }
        }
        String packed = text.replaceAll("[\\s.()\\-]", "");
        for (String number : digits) {
            if (packed.contains(number)) {
                traces.add(new Trace(where, number));
            }
        }
        return traces;
    }
}
