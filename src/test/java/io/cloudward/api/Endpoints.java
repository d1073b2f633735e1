package io.cloudward.api;

import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every HTTP endpoint the application declares (API and pages), read from the compiled resource
 * classes, so that tests over "all endpoints" cover a new one without being told about it.
 */
public final class Endpoints {

    public record Endpoint(String method, String path, Class<?> resource, Method javaMethod, Permission permission) {
        public boolean tenantScoped() {
            return path.contains("{tenantId}");
        }

        public boolean api() {
            return path.startsWith("/api/");
        }

        public boolean mutating() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Endpoints() {
    }

    public static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                httpMethod(m).ifPresent(verb -> {
                    Path sub = m.getAnnotation(Path.class);
                    String path = join(base, sub == null ? "" : sub.value());
                    Requires requires = m.getAnnotation(Requires.class);
                    endpoints.add(new Endpoint(verb, path, resource, m, requires == null ? null : requires.value()));
                });
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static Optional<String> httpMethod(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> resourceClasses() {
        java.nio.file.Path classes = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/cloudward"))) {
            List<Class<?>> result = new ArrayList<>();
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, Endpoints.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    result.add(type);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("could not load a resource class", e);
        }
    }
}
