package org.diasporadesk.outreach.channels;

import java.net.http.HttpClient;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * An SMS or messenger provider's HTTP gateway: {@code POST <endpoint>} with JSON {@code {reference, to, text}},
 * the idempotency key in the {@code Idempotency-Key} header and the token as a bearer token; the answer's
 * {@code id} is the provider's message id. A 4xx other than 408 and 429 is a refusal of this message; timeouts,
 * 408, 429 and 5xx may pass later.
 */
public class HttpGatewayChannel implements ChannelAdapter {

    private final Channel channel;
    private final RestClient gateway;

    public HttpGatewayChannel(Channel channel, ChannelProperties.Settings settings) {
        this.channel = channel;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
            .connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        RestClient.Builder builder = RestClient.builder().requestFactory(requests).baseUrl(settings.endpoint());
        if (settings.token() != null && !settings.token().isBlank()) {
            builder.defaultHeader("Authorization", "Bearer " + settings.token());
        }
        this.gateway = builder.build();
    }

    record GatewayAnswer(String id) {
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String send(OutgoingMessage message) {
        try {
            GatewayAnswer answer = gateway.post()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", message.idempotencyKey())
                .body(Map.of("reference", message.idempotencyKey(), "to", message.address(), "text", message.body()))
                .retrieve()
                .body(GatewayAnswer.class);
            return answer == null || answer.id() == null ? message.idempotencyKey() : answer.id();
        }
        catch (RestClientResponseException answered) {
            HttpStatusCode status = answered.getStatusCode();
            boolean permanent = status.is4xxClientError() && status.value() != 408 && status.value() != 429;
            throw new ChannelException(channel + " gateway answered " + status.value(), permanent, answered);
        }
        catch (RestClientException unreachable) {
            throw new ChannelException(channel + " gateway unreachable: " + unreachable.getMessage(), false, unreachable);
        }
    }
}
