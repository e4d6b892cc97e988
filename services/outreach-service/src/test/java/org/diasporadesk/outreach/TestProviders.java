package org.diasporadesk.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers the outreach tests send through, started once per test JVM on the ports the test configuration
 * names: GreenMail as a real SMTP server, and an SMS gateway speaking the HTTP contract of
 * {@code HttpGatewayChannel}. The gateway can be taken down (503) to simulate an outage; it counts how often each
 * idempotency key was accepted, and like a real gateway it accepts a key once.
 */
public final class TestProviders {

    public static final String CALLBACK_TOKEN = "test-callback-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static GreenMail mail;
    private static SmsGateway sms;

    private TestProviders() {
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(29025, "localhost", ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
        return mail;
    }

    /** The first e-mail GreenMail received for the address, if any. */
    public static Optional<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail().getReceivedMessages()).filter(received -> {
            try {
                return received.getAllRecipients()[0].toString().equals(address);
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).findFirst();
    }

    public static synchronized SmsGateway sms() {
        if (sms == null) {
            sms = new SmsGateway(29080);
        }
        return sms;
    }

    /** One text message as the gateway received it. */
    public record Sms(String key, String to, String text) {
    }

    public static final class SmsGateway {

        private final AtomicBoolean down = new AtomicBoolean();
        private final AtomicInteger refusedCalls = new AtomicInteger();
        private final Map<String, Integer> acceptedPerKey = new ConcurrentHashMap<>();
        private final List<Sms> accepted = new CopyOnWriteArrayList<>();

        SmsGateway(int port) {
            // Without this the JDK server sends headers and body in two segments and Nagle's algorithm holds
            // the second back until the client's delayed ACK (about 40 ms a message, far slower than a gateway).
            System.setProperty("sun.net.httpserver.nodelay", "true");
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
                server.createContext("/messages", exchange -> {
                    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                    int status;
                    if (down.get()) {
                        refusedCalls.incrementAndGet();
                        status = 503;
                    }
                    else if (!"Bearer gateway-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                        status = 401;
                    }
                    else {
                        if (acceptedPerKey.merge(key, 1, Integer::sum) == 1) {
                            accepted.add(new Sms(key, body.get("to").asString(), body.get("text").asString()));
                        }
                        status = 200;
                    }
                    byte[] answer = status == 200 ? ("{\"id\":\"gw-" + key + "\"}").getBytes(StandardCharsets.UTF_8)
                            : new byte[0];
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                });
                // Answers several messages at once, as the dispatcher sends them.
                server.setExecutor(Executors.newFixedThreadPool(8));
                server.start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("the fake SMS gateway could not take port " + port, ex);
            }
        }

        public void down(boolean isDown) {
            down.set(isDown);
        }

        public boolean isDown() {
            return down.get();
        }

        public int refusedCalls() {
            return refusedCalls.get();
        }

        /** How many messages were accepted, once per idempotency key. */
        public int acceptedCount() {
            return accepted.size();
        }

        /** Messages accepted, once per idempotency key. */
        public List<Sms> accepted() {
            return List.copyOf(accepted);
        }

        public List<Sms> to(String phone) {
            return accepted.stream().filter(sms -> sms.to().equals(phone)).toList();
        }

        /** How often the key was presented while the gateway was up: more than 1 means a retry after success. */
        public int presentations(String key) {
            return acceptedPerKey.getOrDefault(key, 0);
        }

        public Map<String, Integer> presentations() {
            return Map.copyOf(acceptedPerKey);
        }
    }
}
