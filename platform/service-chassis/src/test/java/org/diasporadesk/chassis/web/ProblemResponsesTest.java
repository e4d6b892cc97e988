package org.diasporadesk.chassis.web;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

    @RestController
    static class Failing {

        @PostMapping("/unforeseen")
        void unforeseen() {
            throw new IllegalStateException("a bug nobody foresaw");
        }

        @PostMapping("/refused")
        void refused() {
            throw new AccessDeniedException("X-Callback-Token does not match");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
        .setControllerAdvice(new ProblemResponses(new StaticListableBeanFactory().getBeanProvider(Tracer.class)))
        .build();

    @Test
    void anUnexpectedErrorIsAProblemWithTheCorrelationIdItWasLoggedUnder(CapturedOutput log) throws Exception {
        MvcResult result = mvc.perform(post("/unforeseen")).andReturn();
        JsonNode problem = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
        String correlationId = problem.get(ProblemResponses.CORRELATION_ID).asString();

        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(problem.get("detail").asString()).contains(correlationId).doesNotContain("a bug nobody foresaw");
        assertThat(log.getOut()).contains("correlationId=" + correlationId, "a bug nobody foresaw");
    }

    @Test
    void aRefusalInAControllerIsLeftToTheSecurityChainNotTurnedIntoAnError() {
        assertThatThrownBy(() -> mvc.perform(post("/refused"))).hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
