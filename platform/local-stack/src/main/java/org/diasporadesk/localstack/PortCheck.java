package org.diasporadesk.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The local stack's ports are free before anything starts. A service left running by an earlier stack (or anything
 * else on those ports) would otherwise answer for the new one while its own children fail to bind, and the stack
 * would look ready while running last week's code on last week's data.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @throws IllegalStateException naming each taken port, what it is for, and how to find what holds it */
    static void requireFree(StackConfig config) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(config.kafkaPort(), "Kafka");
        ports.put(config.kafkaControllerPort(), "Kafka's controller");
        ports.put(config.mongoPort(), "the Mongo wire server");
        ports.put(config.identityPort(), "identity-server");
        config.services().forEach(service -> ports.put(service.port(), service.name()));
        Map<Integer, String> taken = new LinkedHashMap<>();
        ports.forEach((port, use) -> {
            if (!isFree(port)) {
                taken.put(port, use);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Port" + (taken.size() > 1 ? "s " : " ") + taken.entrySet().stream()
                .map(port -> port.getKey() + " (" + port.getValue() + ")").collect(Collectors.joining(", "))
                + (taken.size() > 1 ? " are" : " is") + " already in use, so the local stack does not start. An "
                + "earlier stack or its services may still be running: see what holds them with `ss -ltnp 'sport = :"
                + taken.keySet().iterator().next() + "'` (or `lsof -i :" + taken.keySet().iterator().next()
                + "`), stop it, and start again.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        }
        catch (IOException inUse) {
            return false;
        }
    }
}
