package org.diasporadesk.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventHeadersTest {

    private final EventEnvelope envelope = new EventEnvelope("e-1", "/diaspora-desk/registry-service",
            "org.diasporadesk.registry.household-registered.v1", Instant.parse("2026-11-20T10:15:30Z"), "h-1",
            "GE-IM-KUTAISI", 3, "{}".getBytes());

    @Test
    void writesTheBinaryModeHeaderNamesConsumersRelyOn() {
        Map<String, byte[]> headers = CloudEventHeaders.write(envelope);

        assertThat(headers.keySet()).containsExactly("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time",
                "ce_subject", "ce_municipality", "ce_sequence", "content-type");
        assertThat(new String(headers.get("ce_specversion"), StandardCharsets.UTF_8)).isEqualTo("1.0");
        assertThat(new String(headers.get("ce_sequence"), StandardCharsets.UTF_8)).isEqualTo("3");
    }

    @Test
    void readsBackWhatItWrote() {
        EventEnvelope read = CloudEventHeaders.read(CloudEventHeaders.write(envelope), envelope.data());

        assertThat(read).usingRecursiveComparison().isEqualTo(envelope);
    }

    @Test
    void rejectsARecordWithoutSequenceAsMalformed() {
        Map<String, byte[]> headers = new HashMap<>(CloudEventHeaders.write(envelope));
        headers.remove("ce_sequence");

        assertThatThrownBy(() -> CloudEventHeaders.read(headers, envelope.data()))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("ce_sequence");
    }
}
