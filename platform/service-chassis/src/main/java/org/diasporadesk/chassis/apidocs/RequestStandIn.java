package org.diasporadesk.chassis.apidocs;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A request that was never received, for asking the authorization rules about a method and path: it answers
 * what request matchers read (method, URI, paths, attributes) and nothing else. Servlet containers' own
 * requests need a live connection and Spring's mock request lives in its test library, hence this stand-in.
 */
final class RequestStandIn {

    private RequestStandIn() {
    }

    static HttpServletRequest of(String method, String path) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(RequestStandIn.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, invoked, args) -> switch (invoked.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> path;
                    case "getRequestURL" -> new StringBuffer("http://localhost").append(path);
                    case "getServletPath" -> path;
                    case "getContextPath" -> "";
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 80;
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames", "getHeaders", "getHeaderNames", "getParameterNames" ->
                        Collections.emptyEnumeration();
                    case "getParameterMap" -> Map.of();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + path;
                    default -> invoked.isDefault() ? InvocationHandler.invokeDefault(proxy, invoked, args)
                            : emptyValueOf(invoked);
                });
    }

    private static Object emptyValueOf(Method invoked) {
        Class<?> type = invoked.getReturnType();
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
